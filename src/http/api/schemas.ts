import { z } from 'zod';
import { TEXT_LIMITS } from '../../domain/limits';
import { METRIC_OUTCOMES, OUTCOMES, STAGES, type MetricName } from '../../services/dashboards';
import { problemSchema } from './problem';

/** `C-1042` or `1042` in a path. */
export const refParams = z.object({
  ref: z
    .string()
    .regex(/^(C-)?\d{1,9}$/i, 'A candidate reference looks like C-1042 or 1042.')
    .transform((v) => Number(v.replace(/^C-/i, ''))),
});
export const idParams = z.object({ id: z.string().min(1).max(100) });

export const candidateRowSchema = z
  .object({
    submissionId: z.string(),
    candidateRef: z.number().int().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    outcome: z.enum(OUTCOMES),
    stage: z.enum(STAGES).nullable(),
    campaign: z.string(),
    submittedAt: z.iso.datetime(),
    submittedBy: z.string(),
    firstAddedAt: z.iso
      .datetime()
      .nullable()
      .describe('For a resubmission or a duplicate: when its candidate was first added (that candidate has its own row)'),
    possibleDuplicateOf: z
      .number()
      .int()
      .nullable()
      .describe(
        'A flag for recruiters, never shown to agencies: the earlier candidate with the same name and the same phone ending or email name in the window. It changed no outcome.',
      ),
  })
  .meta({ id: 'CandidateRow' });

export const candidatePageSchema = z
  .object({
    rows: z.array(candidateRowSchema),
    total: z.number().int(),
    /** True when the list has more rows than `total`: counting stops at 200 (or just past the page). */
    totalCapped: z.boolean(),
    page: z.number().int(),
    pageCount: z.number().int(),
    metrics: z.object({
      ...(Object.fromEntries(METRIC_OUTCOMES.map(({ field }) => [field, z.number().int()])) as Record<MetricName, z.ZodNumber>),
      from: z.iso.datetime(),
      to: z.iso.datetime(),
    }),
  })
  .meta({ id: 'CandidatePage' });

export const candidateProfileSchema = z
  .object({
    id: z.string(),
    ref: z.number().int(),
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string().describe('E.164'),
    email: z.string(),
    outcome: z.enum(OUTCOMES),
    stage: z.enum(STAGES),
    source: z.string(),
    channel: z.string(),
    agency: z.string(),
    addedBy: z.string(),
    addedAt: z.iso.datetime(),
    campaign: z.string(),
    resumeSummary: z.string().nullable(),
    educationSummary: z.string().nullable(),
    resumeExperience: z.string().nullable(),
    comments: z.array(
      z.object({ id: z.string(), author: z.string(), authorRole: z.string(), body: z.string(), createdAt: z.iso.datetime() }),
    ),
    ownership: z
      .object({
        agency: z.string().describe('The agency that holds the candidate (the one whose submission created it)'),
        until: z.iso.datetime().describe('The end of its hold: the duplicate rule’s window from that submission'),
        endShownToAgencies: z.boolean().describe('Whether the rule tells other agencies this date'),
      })
      .meta({ id: 'Ownership' }),
    possibleDuplicates: z
      .array(z.number().int())
      .describe(
        'Candidates (refs) that may be the same person: same name, and the same phone ending or email name, in the window. A flag for recruiters, never shown to agencies; it changed no outcome.',
      ),
  })
  .meta({ id: 'CandidateProfile' });

/** Who the comment or stage change is by; defaults to the user the API key acts as. */
const authorEmail = z.email().max(254).optional().describe('Email of the recruiter (or owner) acting');

export const commentBodySchema = z
  .object({ body: z.string().trim().min(1).max(4000), authorEmail })
  .strict()
  .meta({ id: 'NewComment' });
export const commentCreatedSchema = z
  .object({ commentId: z.string(), candidateRef: z.number().int() })
  .meta({ id: 'CommentCreated' });

export const stageBodySchema = z
  .object({ stage: z.enum(STAGES), authorEmail })
  .strict()
  .meta({ id: 'StageChange' });
export const stageChangedSchema = z
  .object({ candidateRef: z.number().int(), from: z.enum(STAGES), to: z.enum(STAGES) })
  .meta({ id: 'StageChanged' });

export const candidatesQuery = z
  .object({
    agencyId: z.string().optional(),
    search: z.string().max(100).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    stage: z.enum(STAGES).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();

/** The sources the ATS names in lower case; the service's names are these upper-cased. */
export const EXTERNAL_SOURCE_WORDS = ['direct', 'referral', 'vendor', 'other'] as const;

export const newExternalCandidateSchema = z
  .object({
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('The ATS’s own id of the person: the same id and details again return the same record (200)'),
    source: z.enum(EXTERNAL_SOURCE_WORDS).describe('Where the person came from: not an agency of this portal'),
    firstName: z.string().trim().min(1).max(TEXT_LIMITS.personName),
    lastName: z.string().trim().min(1).max(TEXT_LIMITS.personName),
    phone: z.string().max(40).optional().describe('With the country code, e.g. +63 917 123 4567; stored in E.164'),
    email: z.string().max(254).optional().describe('Stored trimmed and lower-cased'),
  })
  .strict()
  .refine((c) => Boolean(c.phone?.trim() || c.email?.trim()), {
    message: 'Give phone, email or both: the duplicate check matches on them.',
    path: ['phone'],
  })
  .meta({ id: 'NewExternalCandidate', description: 'Give phone, email or both.' });

export const externalCandidateSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    source: z.enum(EXTERNAL_SOURCE_WORDS),
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string().nullable().describe('E.164'),
    email: z.string().nullable(),
    registeredAt: z.iso.datetime().describe('From here the duplicate rule’s window counts, as from an agency’s submission'),
    ownership: z
      .object({
        ownedByAgency: z.literal(true),
        agencyId: z.string(),
        agency: z.string().describe('The agency’s name'),
        until: z.iso.datetime().describe('The last day the agency holds the person (its submission plus the rule’s window)'),
      })
      .nullable()
      .describe('An agency that already held the person when they were registered (a fee to settle), or null'),
  })
  .meta({ id: 'ExternalCandidate' });

export const campaignSchema = z
  .object({ id: z.string(), name: z.string(), status: z.enum(['OPEN', 'CLOSED']), openToAll: z.boolean() })
  .meta({ id: 'Campaign' });

export const newCampaignSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    /** Restrict to these agencies; empty or absent → open to every agency. */
    agencyIds: z.array(z.string()).max(500).default([]),
  })
  .strict()
  .meta({ id: 'NewCampaign' });

export const campaignPatchSchema = z
  .object({ status: z.enum(['OPEN', 'CLOSED']).optional(), agencyIds: z.array(z.string()).max(500).optional() })
  .strict()
  .refine((p) => p.status !== undefined || p.agencyIds !== undefined, 'Give status, agencyIds or both.')
  .meta({ id: 'CampaignPatch' });

export const recruiterBodySchema = z.object({ email: z.email() }).strict().meta({ id: 'RecruiterAssignment' });

export const duplicateRuleSchema = z
  .object({
    windowMonths: z.number().int().min(1).max(60),
    matchOn: z.enum(['PHONE', 'EMAIL', 'EITHER']),
    crossAgency: z.enum(['FLAG', 'BLOCK']),
    sameAgency: z.enum(['FLAG', 'BLOCK']),
    showOwnershipEnd: z
      .boolean()
      .default(true)
      .describe(
        'Whether an agency that does not hold the person is told when the hold ends (outcome, lists). The holding agency and the employer always see it.',
      ),
    directApplicant: z
      .enum(['FLAG', 'BLOCK'])
      .default('FLAG')
      .describe(
        'An agency submission of someone this ATS registered first (POST /candidates): FLAG records it as ALREADY_IN_SYSTEM, BLOCK refuses it',
      ),
  })
  .strict()
  .meta({ id: 'DuplicateRule' });
export const ruleParams = z.object({ scope: z.string().min(1).max(100).describe('`global` or a campaign id') });

export const deliveriesQuery = z
  .object({
    status: z.enum(['failed', 'pending', 'sent', 'all']).default('failed'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.iso.datetime().optional(),
  })
  .strict();

export const deliverySchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['PENDING', 'SENT', 'FAILED', 'UNREACHABLE']),
    channel: z.string(),
    recipient: z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }),
    candidateRef: z.number().int().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    failedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Delivery' });

export const retryDeliveriesBodySchema = z
  .object({
    ids: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(1000)
      .optional()
      .describe('The FAILED deliveries to send again; absent: every FAILED one'),
  })
  .strict()
  .meta({ id: 'RetryDeliveries' });
export const deliveriesRetriedSchema = z
  .object({ retried: z.number().int().describe('How many were put back in line'), ids: z.array(z.string()) })
  .meta({ id: 'DeliveriesRetried' });

export { problemSchema };
