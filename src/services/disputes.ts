import { z } from 'zod';
import {
  canDecideDispute,
  canListDisputes,
  canOpenDispute,
  DISPUTE_DECISIONS,
  DISPUTE_REASON_MAX,
  DISPUTE_STATUSES,
  formatDisputeRef,
  formatSubmissionRef,
  isDisputable,
  parseDisputeRef,
  parseSubmissionRef,
  statusOfDecision,
  type DisputableOutcome,
  type DisputeDecision,
  type DisputeStatus,
} from '../domain/disputes';
import { canonicalEmail } from '../domain/contact';
import { DEFAULT_DUPLICATE_RULE, ownershipOf } from '../domain/duplicates';
import type { Actor } from '../domain/permissions';
import type { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor, SYSTEM_ACTOR } from './actor';
import { writeAudit, type DbOrTx } from './audit';
import type { ServiceDeps } from './deps';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from './errors';
import { recordOutboxEvent } from './outbox';
import { parseOrThrow } from './validate';

/**
 * Disputes (issue 19). An agency contests a DUPLICATE or BLOCKED outcome with a reason (and a file);
 * an owner or one of the campaign's recruiters upholds it or transfers the candidate.
 *
 * Ownership is the candidate row itself: the duplicate check matches candidates by phone / email
 * within the window of their `submittedAt` and tells "yours" by their `agencyId`. A transfer makes
 * the disputing side the candidate's agency, submitter and campaign, and the decision's time its
 * submission time: the new window starts then, and the next duplicate check of either agency reads
 * it with no other change (the former owner gets DUPLICATE, the new one PREVIOUSLY_SUBMITTED).
 *
 * What the disputing agency is told of the other side is only what the outcome told it: that
 * another agency holds the person, and until when. Nothing here returns more to an agency user.
 */

const reasonSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Say why: ${what} needs a reason.`)
    .max(DISPUTE_REASON_MAX, `A reason is at most ${DISPUTE_REASON_MAX} characters; shorten it.`);

export const openDisputeInput = z.object({
  /** The submission's short reference as lists show it: `S-1a2b3c4d`. */
  submissionRef: z.string(),
  reason: reasonSchema('a dispute'),
  /** A stored file (src/services/files.ts) sent as evidence. */
  evidenceFileId: z.string().min(1).optional(),
});
export type OpenDisputeInput = z.input<typeof openDisputeInput>;

export const decideDisputeInput = z.object({
  /** The dispute's id, or its reference `D-12`. */
  dispute: z.string().min(1),
  decision: z.enum(DISPUTE_DECISIONS, { message: 'Decide uphold (nothing changes) or transfer (to the disputing agency).' }),
  reason: reasonSchema('a decision'),
});
export type DecideDisputeInput = z.input<typeof decideDisputeInput>;

/** What the disputing agency may read about what it contests: its own submission, and the end of the other's hold. */
export interface DisputeTargetSeen {
  submissionRef: string;
  outcome: DisputableOutcome;
  /** The person as the agency typed them; null for a blocked attempt (nothing of it was kept). */
  personName: string | null;
  /** The agency's own campaign. */
  campaign: string;
  /** The last day another agency holds the person. */
  ownedUntil: Date;
}

interface Target extends DisputeTargetSeen {
  openKey: string;
  submissionId: string | null;
  blockedAuditId: string | null;
  candidateId: string;
  campaignId: string;
  ownerAgencyId: string;
}

export interface DisputeOpened {
  disputeId: string;
  ref: number;
  target: DisputeTargetSeen;
  /** The outbox event written with the dispute; the notifier relays it (src/notify). */
  outboxEventId?: string;
}

export interface DisputeDecided {
  disputeId: string;
  ref: number;
  decision: DisputeDecision;
  /** The end of the ownership the decision leaves (the disputing agency's new window after a transfer). */
  ownershipUntil: Date;
  outboxEventId?: string;
}

/** A dispute as owners, recruiters and the API read it. */
export interface DisputeView {
  id: string;
  ref: number;
  status: DisputeStatus;
  outcome: string;
  submissionRef: string;
  reason: string;
  createdAt: Date;
  agency: { id: string; name: string };
  openedBy: string;
  /** The agency that held the candidate when the dispute was opened. */
  ownerAgency: { id: string; name: string };
  candidate: { id: string; ref: number; name: string };
  campaign: { id: string; name: string };
  evidence: { filename: string; contentType: string; size: number } | null;
  decision: { decision: DisputeDecision; reason: string; by: string; at: Date; ownershipUntil: Date | null } | null;
}

const viewSelect = {
  id: true,
  ref: true,
  status: true,
  outcome: true,
  submissionId: true,
  blockedAuditId: true,
  reason: true,
  createdAt: true,
  ownerAgencyId: true,
  decisionReason: true,
  decidedAt: true,
  ownershipUntil: true,
  agency: { select: { id: true, name: true } },
  openedBy: { select: { name: true, email: true } },
  decidedBy: { select: { name: true, email: true } },
  candidate: { select: { id: true, ref: true, firstName: true, lastName: true } },
  campaign: { select: { id: true, name: true } },
  evidenceFile: { select: { filename: true, contentType: true, size: true } },
} as const satisfies Prisma.DisputeSelect;

type ViewRow = Prisma.DisputeGetPayload<{ select: typeof viewSelect }>;

async function toView(db: DbOrTx, row: ViewRow, owners?: Map<string, string>): Promise<DisputeView> {
  const ownerName =
    owners?.get(row.ownerAgencyId) ??
    (await db.agency.findUnique({ where: { id: row.ownerAgencyId }, select: { name: true } }))?.name ??
    '';
  const decided = row.status !== 'OPEN' && row.decidedAt;
  return {
    id: row.id,
    ref: row.ref,
    status: row.status,
    outcome: row.outcome,
    submissionRef: formatSubmissionRef(row.submissionId ?? row.blockedAuditId ?? ''),
    reason: row.reason,
    createdAt: row.createdAt,
    agency: row.agency,
    openedBy: row.openedBy.name ?? row.openedBy.email,
    ownerAgency: { id: row.ownerAgencyId, name: ownerName },
    candidate: { id: row.candidate.id, ref: row.candidate.ref, name: `${row.candidate.firstName} ${row.candidate.lastName}` },
    campaign: row.campaign,
    evidence: row.evidenceFile,
    decision: decided
      ? {
          decision: row.status === 'UPHELD' ? 'uphold' : 'transfer',
          reason: row.decisionReason ?? '',
          by: row.decidedBy ? (row.decidedBy.name ?? row.decidedBy.email) : 'system',
          at: row.decidedAt as Date,
          ownershipUntil: row.ownershipUntil,
        }
      : null,
  };
}

/** The window (months) of the rule a campaign follows: its own, else the default, else the built-in one. */
async function windowMonthsFor(db: DbOrTx, campaignId: string): Promise<number> {
  const rules = await db.duplicateRule.findMany({
    where: { scope: { in: [campaignId, 'global'] } },
    select: { scope: true, windowMonths: true },
  });
  const rule = rules.find((r) => r.scope === campaignId) ?? rules.find((r) => r.scope === 'global');
  return rule?.windowMonths ?? DEFAULT_DUPLICATE_RULE.windowMonths;
}

/** The ids starting with an 8-digit hex prefix lie in [prefix, prefix with its last digit raised): a primary-key range. */
function prefixRange(prefix: string): { gte: string; lt: string } {
  const last = parseInt(prefix.slice(-1), 16);
  return { gte: prefix, lt: last === 15 ? `${prefix.slice(0, -1)}g` : `${prefix.slice(0, -1)}${(last + 1).toString(16)}` };
}

const notYours = (ref: string) =>
  new NotFoundError(
    `There is no submission ${ref} of your agency. Type “candidates outcome:duplicate” or “candidates outcome:blocked” to see the ones you can dispute.`,
  );

/**
 * The submission (or blocked attempt) an agency user names, checked: theirs, a disputable outcome,
 * a candidate still held by another agency. Agency users get only what `DisputeTargetSeen` holds.
 */
async function findTarget(deps: ServiceDeps, actor: Actor, rawRef: string): Promise<Target> {
  const prefix = parseSubmissionRef(rawRef);
  const ref = rawRef.trim();
  if (!prefix)
    throw new InvalidInputError(
      `“${ref.slice(0, 40)}” is not a submission reference. It looks like S-1a2b3c4d, as your lists show it.`,
      'submissionRef',
    );
  const range = prefixRange(prefix);
  const submissions = await deps.db.submission.findMany({
    where: { id: range },
    select: {
      id: true,
      agencyId: true,
      candidateId: true,
      campaignId: true,
      outcome: true,
      firstName: true,
      lastName: true,
      campaign: { select: { name: true } },
    },
    take: 5,
  });
  let found: Omit<Target, 'ownedUntil' | 'ownerAgencyId'> & { agencyId: string; plainOutcome: string };
  const submission = submissions.find((s) => s.agencyId === actor.agencyId) ?? submissions[0];
  if (submission) {
    found = {
      agencyId: submission.agencyId,
      plainOutcome: submission.outcome,
      openKey: `submission:${submission.id}`,
      submissionRef: formatSubmissionRef(submission.id),
      outcome: 'DUPLICATE',
      personName: `${submission.firstName} ${submission.lastName}`,
      campaign: submission.campaign.name,
      submissionId: submission.id,
      blockedAuditId: null,
      // ALREADY_IN_SYSTEM has no agency candidate (the ATS's record is the employer's): not disputable yet.
      candidateId: submission.candidateId ?? '',
      campaignId: submission.campaignId,
    };
  } else {
    const attempts = await deps.db.auditLog.findMany({
      where: { id: range, action: 'submission.blocked', targetType: 'campaign' },
      select: { id: true, targetId: true, details: true, actor: { select: { agencyId: true } } },
      take: 5,
    });
    const attempt = attempts.find((a) => a.actor?.agencyId === actor.agencyId) ?? attempts[0];
    if (!attempt) throw notYours(ref);
    const details = z
      .object({ reason: z.string().optional(), candidateId: z.string().optional() })
      .catch({})
      .parse(attempt.details);
    const campaign = await deps.db.campaign.findUnique({ where: { id: attempt.targetId }, select: { name: true } });
    found = {
      agencyId: attempt.actor?.agencyId ?? '',
      plainOutcome: 'BLOCKED',
      openKey: `blocked:${attempt.id}`,
      submissionRef: formatSubmissionRef(attempt.id),
      outcome: 'BLOCKED',
      personName: null,
      campaign: campaign?.name ?? '',
      submissionId: null,
      blockedAuditId: attempt.id,
      candidateId: details.candidateId ?? '',
      campaignId: attempt.targetId,
    };
    if (details.reason === 'already_in_system')
      throw new InvalidInputError(
        `${found.submissionRef} was blocked because the employer already had the person from another source, not from an agency: there is no agency to dispute with. Ask the campaign’s recruiter if you think your agency should have them.`,
      );
    if (details.reason === 'same_agency')
      throw new InvalidInputError(
        `${found.submissionRef} was blocked because your own agency submitted the person recently: there is no other agency to dispute with.`,
      );
  }
  const decision = canOpenDispute(actor, { agencyId: found.agencyId });
  // Another agency's submission reads as one that does not exist: references cannot be probed.
  if (!decision.allowed) {
    if (!actor.active || (actor.role !== 'AGENCY_ADMIN' && actor.role !== 'AGENCY_USER')) assertAllowed(decision);
    throw notYours(ref);
  }
  if (!isDisputable(found.plainOutcome)) {
    throw new InvalidInputError(
      `${found.submissionRef} is not a duplicate or a blocked submission, so there is nothing to dispute: only those outcomes can be disputed.`,
    );
  }
  found.outcome = found.plainOutcome;
  if (!found.candidateId)
    throw new InvalidInputError(
      `${found.submissionRef} was blocked before disputes were kept: submit the person again, and dispute that outcome.`,
    );
  const candidate = await deps.db.candidate.findUnique({
    where: { id: found.candidateId },
    select: { agencyId: true, submittedAt: true },
  });
  if (!candidate) throw notYours(ref);
  if (candidate.agencyId === actor.agencyId)
    throw new ConflictError(`Your agency holds this candidate now, so there is nothing to dispute for ${found.submissionRef}.`);
  const open = await deps.db.dispute.findUnique({ where: { openKey: found.openKey }, select: { ref: true } });
  if (open)
    throw new ConflictError(
      `${found.submissionRef} already has an open dispute, ${formatDisputeRef(open.ref)}. You will be told here when it is decided.`,
    );
  const windowMonths = await windowMonthsFor(deps.db, found.campaignId);
  const { agencyId: _agencyId, plainOutcome: _plain, ...rest } = found;
  return { ...rest, ownerAgencyId: candidate.agencyId, ownedUntil: ownershipOf(candidate, windowMonths).until };
}

const seen = (t: Target): DisputeTargetSeen => ({
  submissionRef: t.submissionRef,
  outcome: t.outcome,
  personName: t.personName,
  campaign: t.campaign,
  ownedUntil: t.ownedUntil,
});

/** Checks that the actor may dispute `submissionRef` now, before the chat asks for a reason. */
export async function checkDisputable(deps: ServiceDeps, actorId: string, submissionRef: string): Promise<DisputeTargetSeen> {
  const actor = await loadActor(deps.sql, actorId);
  return seen(await findTarget(deps, actor, submissionRef));
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === 'P2002';

/** Opens a dispute: the row, its audit entry and its outbox event commit together. */
export async function openDispute(deps: ServiceDeps, actorId: string, raw: OpenDisputeInput): Promise<DisputeOpened> {
  const actor = await loadActor(deps.sql, actorId);
  const input = parseOrThrow(openDisputeInput, raw);
  const target = await findTarget(deps, actor, input.submissionRef);
  try {
    return await deps.db.$transaction(async (tx) => {
      const dispute = await tx.dispute.create({
        data: {
          outcome: target.outcome,
          submissionId: target.submissionId,
          blockedAuditId: target.blockedAuditId,
          candidateId: target.candidateId,
          agencyId: actor.agencyId as string,
          openedById: actor.userId,
          campaignId: target.campaignId,
          ownerAgencyId: target.ownerAgencyId,
          reason: input.reason,
          evidenceFileId: input.evidenceFileId ?? null,
          openKey: target.openKey,
          createdAt: deps.now(),
        },
        select: { id: true, ref: true },
      });
      await writeAudit(tx, {
        actorId,
        action: 'dispute.opened',
        targetType: 'dispute',
        targetId: dispute.id,
        details: {
          ref: dispute.ref,
          outcome: target.outcome,
          submissionId: target.submissionId,
          blockedAuditId: target.blockedAuditId,
          candidateId: target.candidateId,
          evidence: input.evidenceFileId !== undefined,
        },
      });
      const outboxEventId = await recordOutboxEvent(tx, { kind: 'dispute.opened', data: { disputeId: dispute.id } });
      return { disputeId: dispute.id, ref: dispute.ref, target: seen(target), outboxEventId };
    });
  } catch (error) {
    // Two presses racing: the unique open key lets one in.
    if (isUniqueViolation(error))
      throw new ConflictError(`${target.submissionRef} already has an open dispute. You will be told here when it is decided.`);
    throw error;
  }
}

async function findDisputeId(deps: ServiceDeps, key: string): Promise<string> {
  const ref = parseDisputeRef(key);
  const row = await deps.db.dispute.findFirst({ where: ref !== null ? { ref } : { id: key }, select: { id: true } });
  if (!row)
    throw new NotFoundError(`There is no dispute ${ref !== null ? formatDisputeRef(ref) : key}. Type “disputes” to list them.`);
  return row.id;
}

const recruitsFor = async (db: DbOrTx, userId: string, campaignId: string) =>
  (await db.campaignRecruiter.findUnique({ where: { campaignId_userId: { campaignId, userId } }, select: { userId: true } })) !==
  null;

/** Serializes with submissions of the same person (submissions.ts takes the same locks). */
const LOCK_KEYS = `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS "n"
  FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys`;

/**
 * Decides an open dispute. Uphold changes nothing but the dispute; transfer hands the candidate to
 * the disputing agency with a window from now. The dispute row moves first, guarded on OPEN, so
 * two deciders racing get one decision and one "already decided".
 */
export async function decideDispute(deps: ServiceDeps, actorId: string, raw: DecideDisputeInput): Promise<DisputeDecided> {
  const actor = await loadActor(deps.sql, actorId);
  const input = parseOrThrow(decideDisputeInput, raw);
  const id = await findDisputeId(deps, input.dispute);
  const dispute = await deps.db.dispute.findUniqueOrThrow({
    where: { id },
    select: {
      ref: true,
      status: true,
      agencyId: true,
      campaignId: true,
      candidateId: true,
      openedById: true,
      submission: { select: { submittedById: true } },
      blockedAuditId: true,
    },
  });
  assertAllowed(
    canDecideDispute(actor, {
      recruitsFor: actor.role === 'RECRUITER' && (await recruitsFor(deps.db, actor.userId, dispute.campaignId)),
    }),
  );
  const alreadyDecided = () =>
    new ConflictError(`${formatDisputeRef(dispute.ref)} is decided already. Type “disputes status:all” to see its decision.`);
  if (dispute.status !== 'OPEN') throw alreadyDecided();
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const windowMonths = await windowMonthsFor(tx, dispute.campaignId);
    const candidate = await tx.candidate.findUniqueOrThrow({
      where: { id: dispute.candidateId },
      select: { agencyId: true, submittedAt: true, phone: true, email: true },
    });
    const status = statusOfDecision(input.decision);
    const ownershipUntil =
      input.decision === 'transfer'
        ? ownershipOf({ agencyId: dispute.agencyId, submittedAt: now }, windowMonths).until
        : ownershipOf(candidate, windowMonths).until;
    const moved = await tx.dispute.updateMany({
      where: { id, status: 'OPEN' },
      data: {
        status,
        decidedById: actor.userId === SYSTEM_ACTOR ? null : actor.userId,
        decisionReason: input.reason,
        decidedAt: now,
        ownershipUntil,
        openKey: null,
      },
    });
    if (moved.count === 0) throw alreadyDecided();
    if (input.decision === 'transfer') {
      // The keys submissions lock (the canonical email): a transfer and a submission of the person serialize.
      await tx.$queryRawUnsafe(LOCK_KEYS, [`email:${canonicalEmail(candidate.email)}`, `phone:${candidate.phone}`]);
      const blocked = dispute.blockedAuditId
        ? await tx.auditLog.findUnique({ where: { id: dispute.blockedAuditId }, select: { actorId: true } })
        : null;
      await tx.candidate.update({
        where: { id: dispute.candidateId },
        data: {
          agencyId: dispute.agencyId,
          submittedById: dispute.submission?.submittedById ?? blocked?.actorId ?? dispute.openedById,
          campaignId: dispute.campaignId,
          submittedAt: now,
        },
      });
    }
    await writeAudit(tx, {
      actorId,
      action: 'dispute.decided',
      targetType: 'dispute',
      targetId: id,
      details: {
        ref: dispute.ref,
        decision: input.decision,
        candidateId: dispute.candidateId,
        fromAgencyId: candidate.agencyId,
        toAgencyId: input.decision === 'transfer' ? dispute.agencyId : candidate.agencyId,
      },
    });
    const outboxEventId = await recordOutboxEvent(tx, { kind: 'dispute.decided', data: { disputeId: id } });
    return { disputeId: id, ref: dispute.ref, decision: input.decision, ownershipUntil, outboxEventId };
  });
}

export const listDisputesQuery = z.object({
  /** Absent: every status. */
  status: z.enum(DISPUTE_STATUSES).optional(),
  campaignId: z.string().optional(),
  /** The disputing agency. */
  agencyId: z.string().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
});
export type ListDisputesQuery = z.input<typeof listDisputesQuery>;

export interface DisputePage {
  rows: DisputeView[];
  total: number;
  page: number;
  pageCount: number;
}

/** Disputes newest first: every one for owners, those of their campaigns for recruiters. */
export async function listDisputes(deps: ServiceDeps, actorId: string, raw: ListDisputesQuery = {}): Promise<DisputePage> {
  const actor = await loadActor(deps.sql, actorId);
  assertAllowed(canListDisputes(actor));
  const q = parseOrThrow(listDisputesQuery, raw);
  const where: Prisma.DisputeWhereInput = {};
  if (q.status) where.status = q.status;
  if (q.agencyId) where.agencyId = q.agencyId;
  if (q.campaignId) where.campaignId = q.campaignId;
  if (actor.role === 'RECRUITER') {
    where.campaign = { recruiters: { some: { userId: actor.userId } } };
    if (q.campaignId && !(await recruitsFor(deps.db, actor.userId, q.campaignId)))
      throw new ForbiddenError('You do not recruit for that campaign. Type “disputes” for the disputes of yours.');
  }
  const [total, rows] = await Promise.all([
    deps.db.dispute.count({ where }),
    deps.db.dispute.findMany({
      where,
      select: viewSelect,
      orderBy: [{ createdAt: 'desc' }, { ref: 'desc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  const ownerIds = [...new Set(rows.map((r) => r.ownerAgencyId))];
  const owners = new Map(
    (await deps.db.agency.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })).map((a) => [
      a.id,
      a.name,
    ]),
  );
  return {
    rows: await Promise.all(rows.map((r) => toView(deps.db, r, owners))),
    total,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
  };
}

/** One dispute by id or `D-12`, for whoever may list it. */
export async function getDispute(deps: ServiceDeps, actorId: string, key: string): Promise<DisputeView> {
  const actor = await loadActor(deps.sql, actorId);
  assertAllowed(canListDisputes(actor));
  const id = await findDisputeId(deps, key);
  const row = await deps.db.dispute.findUniqueOrThrow({ where: { id }, select: viewSelect });
  if (actor.role === 'RECRUITER' && !(await recruitsFor(deps.db, actor.userId, row.campaign.id)))
    throw new NotFoundError(`There is no dispute ${key}. Type “disputes” to list them.`);
  return toView(deps.db, row);
}

/** The evidence file of a dispute, for whoever may read the dispute. */
export async function getDisputeEvidence(
  deps: ServiceDeps,
  actorId: string,
  key: string,
): Promise<{ filename: string; contentType: string; data: Buffer }> {
  const view = await getDispute(deps, actorId, key);
  const row = await deps.db.dispute.findUniqueOrThrow({
    where: { id: view.id },
    select: { evidenceFile: { select: { filename: true, contentType: true, data: true } } },
  });
  if (!row.evidenceFile) throw new NotFoundError(`${formatDisputeRef(view.ref)} came with no evidence file.`);
  return { ...row.evidenceFile, data: Buffer.from(row.evidenceFile.data) };
}

/**
 * What the notifier tells about a dispute, read with the recipients it needs. `agencySide` is all
 * the disputing agency hears: its own submission, the decision, its reason, the ownership end.
 */
export interface DisputeForNotice {
  view: DisputeView;
  /** The disputing agency's people to tell of the decision: the opener, the submitter, the admins. */
  agencyUserIds: string[];
  agencySide: {
    disputeRef: number;
    submissionRef: string;
    personName: string | null;
    outcome: string;
  };
}

export async function loadDisputeForNotice(db: DbOrTx, disputeId: string): Promise<DisputeForNotice | null> {
  const row = await db.dispute.findUnique({
    where: { id: disputeId },
    select: {
      ...viewSelect,
      agencyId: true,
      openedById: true,
      submission: { select: { submittedById: true, firstName: true, lastName: true } },
    },
  });
  if (!row) return null;
  const admins = await db.user.findMany({ where: { agencyId: row.agencyId, role: 'AGENCY_ADMIN' }, select: { id: true } });
  const ids = [row.openedById, row.submission?.submittedById, ...admins.map((a) => a.id)].filter((x): x is string => !!x);
  return {
    view: await toView(db, row),
    agencyUserIds: [...new Set(ids)],
    agencySide: {
      disputeRef: row.ref,
      submissionRef: formatSubmissionRef(row.submissionId ?? row.blockedAuditId ?? ''),
      personName: row.submission ? `${row.submission.firstName} ${row.submission.lastName}` : null,
      outcome: row.outcome,
    },
  };
}
