import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { normalizeEmail, normalizePhone } from '../domain/contact';
import {
  classifySubmission,
  DEFAULT_DUPLICATE_RULE,
  ownershipOf,
  type BlockReason,
  type DuplicateRuleSpec,
} from '../domain/duplicates';
import { canSubmit } from '../domain/permissions';
import type { Role } from '../domain/permissions';
import { platformSchema } from '../domain/platforms';
import { assertAllowed, loadActor, SYSTEM_ACTOR, toActor } from './actor';
import { findMatches } from './duplicate-check';
import { campaignOpenToAgency } from './campaigns';
import type { ServiceDeps } from './deps';
import { InvalidInputError, NotFoundError } from './errors';
import { parseOrThrow } from './validate';
import { TEXT_LIMITS } from '../domain/limits';

export const submitCandidateInput = z.object({
  firstName: z.string().trim().min(1, 'First name is required.').max(TEXT_LIMITS.personName),
  lastName: z.string().trim().min(1, 'Last name is required.').max(TEXT_LIMITS.personName),
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

/**
 * Ownership as the submitting agency may see it: whether the candidate is theirs and until when,
 * nothing about another agency but that it holds the person until that day.
 */
export interface OwnershipSeen {
  yours: boolean;
  until: Date;
}

export type SubmissionResult =
  | {
      outcome: 'ADDED';
      submissionId: string;
      candidateId: string;
      candidateRef: number;
      ownership: OwnershipSeen;
      outboxEventId?: string;
    }
  | { outcome: 'PREVIOUSLY_SUBMITTED'; submissionId: string; candidateId: string; candidateRef: number; ownership: OwnershipSeen }
  | { outcome: 'DUPLICATE'; submissionId: string; ownership: OwnershipSeen }
  | {
      outcome: 'BLOCKED';
      reason: BlockReason;
      ownership: OwnershipSeen;
      /** The attempt's audit row: its short reference is what the agency disputes the block by. */
      attemptId: string;
    };

/**
 * Takes a transaction-scoped advisory lock per normalized phone / email, in sorted order so two
 * submissions that share both keys cannot deadlock, and reads the campaign's rule and the global
 * default in the same round trip. The duplicate check must be the next statement: its snapshot is
 * taken after the locks are held, so it sees whatever the previous holder committed.
 */
const LOCK_KEYS_AND_READ_RULES = `
  WITH locked AS (
    SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) AS n
    FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys
  )
  SELECT r."scope", r."windowMonths", r."matchOn"::text AS "matchOn", r."crossAgency"::text AS "crossAgency",
         r."sameAgency"::text AS "sameAgency"
  FROM locked LEFT JOIN "DuplicateRule" r ON r."scope" IN ($2, 'global')`;

/** Who submits, and whether the campaign is open to their agency: one statement before the transaction. */
const SUBMITTER_AND_CAMPAIGN = `
  SELECT u."role"::text AS "role", u."status"::text AS "status", u."agencyId", a."status"::text AS "agencyStatus",
         c."id" AS "campaignId", c."status"::text AS "campaignStatus", c."openToAll",
         EXISTS (SELECT 1 FROM "CampaignAgency" ca WHERE ca."campaignId" = c."id" AND ca."agencyId" = u."agencyId") AS "assigned"
  FROM "User" u
  LEFT JOIN "Agency" a ON a."id" = u."agencyId"
  LEFT JOIN "Campaign" c ON c."id" = $2
  WHERE u."id" = $1`;

const INSERT_CANDIDATE_AND_SUBMISSION = `
  WITH c AS (
    INSERT INTO "Candidate" ("id", "firstName", "lastName", "phone", "email", "channel", "agencyId", "submittedById",
                             "campaignId", "resumeFileId", "resumeSummary", "educationSummary", "resumeExperience",
                             "submittedAt", "createdAt", "updatedAt")
    VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5::"Platform", $6, $7, $8, $9, $10, $11, $12,
            $13::timestamp, $13::timestamp, $13::timestamp)
    RETURNING "id", "ref"
  ), s AS (
    INSERT INTO "Submission" ("id", "candidateId", "agencyId", "submittedById", "campaignId", "firstName", "lastName",
                              "phone", "email", "outcome", "channel", "resumeFileId", "submittedAt")
    SELECT gen_random_uuid()::text, c."id", $6, $7, $8, $1, $2, $3, $4, 'ADDED', $5::"Platform", $9, $13::timestamp FROM c
    RETURNING "id"
  )
  SELECT c."id" AS "candidateId", c."ref", s."id" AS "submissionId" FROM c, s`;

const INSERT_SUBMISSION = `
  INSERT INTO "Submission" ("id", "candidateId", "agencyId", "submittedById", "campaignId", "firstName", "lastName",
                            "phone", "email", "outcome", "channel", "resumeFileId", "submittedAt")
  VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $7, $8, $9::"Outcome", $10::"Platform", $11, $12::timestamp)
  RETURNING "id"`;

/** The outbox row of a new candidate (see src/services/outbox.ts: the relay reads and checks it). */
const INSERT_OUTBOX_EVENT = `INSERT INTO "OutboxEvent" ("id", "kind", "payload") VALUES ($1, $2, $3::jsonb)`;

const INSERT_AUDIT = `
  INSERT INTO "AuditLog" ("id", "actorId", "action", "targetType", "targetId", "details", "at")
  VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5::jsonb, $6::timestamp)
  RETURNING "id"`;

interface SubmitterRow extends Record<string, unknown> {
  role: Role;
  status: string;
  agencyId: string | null;
  agencyStatus: string | null;
  campaignId: string | null;
  campaignStatus: 'OPEN' | 'CLOSED' | null;
  openToAll: boolean | null;
  assigned: boolean;
}

interface RuleRow extends Record<string, unknown> {
  scope: string | null;
  windowMonths: number;
  matchOn: DuplicateRuleSpec['matchOn'];
  crossAgency: DuplicateRuleSpec['crossAgency'];
  sameAgency: DuplicateRuleSpec['sameAgency'];
}

/** The campaign's own rule, else the global default row, else the built-in default. */
function pickRule(rows: readonly RuleRow[], campaignId: string): DuplicateRuleSpec {
  const rule = rows.find((r) => r.scope === campaignId) ?? rows.find((r) => r.scope === 'global');
  if (!rule) return DEFAULT_DUPLICATE_RULE;
  return { windowMonths: rule.windowMonths, matchOn: rule.matchOn, crossAgency: rule.crossAgency, sameAgency: rule.sameAgency };
}

/**
 * Submits (endorses) a candidate: validates, classifies against the duplicate rules and records the
 * outcome, all in one transaction serialized on the normalized phone and email (DESIGN §2). Every
 * statement goes straight to the driver: a confirm costs four round trips inside the transaction
 * (locks and rule, check, write, commit) and one before it.
 */
export async function submitCandidate(deps: ServiceDeps, actorId: string, raw: SubmitCandidateInput): Promise<SubmissionResult> {
  const rawCampaignId = typeof raw.campaignId === 'string' ? raw.campaignId : '';
  const [row] =
    actorId === SYSTEM_ACTOR ? [] : await deps.sql.query<SubmitterRow>(SUBMITTER_AND_CAMPAIGN, [actorId, rawCampaignId]);
  const actor = row ? toActor(actorId, row) : await loadActor(deps.sql, actorId);
  assertAllowed(canSubmit(actor));
  const input = parseOrThrow(submitCandidateInput, raw);
  const phone = normalizePhone(input.phone);
  if (!phone.ok) throw new InvalidInputError(phone.error.message, 'phone');
  const email = normalizeEmail(input.email);
  if (!email.ok) throw new InvalidInputError(email.error.message, 'email');
  const agencyId = actor.agencyId as string; // canSubmit guarantees an agency

  const campaign =
    row?.campaignId && row.campaignStatus
      ? { status: row.campaignStatus, openToAll: row.openToAll === true, agencies: row.assigned ? [{ agencyId }] : [] }
      : null;
  if (!campaign || !campaignOpenToAgency(campaign)) {
    throw new NotFoundError('That campaign is not open to your agency. Pick one of the open campaigns shown.');
  }
  const campaignId = input.campaignId;

  const key = { phone: phone.value, email: email.value };
  return deps.sql.transaction(async (tx): Promise<SubmissionResult> => {
    const keys = [...new Set([`phone:${key.phone}`, `email:${key.email}`])].sort();
    const rule = pickRule(await tx.query<RuleRow>(LOCK_KEYS_AND_READ_RULES, [keys, campaignId]), campaignId);
    const now = deps.now();
    const candidates = await findMatches(tx, { key, rule, agencyId, now });
    const verdict = classifySubmission({ rule, agencyId, key, now, candidates });
    const at = now.toISOString();
    const seen = (holder: { agencyId: string; submittedAt: Date }): OwnershipSeen => {
      const owner = ownershipOf(holder, rule.windowMonths);
      return { yours: owner.agencyId === agencyId, until: owner.until };
    };
    const common = [agencyId, actor.userId, campaignId, input.firstName, input.lastName, key.phone, key.email];
    switch (verdict.outcome) {
      case 'BLOCKED': {
        // Nothing is created; the audit row keeps the attempt traceable without personal data. The
        // matched candidate's id lets the agency dispute the block (src/services/disputes.ts).
        const [attempt] = await tx.query<{ id: string }>(INSERT_AUDIT, [
          actor.userId,
          'submission.blocked',
          'campaign',
          campaignId,
          JSON.stringify({ reason: verdict.reason, candidateId: verdict.match.id }),
          at,
        ]);
        if (!attempt) throw new Error('the audit insert returned no row');
        return { outcome: 'BLOCKED', reason: verdict.reason, ownership: seen(verdict.match), attemptId: attempt.id };
      }
      case 'ADDED': {
        const [added] = await tx.query<{ candidateId: string; ref: number; submissionId: string }>(
          INSERT_CANDIDATE_AND_SUBMISSION,
          [
            input.firstName,
            input.lastName,
            key.phone,
            key.email,
            input.channel,
            agencyId,
            actor.userId,
            campaignId,
            input.resumeFileId ?? null,
            input.resume?.resumeSummary ?? null,
            input.resume?.educationSummary ?? null,
            input.resume?.resumeExperience ?? null,
            at,
          ],
        );
        if (!added) throw new Error('the candidate insert returned no row');
        const result = {
          outcome: 'ADDED' as const,
          submissionId: added.submissionId,
          candidateId: added.candidateId,
          candidateRef: added.ref,
        };
        // Committed with the candidate: the recruiters hear of it even if the process dies now.
        const outboxEventId = randomUUID();
        await tx.query(INSERT_OUTBOX_EVENT, [outboxEventId, 'candidate.submitted', JSON.stringify(result)]);
        return { ...result, ownership: seen({ agencyId, submittedAt: now }), outboxEventId };
      }
      case 'PREVIOUSLY_SUBMITTED':
      case 'DUPLICATE': {
        const [recorded] = await tx.query<{ id: string }>(INSERT_SUBMISSION, [
          verdict.match.id,
          ...common,
          verdict.outcome,
          input.channel,
          input.resumeFileId ?? null,
          at,
        ]);
        if (!recorded) throw new Error('the submission insert returned no row');
        if (verdict.outcome === 'DUPLICATE') {
          // The other agency's candidate stays hidden: only the submission's own id goes back.
          return { outcome: 'DUPLICATE', submissionId: recorded.id, ownership: seen(verdict.match) };
        }
        const match = candidates.find((c) => c.id === verdict.match.id);
        return {
          outcome: 'PREVIOUSLY_SUBMITTED',
          submissionId: recorded.id,
          candidateId: verdict.match.id,
          candidateRef: match?.ref ?? 0,
          ownership: seen(verdict.match),
        };
      }
    }
  });
}
