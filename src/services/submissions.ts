import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canonicalEmail, nearDuplicateKey, normalizeEmail, normalizePhone } from '../domain/contact';
import {
  classifySubmission,
  DEFAULT_DUPLICATE_RULE,
  ownershipOf,
  ownershipSeenBy,
  windowStart,
  type BlockReason,
  type DuplicateRuleSpec,
  type OwnershipSeen,
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
 * nothing about another agency but that it holds the person until that day (or, where the rule
 * hides that day, only that it holds them: `until` null).
 */
export type { OwnershipSeen };

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
  /** The employer's ATS had the person first (a direct applicant): no agency owns them, nothing else is told. */
  | { outcome: 'ALREADY_IN_SYSTEM'; submissionId: string; ownership: null; outboxEventId?: string }
  /** `attemptId`: the attempt's audit row, whose short reference the agency disputes the block by. */
  | { outcome: 'BLOCKED'; reason: Exclude<BlockReason, 'already_in_system'>; ownership: OwnershipSeen; attemptId: string }
  | { outcome: 'BLOCKED'; reason: 'already_in_system'; ownership: null; attemptId: string };

/** Who submits, and whether the campaign is open to their agency (the placeholders given). */
const submitterAndCampaign = (campaign: string, user: string) => `
  SELECT u."role"::text AS "role", u."status"::text AS "status", u."agencyId", a."status"::text AS "agencyStatus",
         c."id" AS "campaignId", c."status"::text AS "campaignStatus", c."openToAll",
         EXISTS (SELECT 1 FROM "CampaignAgency" ca WHERE ca."campaignId" = c."id" AND ca."agencyId" = u."agencyId") AS "assigned"
  FROM "User" u
  LEFT JOIN "Agency" a ON a."id" = u."agencyId"
  LEFT JOIN "Campaign" c ON c."id" = ${campaign}
  WHERE u."id" = ${user}`;
const SUBMITTER_AND_CAMPAIGN = submitterAndCampaign('$1', '$2');

/**
 * Takes a transaction-scoped advisory lock per normalized phone / email, in sorted order so two
 * submissions that share both keys cannot deadlock, and reads the submitter ($3), the campaign
 * ($2), its rule and the global default in the same round trip (one row per rule found, the
 * submitter's columns on each). The duplicate check must be the next statement: its snapshot is
 * taken after the locks are held, so it sees whatever the previous holder committed. The submitter
 * is read fresh in the submission's own transaction: a disable committed before it is seen.
 */
const LOCK_KEYS_AND_READ_RULES = `
  WITH locked AS (
    SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) AS n
    FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys
  ), submitter AS (${submitterAndCampaign('$2', '$3')})
  SELECT r."scope", r."windowMonths", r."matchOn"::text AS "matchOn", r."crossAgency"::text AS "crossAgency",
         r."sameAgency"::text AS "sameAgency", r."showOwnershipEnd", r."directApplicant"::text AS "directApplicant",
         sub.*
  FROM locked LEFT JOIN submitter sub ON true LEFT JOIN "DuplicateRule" r ON r."scope" IN ($2, 'global')`;

/**
 * The new candidate and its submission, flagged for recruiters when an earlier candidate in the
 * window has the same name and the same phone tail ($14) or email local part ($15) — a possible
 * duplicate the exact keys missed. The lookup rides in the insert (no extra round trip); each of
 * its branches is a range scan on the (phoneTail | emailLocal, submittedAt) index, the names
 * ($17, $18, lower-cased) filtering the few rows it finds. It decides nothing: the outcome stays.
 * The outbox row ($19: its id) rides along too, so the recruiters hear of the candidate if the
 * process dies after the commit (see src/services/outbox.ts: the relay reads and checks it).
 */
const INSERT_CANDIDATE_AND_SUBMISSION = `
  WITH near AS (
    SELECT n."id" FROM (
      (SELECT "id", "submittedAt" FROM "Candidate"
        WHERE "phoneTail" = $14 AND "submittedAt" >= $16::timestamp AND lower("firstName") = $17 AND lower("lastName") = $18
        ORDER BY "submittedAt" LIMIT 1)
      UNION ALL
      (SELECT "id", "submittedAt" FROM "Candidate"
        WHERE "emailLocal" = $15 AND "submittedAt" >= $16::timestamp AND lower("firstName") = $17 AND lower("lastName") = $18
        ORDER BY "submittedAt" LIMIT 1)
    ) n ORDER BY n."submittedAt" LIMIT 1
  ), c AS (
    INSERT INTO "Candidate" ("id", "firstName", "lastName", "phone", "email", "channel", "agencyId", "submittedById",
                             "campaignId", "resumeFileId", "resumeSummary", "educationSummary", "resumeExperience",
                             "submittedAt", "createdAt", "updatedAt", "possibleDuplicateOfId")
    VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5::"Platform", $6, $7, $8, $9, $10, $11, $12,
            $13::timestamp, $13::timestamp, $13::timestamp, (SELECT "id" FROM near))
    RETURNING "id", "ref"
  ), s AS (
    INSERT INTO "Submission" ("id", "candidateId", "agencyId", "submittedById", "campaignId", "firstName", "lastName",
                              "phone", "email", "outcome", "channel", "resumeFileId", "submittedAt")
    SELECT gen_random_uuid()::text, c."id", $6, $7, $8, $1, $2, $3, $4, 'ADDED', $5::"Platform", $9, $13::timestamp FROM c
    RETURNING "id"
  ), o AS (
    INSERT INTO "OutboxEvent" ("id", "kind", "payload")
    SELECT $19, 'candidate.submitted',
           jsonb_build_object('outcome', 'ADDED', 'submissionId', s."id", 'candidateId', c."id", 'candidateRef', c."ref")
    FROM c, s
  )
  SELECT c."id" AS "candidateId", c."ref", s."id" AS "submissionId" FROM c, s`;

/**
 * A submission of a direct applicant (ALREADY_IN_SYSTEM): no agency's candidate, the ATS's record
 * instead. Its outbox row ($12: its id) rides along, so the ATS hears which agency submitted its
 * record even if the process dies after the commit.
 */
const INSERT_DIRECT_SUBMISSION = `
  WITH s AS (
    INSERT INTO "Submission" ("id", "externalCandidateId", "agencyId", "submittedById", "campaignId", "firstName", "lastName",
                              "phone", "email", "outcome", "channel", "resumeFileId", "submittedAt")
    VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $7, $8, 'ALREADY_IN_SYSTEM', $9::"Platform", $10, $11::timestamp)
    RETURNING "id"
  ), o AS (
    INSERT INTO "OutboxEvent" ("id", "kind", "payload")
    SELECT $12, 'candidate.submitted', jsonb_build_object('outcome', 'ALREADY_IN_SYSTEM', 'submissionId', s."id") FROM s
  )
  SELECT s."id" FROM s`;

const INSERT_SUBMISSION = `
  INSERT INTO "Submission" ("id", "candidateId", "agencyId", "submittedById", "campaignId", "firstName", "lastName",
                            "phone", "email", "outcome", "channel", "resumeFileId", "submittedAt")
  VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $7, $8, $9::"Outcome", $10::"Platform", $11, $12::timestamp)
  RETURNING "id"`;

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
  showOwnershipEnd: boolean;
  directApplicant: DuplicateRuleSpec['directApplicant'];
}

/** The campaign's own rule, else the global default row, else the built-in default. */
function pickRule(rows: readonly RuleRow[], campaignId: string): DuplicateRuleSpec {
  const rule = rows.find((r) => r.scope === campaignId) ?? rows.find((r) => r.scope === 'global');
  if (!rule) return DEFAULT_DUPLICATE_RULE;
  return {
    windowMonths: rule.windowMonths,
    matchOn: rule.matchOn,
    crossAgency: rule.crossAgency,
    sameAgency: rule.sameAgency,
    showOwnershipEnd: rule.showOwnershipEnd,
    directApplicant: rule.directApplicant,
  };
}

interface ValidSubmission {
  input: z.infer<typeof submitCandidateInput>;
  /** Normalized (E.164). */
  phone: string;
  /** Normalized, as typed otherwise (the canonical form is the duplicate key). */
  email: string;
}

/** The parsed, normalized submission; null when invalid, or with `orThrow` the error saying why. */
function validSubmission(raw: SubmitCandidateInput, orThrow = false): ValidSubmission | null {
  const parsed = submitCandidateInput.safeParse(raw);
  if (!parsed.success) {
    if (orThrow) parseOrThrow(submitCandidateInput, raw);
    return null;
  }
  const phone = normalizePhone(parsed.data.phone);
  if (!phone.ok) {
    if (orThrow) throw new InvalidInputError(phone.error.message, 'phone');
    return null;
  }
  const email = normalizeEmail(parsed.data.email);
  if (!email.ok) {
    if (orThrow) throw new InvalidInputError(email.error.message, 'email');
    return null;
  }
  return { input: parsed.data, phone: phone.value, email: email.value };
}

/**
 * Submits (endorses) a candidate: validates, classifies against the duplicate rules and records the
 * outcome, all in one transaction serialized on the normalized phone and email (DESIGN §2). Every
 * statement goes straight to the driver: a confirm costs five round trips, BEGIN included (locks
 * with the submitter, campaign and rule; check; write with its outbox row; commit).
 */
export async function submitCandidate(deps: ServiceDeps, actorId: string, raw: SubmitCandidateInput): Promise<SubmissionResult> {
  const valid = validSubmission(raw);
  if (actorId === SYSTEM_ACTOR || !valid) {
    // Invalid input (or the command line): the errors in their usual order, permission first. A
    // refused submission costs this extra statement; a valid one has its submitter read with its locks.
    const rawCampaignId = typeof raw.campaignId === 'string' ? raw.campaignId : '';
    const [row] =
      actorId === SYSTEM_ACTOR ? [] : await deps.sql.query<SubmitterRow>(SUBMITTER_AND_CAMPAIGN, [rawCampaignId, actorId]);
    assertAllowed(canSubmit(row ? toActor(actorId, row) : await loadActor(deps.sql, actorId)));
    // Throws what made the input invalid; for a valid one (the command line) the transaction checks again.
    validSubmission(raw, true);
  }
  const { input, phone, email } = validSubmission(raw, true) as ValidSubmission;
  const campaignId = input.campaignId;

  // Matched, and locked, on the canonical email: jane.doe+x@gmail.com and janedoe@gmail.com are one
  // person and must serialize; the candidate keeps the address as typed.
  const key = { phone, email: canonicalEmail(email) };
  const near = nearDuplicateKey({ phone, email, firstName: input.firstName, lastName: input.lastName });
  return deps.sql.transaction(async (tx): Promise<SubmissionResult> => {
    const keys = [...new Set([`phone:${key.phone}`, `email:${key.email}`])].sort();
    const rows = await tx.query<RuleRow & Partial<SubmitterRow>>(LOCK_KEYS_AND_READ_RULES, [keys, campaignId, actorId]);
    const row = rows[0]?.role ? (rows[0] as SubmitterRow) : undefined;
    const actor = row ? toActor(actorId, row) : await loadActor(tx, actorId);
    assertAllowed(canSubmit(actor));
    const agencyId = actor.agencyId as string; // canSubmit guarantees an agency
    const campaign =
      row?.campaignId && row.campaignStatus
        ? { status: row.campaignStatus, openToAll: row.openToAll === true, agencies: row.assigned ? [{ agencyId }] : [] }
        : null;
    if (!campaign || !campaignOpenToAgency(campaign)) {
      throw new NotFoundError({ key: 'svc.campaignNotOpen' });
    }
    const rule = pickRule(rows, campaignId);
    const now = deps.now();
    const { candidates, applicants } = await findMatches(tx, { key, rule, agencyId, now });
    const verdict = classifySubmission({ rule, agencyId, key, now, candidates, applicants });
    const at = now.toISOString();
    const seen = (holder: { agencyId: string; submittedAt: Date }): OwnershipSeen =>
      ownershipSeenBy(agencyId, ownershipOf(holder, rule.windowMonths), rule.showOwnershipEnd);
    const common = [agencyId, actor.userId, campaignId, input.firstName, input.lastName, key.phone, email];
    switch (verdict.outcome) {
      case 'BLOCKED': {
        // Nothing is created; the audit row keeps the attempt traceable without personal data: a
        // blocked person was refused, so nothing the agency typed is kept. Only ids: the holder's
        // (another agency's candidate, or the employer's ATS record) lets the agency dispute the
        // block, and the channel lets a transfer of the record make the agency's candidate from the
        // record's own person data (src/services/disputes.ts).
        const [attempt] = await tx.query<{ id: string }>(INSERT_AUDIT, [
          actor.userId,
          'submission.blocked',
          'campaign',
          campaignId,
          JSON.stringify(
            verdict.reason === 'already_in_system'
              ? { reason: verdict.reason, externalCandidateId: verdict.applicant.id, channel: input.channel }
              : { reason: verdict.reason, candidateId: verdict.match.id, channel: input.channel },
          ),
          at,
        ]);
        if (!attempt) throw new Error('the audit insert returned no row');
        // A direct applicant is no agency's: there is no ownership to tell.
        return verdict.reason === 'already_in_system'
          ? { outcome: 'BLOCKED', reason: verdict.reason, ownership: null, attemptId: attempt.id }
          : { outcome: 'BLOCKED', reason: verdict.reason, ownership: seen(verdict.match), attemptId: attempt.id };
      }
      case 'ALREADY_IN_SYSTEM': {
        const outboxEventId = randomUUID();
        const [recorded] = await tx.query<{ id: string }>(INSERT_DIRECT_SUBMISSION, [
          verdict.applicant.id,
          ...common,
          input.channel,
          input.resumeFileId ?? null,
          at,
          outboxEventId,
        ]);
        if (!recorded) throw new Error('the submission insert returned no row');
        // Nothing of the ATS's record goes back: not its source, not its date, not the name it holds.
        return { outcome: 'ALREADY_IN_SYSTEM', submissionId: recorded.id, ownership: null, outboxEventId };
      }
      case 'ADDED': {
        const outboxEventId = randomUUID();
        const [added] = await tx.query<{ candidateId: string; ref: number; submissionId: string }>(
          INSERT_CANDIDATE_AND_SUBMISSION,
          [
            input.firstName,
            input.lastName,
            key.phone,
            email,
            input.channel,
            agencyId,
            actor.userId,
            campaignId,
            input.resumeFileId ?? null,
            input.resume?.resumeSummary ?? null,
            input.resume?.educationSummary ?? null,
            input.resume?.resumeExperience ?? null,
            at,
            near.phoneTail,
            near.emailLocal,
            windowStart(now, rule.windowMonths).toISOString(),
            near.firstName,
            near.lastName,
            outboxEventId,
          ],
        );
        if (!added) throw new Error('the candidate insert returned no row');
        return {
          outcome: 'ADDED',
          submissionId: added.submissionId,
          candidateId: added.candidateId,
          candidateRef: added.ref,
          ownership: seen({ agencyId, submittedAt: now }),
          outboxEventId,
        };
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
