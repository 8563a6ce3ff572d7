import { z } from 'zod';
import { normalizeEmail, normalizePhone } from '../domain/contact';
import { classifySubmission, DEFAULT_DUPLICATE_RULE, type BlockReason, type DuplicateRuleSpec } from '../domain/duplicates';
import { canSubmit } from '../domain/permissions';
import type { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor } from './actor';
import { findMatches } from './duplicate-check';
import { writeAudit, type DbOrTx } from './audit';
import { campaignOpenToAgency } from './campaigns';
import type { ServiceDeps } from './deps';
import { InvalidInputError, NotFoundError } from './errors';
import { recordOutboxEvent } from './outbox';
import { parseOrThrow } from './validate';

export const PLATFORMS = ['WEB', 'TELEGRAM', 'SLACK', 'TEAMS'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type PlatformName = z.infer<typeof platformSchema>;

export const submitCandidateInput = z.object({
  firstName: z.string().trim().min(1, 'First name is required.').max(100),
  lastName: z.string().trim().min(1, 'Last name is required.').max(100),
  phone: z.string(),
  email: z.string(),
  campaignId: z.string().min(1, 'Pick a campaign.'),
  channel: platformSchema,
  resumeFileId: z.string().optional(),
  /** What was read from the resume, kept on a new candidate (DESIGN §2 candidate record). */
  resume: z
    .object({
      resumeSummary: z.string().max(2000).nullish(),
      educationSummary: z.string().max(2000).nullish(),
      resumeExperience: z.string().max(2000).nullish(),
    })
    .optional(),
});
export type SubmitCandidateInput = z.input<typeof submitCandidateInput>;

export type SubmissionResult =
  | { outcome: 'ADDED'; submissionId: string; candidateId: string; candidateRef: number; outboxEventId?: string }
  | { outcome: 'PREVIOUSLY_SUBMITTED'; submissionId: string; candidateId: string; candidateRef: number }
  | { outcome: 'DUPLICATE'; submissionId: string }
  | { outcome: 'BLOCKED'; reason: BlockReason };

/** Reads the campaign's own rule, else the global default row, else the built-in default. */
export async function ruleFor(db: DbOrTx, campaignId: string): Promise<DuplicateRuleSpec> {
  const rules = await db.duplicateRule.findMany({
    where: { scope: { in: [campaignId, 'global'] } },
    select: { scope: true, windowMonths: true, matchOn: true, crossAgency: true, sameAgency: true },
  });
  const rule = rules.find((r) => r.scope === campaignId) ?? rules.find((r) => r.scope === 'global');
  return rule ?? DEFAULT_DUPLICATE_RULE;
}

/**
 * A 64-bit advisory lock key per normalized phone / email. Locks are taken in sorted order so two
 * submissions that share both keys cannot deadlock.
 */
async function lockKeys(tx: Prisma.TransactionClient, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
}

/**
 * Submits (endorses) a candidate: validates, classifies against the duplicate rules and records the
 * outcome, all in one transaction serialized on the normalized phone and email (DESIGN §2).
 */
export async function submitCandidate(deps: ServiceDeps, actorId: string, raw: SubmitCandidateInput): Promise<SubmissionResult> {
  const actor = await loadActor(deps.sql, actorId);
  assertAllowed(canSubmit(actor));
  const input = parseOrThrow(submitCandidateInput, raw);
  const phone = normalizePhone(input.phone);
  if (!phone.ok) throw new InvalidInputError(phone.error.message, 'phone');
  const email = normalizeEmail(input.email);
  if (!email.ok) throw new InvalidInputError(email.error.message, 'email');
  const agencyId = actor.agencyId as string; // canSubmit guarantees an agency

  const campaign = await deps.db.campaign.findUnique({
    where: { id: input.campaignId },
    select: { id: true, status: true, openToAll: true, agencies: { where: { agencyId }, select: { agencyId: true } } },
  });
  if (!campaign || !campaignOpenToAgency(campaign)) {
    throw new NotFoundError('That campaign is not open to your agency. Pick one of the open campaigns shown.');
  }

  const key = { phone: phone.value, email: email.value };
  return deps.db.$transaction(async (tx) => {
    await lockKeys(tx, [`phone:${key.phone}`, `email:${key.email}`]);
    const now = deps.now();
    const rule = await ruleFor(tx, campaign.id);
    const candidates = await findMatches(tx, { key, rule, agencyId, now });
    const verdict = classifySubmission({ rule, agencyId, key, now, candidates });
    const submission = {
      agencyId,
      submittedById: actor.userId,
      campaignId: campaign.id,
      firstName: input.firstName,
      lastName: input.lastName,
      phone: key.phone,
      email: key.email,
      channel: input.channel,
      resumeFileId: input.resumeFileId ?? null,
      submittedAt: now,
    };
    switch (verdict.outcome) {
      case 'BLOCKED':
        // Nothing is created; the audit row keeps the attempt traceable without personal data.
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'submission.blocked',
          targetType: 'campaign',
          targetId: campaign.id,
          details: { reason: verdict.reason },
        });
        return { outcome: 'BLOCKED', reason: verdict.reason };
      case 'ADDED': {
        const candidate = await tx.candidate.create({
          data: {
            firstName: input.firstName,
            lastName: input.lastName,
            phone: key.phone,
            email: key.email,
            channel: input.channel,
            agencyId,
            submittedById: actor.userId,
            campaignId: campaign.id,
            resumeFileId: input.resumeFileId ?? null,
            resumeSummary: input.resume?.resumeSummary ?? null,
            educationSummary: input.resume?.educationSummary ?? null,
            resumeExperience: input.resume?.resumeExperience ?? null,
            submittedAt: now,
          },
          select: { id: true, ref: true },
        });
        const row = await tx.submission.create({
          data: { ...submission, candidateId: candidate.id, outcome: 'ADDED' },
          select: { id: true },
        });
        const added = { outcome: 'ADDED' as const, submissionId: row.id, candidateId: candidate.id, candidateRef: candidate.ref };
        // Committed with the candidate: the recruiters hear of it even if the process dies now.
        return { ...added, outboxEventId: await recordOutboxEvent(tx, { kind: 'candidate.submitted', data: added }) };
      }
      case 'PREVIOUSLY_SUBMITTED': {
        const match = candidates.find((c) => c.id === verdict.match.id);
        const row = await tx.submission.create({
          data: { ...submission, candidateId: verdict.match.id, outcome: 'PREVIOUSLY_SUBMITTED' },
          select: { id: true },
        });
        return {
          outcome: 'PREVIOUSLY_SUBMITTED',
          submissionId: row.id,
          candidateId: verdict.match.id,
          candidateRef: match?.ref ?? 0,
        };
      }
      case 'DUPLICATE': {
        const row = await tx.submission.create({
          data: { ...submission, candidateId: verdict.match.id, outcome: 'DUPLICATE' },
          select: { id: true },
        });
        // The other agency's candidate stays hidden: only the submission's own id goes back.
        return { outcome: 'DUPLICATE', submissionId: row.id };
      }
    }
  });
}
