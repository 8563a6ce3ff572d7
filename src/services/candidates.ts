import { z } from 'zod';
import { DEFAULT_DUPLICATE_RULE, ownershipOf, ownershipSeenBy, type OwnershipSeen } from '../domain/duplicates';
import { canChangeStage, canComment, canViewCandidate, isAgencyRole, type Actor } from '../domain/permissions';
import { assertAllowed, loadActor, type ActorRef } from './actor';
import { writeAudit } from './audit';
import { formatCandidateRef } from './candidate-ref';
import { formatDisputeRef } from '../domain/disputes';
import { STAGES, type OutcomeName, type StageName } from './dashboards';
import type { ServiceDeps } from './deps';
import { InvalidInputError, NotFoundError } from './errors';
import { recordOutboxEvent } from './outbox';
import { parseOrThrow } from './validate';
import { formatCount, TEXT_LIMITS } from '../domain/limits';

export { formatCandidateRef, parseCandidateRef } from './candidate-ref';

/**
 * Who holds the candidate, as the viewer may be told it. An agency viewer gets `seen` (whether it is
 * theirs and until when — never another agency's name); owners and recruiters get the holding
 * agency, the end of its hold, and whether the rule tells other agencies that end.
 */
export type ProfileOwnership =
  { viewer: 'agency'; seen: OwnershipSeen } | { viewer: 'employer'; agency: string; until: Date; endShownToAgencies: boolean };

export interface CandidateProfile {
  id: string;
  ref: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  outcome: OutcomeName;
  stage: StageName;
  source: string;
  channel: string;
  agency: string;
  addedBy: string;
  addedAt: Date;
  campaign: string;
  resumeSummary: string | null;
  educationSummary: string | null;
  resumeExperience: string | null;
  comments: { id: string; author: string; authorRole: string; body: string; createdAt: Date }[];
  /** The hold, by the rule of the candidate's campaign, from its submission. */
  ownership: ProfileOwnership;
  /**
   * Owners and recruiters only (always empty for an agency): the candidates this one may be the
   * same person as (same name, and the same phone tail or email local part, in the window), the
   * earlier one it was flagged against and any later ones flagged against it. A flag, not a verdict.
   */
  possibleDuplicates: number[];
}

interface CandidateRow extends Record<string, unknown> {
  id: string;
  ref: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  stage: StageName;
  source: string;
  channel: string;
  agencyId: string;
  submittedById: string;
  submittedAt: Date;
  resumeSummary: string | null;
  educationSummary: string | null;
  resumeExperience: string | null;
  agency: string;
  addedBy: string;
  campaign: string;
  comments:
    { id: string; body: string; createdAt: string; author: string; authorRole: string; authorAgencyId: string | null }[] | null;
  windowMonths: number | null;
  showOwnershipEnd: boolean | null;
  possibleDuplicates: number[] | null;
}

/**
 * A candidate by ref with who added them, the campaign and (when asked, for a profile) the comment
 * thread, the duplicate rule of its campaign (else the default row; null: the built-in one) and
 * its possible duplicates both ways: one statement.
 */
function candidateStatement(withComments: boolean): string {
  const comments = withComments
    ? `(SELECT json_agg(json_build_object('id', m."id", 'body', m."body", 'author', coalesce(au."name", au."email"),
          'authorRole', au."role", 'authorAgencyId', au."agencyId", 'createdAt', to_char(m."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY m."createdAt")
        FROM "Comment" m JOIN "User" au ON au."id" = m."authorId" WHERE m."candidateId" = c."id")`
    : 'NULL';
  const profile = withComments
    ? `(SELECT r."windowMonths" FROM "DuplicateRule" r WHERE r."scope" IN (c."campaignId", 'global')
          ORDER BY r."scope" = 'global' LIMIT 1) AS "windowMonths",
        (SELECT r."showOwnershipEnd" FROM "DuplicateRule" r WHERE r."scope" IN (c."campaignId", 'global')
          ORDER BY r."scope" = 'global' LIMIT 1) AS "showOwnershipEnd",
        (SELECT array_agg(d."ref" ORDER BY d."ref") FROM "Candidate" d
          WHERE d."id" = c."possibleDuplicateOfId" OR d."possibleDuplicateOfId" = c."id") AS "possibleDuplicates"`
    : `NULL::int AS "windowMonths", NULL::boolean AS "showOwnershipEnd", NULL::int[] AS "possibleDuplicates"`;
  return `SELECT c."id", c."ref", c."firstName", c."lastName", c."phone", c."email", c."stage"::text AS "stage", c."source",
      c."channel"::text AS "channel", c."agencyId", c."submittedById", c."submittedAt" AT TIME ZONE 'UTC' AS "submittedAt",
      c."resumeSummary", c."educationSummary", c."resumeExperience", a."name" AS "agency",
      coalesce(u."name", u."email") AS "addedBy", cp."name" AS "campaign", ${comments} AS "comments", ${profile}
    FROM "Candidate" c
    JOIN "Agency" a ON a."id" = c."agencyId"
    JOIN "User" u ON u."id" = c."submittedById"
    JOIN "Campaign" cp ON cp."id" = c."campaignId"
    WHERE c."ref" = $1`;
}

const noCandidate = (ref: number) => new NotFoundError({ key: 'svc.noCandidate', params: { ref: formatCandidateRef(ref) } });

async function findCandidate(deps: ServiceDeps, ref: number, withComments = false): Promise<CandidateRow> {
  const [candidate] = await deps.sql.query<CandidateRow>(candidateStatement(withComments), [ref]);
  if (!candidate) throw noCandidate(ref);
  return candidate;
}

/**
 * A candidate outside the actor's scope reads exactly as one that does not exist, so references
 * cannot be probed for other agencies' candidates (no existence oracle). A disabled actor is told so.
 * The one exception is the agency a dispute's transfer took the candidate from: it was told so by
 * a notice, and hears it again here (the dispute to quote, not the agency it went to), where "there
 * is no candidate" would contradict what it saw in its own list.
 */
async function assertVisible(
  deps: ServiceDeps,
  actor: Actor,
  c: CandidateRow,
  decide: typeof canViewCandidate = canViewCandidate,
): Promise<void> {
  const decision = decide(actor, c);
  if (decision.allowed) return;
  if (!actor.active) assertAllowed(decision);
  // Only while another agency holds it: one transferred away and later back is the agency's again.
  const [lost] =
    actor.agencyId && c.agencyId !== actor.agencyId
      ? await deps.sql.query<{ ref: number }>(TRANSFERRED_AWAY, [c.id, actor.agencyId])
      : [];
  if (lost) {
    throw new NotFoundError({
      key: 'svc.candidateTransferred',
      params: { ref: formatCandidateRef(c.ref), dispute: formatDisputeRef(lost.ref) },
    });
  }
  throw noCandidate(c.ref);
}

/** The latest dispute ($1: the candidate) that transferred the person away from the agency ($2). */
const TRANSFERRED_AWAY = `
  SELECT d."ref" FROM "Dispute" d
  WHERE d."candidateId" = $1 AND d."ownerAgencyId" = $2 AND d."status" = 'TRANSFERRED'
  ORDER BY d."ref" DESC LIMIT 1`;

/** On the driver: a profile is opened from every list, and before every comment typed in chat. */
export async function getCandidateProfile(deps: ServiceDeps, who: ActorRef, ref: number): Promise<CandidateProfile> {
  const actor = await loadActor(deps.sql, who);
  const c = await findCandidate(deps, ref, true);
  await assertVisible(deps, actor, c);
  const hold = ownershipOf(c, c.windowMonths ?? DEFAULT_DUPLICATE_RULE.windowMonths);
  const showEnd = c.showOwnershipEnd ?? DEFAULT_DUPLICATE_RULE.showOwnershipEnd;
  // Agencies learn nothing of another agency and never of a near-duplicate (issue 19).
  const agencyViewer = isAgencyRole(actor.role);
  const ownership: ProfileOwnership = agencyViewer
    ? { viewer: 'agency', seen: ownershipSeenBy(actor.agencyId, hold, showEnd) }
    : { viewer: 'employer', agency: c.agency, until: hold.until, endShownToAgencies: showEnd };
  return {
    id: c.id,
    ref: c.ref,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    email: c.email,
    outcome: 'ADDED',
    stage: c.stage,
    source: c.source,
    channel: c.channel,
    agency: c.agency,
    addedBy: c.addedBy,
    addedAt: c.submittedAt,
    campaign: c.campaign,
    resumeSummary: c.resumeSummary,
    educationSummary: c.educationSummary,
    resumeExperience: c.resumeExperience,
    // A candidate can change agency (a dispute's transfer): an agency reads its own people's comments
    // and the employer's, never another agency's users (issue 19).
    comments: (c.comments ?? [])
      .filter((m) => !isAgencyRole(actor.role) || m.authorAgencyId === null || m.authorAgencyId === actor.agencyId)
      .map((m) => ({
        id: m.id,
        author: m.author,
        authorRole: m.authorRole,
        body: m.body,
        createdAt: new Date(m.createdAt),
      })),
    ownership,
    possibleDuplicates: agencyViewer ? [] : (c.possibleDuplicates ?? []),
  };
}

export const commentBody = z
  .string()
  .trim()
  .min(1, 'svc.zod.commentEmpty')
  .max(TEXT_LIMITS.comment, `A comment is at most ${formatCount(TEXT_LIMITS.comment)} characters.`);

export interface CommentAdded {
  commentId: string;
  candidateId: string;
  candidateRef: number;
  authorRole: string;
  /** The outbox event written with the comment; the notifier relays it (src/notify). */
  outboxEventId?: string;
}

/**
 * The comment and its outbox event (src/services/outbox.ts: the relay reads and checks it) in one
 * statement, so they commit together: a crash after the commit still notifies. On the driver: a
 * transaction of two ORM inserts was four round trips, on every comment from chat and the API.
 */
const INSERT_COMMENT = `
  WITH comment AS (
    INSERT INTO "Comment" ("id", "candidateId", "authorId", "body", "createdAt")
    VALUES (gen_random_uuid()::text, $1, $2, $3, $4::timestamp)
    RETURNING "id"
  ), event AS (
    INSERT INTO "OutboxEvent" ("id", "kind", "payload")
    SELECT gen_random_uuid()::text, 'comment.added',
           jsonb_build_object('commentId', comment."id", 'candidateId', $1::text, 'candidateRef', $5::int, 'authorRole', $6::text)
    FROM comment
    RETURNING "id"
  )
  SELECT comment."id" AS "commentId", event."id" AS "outboxEventId" FROM comment, event`;

export async function addComment(deps: ServiceDeps, who: ActorRef, ref: number, rawBody: string): Promise<CommentAdded> {
  const actor = await loadActor(deps.sql, who);
  const body = parseOrThrow(commentBody, rawBody);
  const c = await findCandidate(deps, ref);
  await assertVisible(deps, actor, c, canComment);
  // `timestamp` columns hold UTC as Prisma writes them; the zone in the text is ignored on the way in.
  const [row] = await deps.sql.query<{ commentId: string; outboxEventId: string }>(INSERT_COMMENT, [
    c.id,
    actor.userId,
    body,
    deps.now().toISOString(),
    c.ref,
    actor.role,
  ]);
  if (!row) throw new Error('the comment statement returned no row');
  return {
    commentId: row.commentId,
    candidateId: c.id,
    candidateRef: c.ref,
    authorRole: actor.role,
    outboxEventId: row.outboxEventId,
  };
}

export const stageSchema = z.enum(STAGES, { message: 'svc.zod.stage' });

export interface StageChanged {
  candidateId: string;
  candidateRef: number;
  from: StageName;
  to: StageName;
  /** The outbox event written with the change; the notifier relays it (src/notify). */
  outboxEventId?: string;
}

export async function changeStage(deps: ServiceDeps, actorId: string, ref: number, rawStage: string): Promise<StageChanged> {
  const actor = await loadActor(deps.sql, actorId);
  assertAllowed(canChangeStage(actor));
  const to = parseOrThrow(stageSchema, rawStage.trim().toUpperCase());
  const c = await findCandidate(deps, ref);
  // The stage as people read it (Interview), not the enum name.
  if (c.stage === to)
    throw new InvalidInputError(
      { key: 'svc.alreadyAtStage', params: { ref: formatCandidateRef(ref) }, keyParams: { stage: `stageName.${to}` } },
      'stage',
    );
  const changed = { candidateId: c.id, candidateRef: c.ref, from: c.stage, to };
  return deps.db.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id: c.id }, data: { stage: to } });
    await tx.stageChange.create({ data: { candidateId: c.id, fromStage: c.stage, toStage: to, changedById: actor.userId } });
    await writeAudit(tx, {
      actorId,
      action: 'candidate.stage',
      targetType: 'candidate',
      targetId: c.id,
      details: { from: c.stage, to },
    });
    return { ...changed, outboxEventId: await recordOutboxEvent(tx, { kind: 'stage.changed', data: changed }) };
  });
}
