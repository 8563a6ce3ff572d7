import type { Db } from '../db/database';
import type { Prisma } from '../generated/prisma/client';
import type { DbOrTx } from '../services/audit';
import type { DigestContent } from '../services/digests';
import type { DisputeDecidedPayload, DisputeOpenedPayload } from './dispute-render';
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

/** What `loadCandidateContext` reads; also nested under a comment to fetch both in one query. */
export const candidateContextSelect = {
  id: true,
  ref: true,
  firstName: true,
  lastName: true,
  campaignId: true,
  agencyId: true,
  submittedById: true,
  campaign: { select: { name: true } },
  agency: { select: { name: true } },
} as const;

type CandidateContextRow = Prisma.CandidateGetPayload<{ select: typeof candidateContextSelect }>;

export function toCandidateContext(c: CandidateContextRow): CandidateContext {
  return {
    id: c.id,
    ref: c.ref,
    name: `${c.firstName} ${c.lastName}`,
    campaignId: c.campaignId,
    campaign: c.campaign.name,
    agencyId: c.agencyId,
    agency: c.agency.name,
    submittedById: c.submittedById,
  };
}

export async function loadCandidateContext(db: Db, candidateId: string): Promise<CandidateContext | null> {
  const c = await db.candidate.findUnique({ where: { id: candidateId }, select: candidateContextSelect });
  return c ? toCandidateContext(c) : null;
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

/** Recruiter comment → the submitting agency user and that agency's admins (DESIGN §2). */
export const agencySideRecipients = (db: Db, c: CandidateContext, excludeId: string | null) =>
  recipients(db, { OR: [{ id: c.submittedById }, { agencyId: c.agencyId, role: 'AGENCY_ADMIN' }] }, excludeId);

/** Agency comment or new candidate → the recruiters assigned to the candidate's campaign. */
export const campaignRecruiters = (db: Db, c: CandidateContext, excludeId: string | null) =>
  recipients(db, { recruiterOf: { some: { campaignId: c.campaignId } } }, excludeId);

/** Stage change → the submitting user. */
export const submitterOnly = (db: Db, c: CandidateContext) => recipients(db, { id: c.submittedById }, null);

/** A dispute opened → every owner and the recruiters of the disputed submission's campaign. */
export const disputeDeciders = (db: Db, campaignId: string) =>
  recipients(db, { OR: [{ role: 'OWNER' }, { recruiterOf: { some: { campaignId } } }] }, null);

/** A dispute decided → the disputing agency's people named by the dispute (opener, submitter, admins). */
export const usersById = (db: Db, ids: readonly string[]) => recipients(db, { id: { in: [...ids] } }, null);

export type NotificationEvent = {
  /** Unique per event (`comment:<id>`): writing the same event twice adds no rows. */
  eventKey: string;
  recipients: Recipient[];
} & (
  | { kind: NotificationKindName; candidateId: string; payload: NotificationPayload }
  /** A dispute's: null so that a reply to it is not routed to a candidate. */
  | { kind: NotificationKindName; candidateId: null; payload: DisputeOpenedPayload | DisputeDecidedPayload }
  /** The daily digest: about many candidates, so about none (issue 19). */
  | { kind: 'DIGEST'; candidateId: null; payload: DigestContent }
);

/**
 * One row per recipient per reachable chat identity; one EMAIL row for a recipient with none.
 * Returns the ids of the rows to enqueue: those created now, and on a repeated event those of its
 * rows still pending.
 */
export async function writeNotifications(db: DbOrTx, now: Date, event: NotificationEvent): Promise<string[]> {
  if (event.recipients.length === 0) return [];
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const user of event.recipients) {
    const base = {
      kind: event.kind,
      candidateId: event.candidateId,
      recipientId: user.id,
      payload: event.payload as Prisma.InputJsonValue,
      createdAt: now,
    };
    if (user.identities.length === 0) {
      rows.push({ ...base, channel: 'EMAIL', dedupeKey: `${event.eventKey}:${user.id}:email` });
    }
    for (const identity of user.identities) {
      rows.push({
        ...base,
        channel: identity.platform,
        chatIdentityId: identity.id,
        dedupeKey: `${event.eventKey}:${identity.id}`,
      });
    }
  }
  const created = await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  if (created.length === rows.length) return created.map((r) => r.id);
  // The event was fanned out before (an outbox event relayed again after a crash): its rows that
  // are still pending may have lost their jobs with the process, so they are enqueued again too
  // (job ids keep that to one job each).
  const earlier = await db.notification.findMany({
    where: { dedupeKey: { in: rows.map((r) => r.dedupeKey as string) }, status: 'PENDING' },
    select: { id: true },
  });
  return [...new Set([...created, ...earlier].map((r) => r.id))];
}
