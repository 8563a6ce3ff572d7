import type { Db } from '../db/database';
import type { SqlQuery } from '../db/sql-runner';
import type { Prisma } from '../generated/prisma/client';
import type { DbOrTx } from '../services/audit';
import type { DigestContent } from '../services/digests';
import type { DisputeDecidedPayload, DisputeLostPayload, DisputeOpenedPayload } from './dispute-render';
import type { NotificationKindName, NotificationPayload } from './render';

/** The candidate facts every notification about them needs. */
export interface CandidateContext {
  id: string;
  ref: number;
  name: string;
  campaignId: string;
  campaign: string;
  agencyId: string;
  agency: string;
  submittedById: string;
}

/** Only people who still have access hear anything: active user, active agency (or none). */
const reachable: Prisma.UserWhereInput = {
  status: 'ACTIVE',
  OR: [{ agencyId: null }, { agency: { status: 'ACTIVE' } }],
};

/** A recipient with the chats they can be reached on (read in the same query). */
export interface Recipient {
  id: string;
  identities: { id: string; platform: string }[];
}

const recipientSelect = {
  id: true,
  identities: { where: { unreachableAt: null }, select: { id: true, platform: true } },
} as const;

async function recipients(db: Db, where: Prisma.UserWhereInput, excludeId: string | null): Promise<Recipient[]> {
  const users = await db.user.findMany({ where: { AND: [reachable, where] }, select: recipientSelect });
  return users.filter((u) => u.id !== excludeId);
}

/** A dispute opened → every owner and the recruiters of the disputed submission's campaign. */
export const disputeDeciders = (db: Db, campaignId: string) =>
  recipients(db, { OR: [{ role: 'OWNER' }, { recruiterOf: { some: { campaignId } } }] }, null);

/** A dispute decided → the disputing agency's people named by the dispute (opener, submitter, admins). */
export const usersById = (db: Db, ids: readonly string[]) => recipients(db, { id: { in: [...ids] } }, null);

/** Who hears of a candidate event (the statement's condition on the user `u`, beside the event `ev`). */
export type Audience = 'recruiters' | 'agencySide' | 'submitter';
const AUDIENCE: Record<Audience, string> = {
  /** Agency comment or new candidate → the recruiters assigned to the candidate's campaign. */
  recruiters: `u."id" IN (SELECT cr."userId" FROM "CampaignRecruiter" cr WHERE cr."campaignId" = ev."campaignId")`,
  /** Recruiter comment → the submitting agency user and that agency's admins (DESIGN §2). */
  agencySide: `(u."id" = ev."submittedById" OR (u."agencyId" = ev."agencyId" AND u."role" = 'AGENCY_ADMIN'))`,
  /** Stage change → the submitting user. */
  submitter: `u."id" = ev."submittedById"`,
};

/**
 * A candidate event's facts (of the candidate, or of a comment and its candidate) and its
 * recipients with their reachable chats, in one statement on the driver: one row per recipient
 * and chat (a recipient with none: one row, no chat; no recipient: one row, no user).
 */
function candidateEventStatement(subject: 'candidate' | 'comment', audience: Audience): string {
  const comment = subject === 'comment';
  return `
  WITH ev AS (
    SELECT c."id", c."ref", c."firstName", c."lastName", c."campaignId", c."agencyId", c."submittedById",
           cp."name" AS "campaign", a."name" AS "agency"
           ${comment ? `, cm."body", cm."authorId", coalesce(au."name", au."email") AS "author"` : ''}
    FROM ${comment ? `"Comment" cm JOIN "Candidate" c ON c."id" = cm."candidateId" JOIN "User" au ON au."id" = cm."authorId"` : `"Candidate" c`}
    JOIN "Campaign" cp ON cp."id" = c."campaignId"
    JOIN "Agency" a ON a."id" = c."agencyId"
    WHERE ${comment ? 'cm' : 'c'}."id" = $1
  )
  SELECT ev.*, r."userId", r."identityId", r."platform"
  FROM ev LEFT JOIN LATERAL (
    SELECT u."id" AS "userId", i."id" AS "identityId", i."platform"::text AS "platform"
    FROM "User" u
    LEFT JOIN "Agency" ua ON ua."id" = u."agencyId"
    LEFT JOIN "ChatIdentity" i ON i."userId" = u."id" AND i."unreachableAt" IS NULL
    WHERE u."status" = 'ACTIVE' AND (u."agencyId" IS NULL OR ua."status" = 'ACTIVE') AND ${AUDIENCE[audience]}
  ) r ON true`;
}

interface CandidateEventRow extends Record<string, unknown> {
  id: string;
  ref: number;
  firstName: string;
  lastName: string;
  campaignId: string;
  agencyId: string;
  submittedById: string;
  campaign: string;
  agency: string;
  body?: string;
  authorId?: string;
  author?: string;
  userId: string | null;
  identityId: string | null;
  platform: string | null;
}

/** A candidate event as the notifier fans it out: the facts, the comment if any, who hears of it. */
export interface CandidateEvent {
  c: CandidateContext;
  comment: { body: string; authorId: string; author: string } | null;
  recipients: Recipient[];
}

/**
 * Reads a candidate event (by candidate id, or by comment id) and its audience in one round trip;
 * the comment's author is not told of their own comment. Null when the candidate or comment is gone.
 */
export async function loadCandidateEvent(
  sql: SqlQuery,
  subject: 'candidate' | 'comment',
  id: string,
  audience: Audience,
): Promise<CandidateEvent | null> {
  const rows = await sql.query<CandidateEventRow>(candidateEventStatement(subject, audience), [id]);
  const first = rows[0];
  if (!first) return null;
  const comment =
    subject === 'comment' ? { body: first.body ?? '', authorId: first.authorId ?? '', author: first.author ?? '' } : null;
  const byUser = new Map<string, Recipient>();
  for (const row of rows) {
    if (!row.userId || row.userId === comment?.authorId) continue;
    const user = byUser.get(row.userId) ?? { id: row.userId, identities: [] };
    byUser.set(row.userId, user);
    if (row.identityId && row.platform) user.identities.push({ id: row.identityId, platform: row.platform });
  }
  return {
    c: {
      id: first.id,
      ref: first.ref,
      name: `${first.firstName} ${first.lastName}`,
      campaignId: first.campaignId,
      campaign: first.campaign,
      agencyId: first.agencyId,
      agency: first.agency,
      submittedById: first.submittedById,
    },
    comment,
    recipients: [...byUser.values()],
  };
}

export type NotificationEvent = {
  /** Unique per event (`comment:<id>`): writing the same event twice adds no rows. */
  eventKey: string;
  recipients: Recipient[];
} & (
  | { kind: NotificationKindName; candidateId: string; payload: NotificationPayload }
  /** A dispute's: null so that a reply to it is not routed to a candidate. */
  | { kind: NotificationKindName; candidateId: null; payload: DisputeOpenedPayload | DisputeDecidedPayload | DisputeLostPayload }
  /** The daily digest: about many candidates, so about none (issue 19). */
  | { kind: 'DIGEST'; candidateId: null; payload: DigestContent }
);

interface NotificationTarget {
  recipientId: string;
  channel: string;
  chatIdentityId: string | null;
  dedupeKey: string;
}

/** One row per recipient per reachable chat identity; one EMAIL row for a recipient with none. */
function targetsOf(event: NotificationEvent): NotificationTarget[] {
  const rows: NotificationTarget[] = [];
  for (const user of event.recipients) {
    if (user.identities.length === 0) {
      rows.push({
        recipientId: user.id,
        channel: 'EMAIL',
        chatIdentityId: null,
        dedupeKey: `${event.eventKey}:${user.id}:email`,
      });
    }
    for (const identity of user.identities) {
      rows.push({
        recipientId: user.id,
        channel: identity.platform,
        chatIdentityId: identity.id,
        dedupeKey: `${event.eventKey}:${identity.id}`,
      });
    }
  }
  return rows;
}

/**
 * The event's rows, written in one statement on the driver (every comment and new candidate
 * writes them). Returns the ids of the rows to enqueue: those created now, and on a repeated
 * event (an outbox event relayed again after a crash) those of its rows still pending, whose jobs
 * may have been lost with the process (job ids keep that to one job each). The second branch
 * reads the statement's snapshot, from before the insert: it finds only rows written earlier.
 * The commit is asynchronous (see CLAIM_OUTBOX_EVENT in notifier.ts): rows a crash of the server
 * forgets were sent to no one, since a delivery's synchronous record flushes them first.
 */
const INSERT_NOTIFICATIONS = `
  WITH t AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t("recipientId", "channel", "chatIdentityId", "dedupeKey")
  ), ins AS (
    INSERT INTO "Notification" ("id", "kind", "candidateId", "recipientId", "chatIdentityId", "channel", "payload", "createdAt", "dedupeKey")
    SELECT gen_random_uuid()::text, $5::"NotificationKind", $6, t."recipientId", t."chatIdentityId", t."channel", $7::jsonb,
           $8::timestamp, t."dedupeKey"
    FROM t CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS async
    ON CONFLICT DO NOTHING
    RETURNING "id"
  )
  SELECT "id" FROM ins
  UNION
  SELECT n."id" FROM "Notification" n WHERE n."dedupeKey" = ANY($4::text[]) AND n."status" = 'PENDING'`;

export async function insertNotifications(sql: SqlQuery, now: Date, event: NotificationEvent): Promise<string[]> {
  const rows = targetsOf(event);
  if (rows.length === 0) return [];
  const ids = await sql.query<{ id: string }>(INSERT_NOTIFICATIONS, [
    rows.map((r) => r.recipientId),
    rows.map((r) => r.channel),
    rows.map((r) => r.chatIdentityId),
    rows.map((r) => r.dedupeKey),
    event.kind,
    event.candidateId,
    JSON.stringify(event.payload),
    now.toISOString(),
  ]);
  return ids.map((r) => r.id);
}

/**
 * The same rows through Prisma, for a writer inside a Prisma transaction (the daily digest, which
 * claims its run in the same transaction). Returns the ids to enqueue as insertNotifications does.
 */
export async function writeNotifications(db: DbOrTx, now: Date, event: NotificationEvent): Promise<string[]> {
  const targets = targetsOf(event);
  if (targets.length === 0) return [];
  const rows: Prisma.NotificationCreateManyInput[] = targets.map((t) => ({
    ...t,
    kind: event.kind,
    candidateId: event.candidateId,
    payload: event.payload as Prisma.InputJsonValue,
    createdAt: now,
  }));
  const created = await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  if (created.length === rows.length) return created.map((r) => r.id);
  const earlier = await db.notification.findMany({
    where: { dedupeKey: { in: targets.map((r) => r.dedupeKey) }, status: 'PENDING' },
    select: { id: true },
  });
  return [...new Set([...created, ...earlier].map((r) => r.id))];
}
