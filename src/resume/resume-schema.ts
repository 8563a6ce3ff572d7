import { z } from 'zod';

export const educationEntrySchema = z.object({
  school: z.string().nullable(),
  degree: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});

export const experienceEntrySchema = z.object({
  company: z.string().nullable(),
  title: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});

/** What the parser read from a resume; every field is optional in practice (null / empty). */
export const parsedResumeSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** E.164 when a country can be told (printed "+CC", or `defaultCountry`), else as printed. */
  phone: z.string().nullable(),
  /** The summary / objective section or the tagline under the name, shortened. */
  summary: z.string().nullable(),
  education: z.array(educationEntrySchema),
  experience: z.array(experienceEntrySchema),
  /** Short human-readable strings the candidate record keeps (DESIGN.md §2). */
  resumeSummary: z.string().nullable(),
  educationSummary: z.string().nullable(),
  resumeExperience: z.string().nullable(),
});

export type ParsedResume = z.infer<typeof parsedResumeSchema>;
export type EducationEntry = z.infer<typeof educationEntrySchema>;
export type ExperienceEntry = z.infer<typeof experienceEntrySchema>;
