import { z } from 'zod';
import { DASHBOARD_VIEWS, FILTER_OUTCOMES, STAGES } from '../services/dashboards';
import { DISPUTABLE_OUTCOMES } from '../domain/disputes';

/**
 * What a conversation remembers between events, stored as JSON on the Conversation row. Parsed on
 * load: a row written by an older version that no longer fits is dropped, not trusted.
 */
export const WIZARD_STEPS = ['name', 'lastName', 'phone', 'email', 'campaign', 'resume', 'confirm'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const resumeStateSchema = z.object({
  status: z.enum(['reading', 'done', 'failed']),
  filename: z.string(),
  fileId: z.string().optional(),
  errorCode: z.string().optional(),
  resumeSummary: z.string().nullish(),
  educationSummary: z.string().nullish(),
  resumeExperience: z.string().nullish(),
});
export type ResumeState = z.infer<typeof resumeStateSchema>;

export const draftSchema = z.object({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  campaignId: z.string().optional(),
  campaignName: z.string().optional(),
  resume: resumeStateSchema.optional(),
  resumeSkipped: z.boolean().optional(),
});
export type Draft = z.infer<typeof draftSchema>;

export const wizardSchema = z.object({
  kind: z.literal('wizard'),
  step: z.enum(WIZARD_STEPS),
  history: z.array(z.enum(WIZARD_STEPS)),
  draft: draftSchema,
});
export type WizardState = z.infer<typeof wizardSchema>;

const dialogSchema = z.discriminatedUnion('kind', [
  wizardSchema,
  z.object({ kind: z.literal('comment'), ref: z.number().int() }),
  z.object({ kind: z.literal('rename'), userId: z.string(), label: z.string() }),
  /** A new user with no name yet (the inviter gave none): their next text is their name. */
  z.object({ kind: z.literal('ownName') }),
  /** A dispute being written (issue 19): the reason, then an optional evidence file, then Send. */
  z.object({
    kind: z.literal('dispute'),
    /** The submission's short reference, `S-1a2b3c4d`. */
    ref: z.string(),
    step: z.enum(['reason', 'confirm']),
    reason: z.string().optional(),
    evidence: z.object({ fileId: z.string(), filename: z.string() }).optional(),
  }),
  /** An owner or recruiter deciding a dispute: their next text is the reason the agency will read. */
  z.object({ kind: z.literal('decide'), ref: z.number().int(), decision: z.enum(['uphold', 'transfer']) }),
  z.object({
    kind: z.literal('confirm'),
    op: z.enum(['disableUser', 'disableAgency']),
    targetId: z.string(),
    label: z.string(),
  }),
]);
export type Dialog = z.infer<typeof dialogSchema>;

/** The query behind the last list shown, so Prev / Next buttons carry only a page number. */
const listSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dash'),
    view: z.enum(DASHBOARD_VIEWS),
    search: z.string().optional(),
    outcome: z.enum(FILTER_OUTCOMES).optional(),
    stage: z.enum(STAGES).optional(),
    agencyId: z.string().optional(),
    agencyLabel: z.string().optional(),
    campaignId: z.string().optional(),
    campaignLabel: z.string().optional(),
    /** The metrics period in days back from now. */
    days: z.number().int().optional(),
  }),
  z.object({
    kind: z.literal('users'),
    search: z.string().optional(),
    role: z.enum(['OWNER', 'AGENCY_ADMIN', 'AGENCY_USER', 'RECRUITER']).optional(),
    agencyId: z.string().optional(),
    country: z.string().optional(),
  }),
  z.object({
    kind: z.literal('disputes'),
    status: z.enum(['OPEN', 'UPHELD', 'TRANSFERRED']).optional(),
    outcome: z.enum(DISPUTABLE_OUTCOMES).optional(),
    campaignId: z.string().optional(),
    campaignLabel: z.string().optional(),
    agencyId: z.string().optional(),
    agencyLabel: z.string().optional(),
  }),
]);
export type ListQuery = z.infer<typeof listSchema>;

export const conversationStateSchema = z.object({
  dialog: dialogSchema.nullish(),
  list: listSchema.nullish(),
  /** A command word typed into an open dialog, kept while the bot asks which was meant (command-words.ts). */
  pending: z.string().max(8000).optional(),
  /** Hash of the identity's last seen chat address: the identity row is updated when it changes. */
  addr: z.string().optional(),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;

export function parseState(raw: unknown): ConversationState {
  const parsed = conversationStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
