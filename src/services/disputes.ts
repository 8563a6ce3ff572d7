import { z } from 'zod';
import {
  canDecideDispute,
  canOpenDispute,
  DISPUTE_DECISIONS,
  DISPUTE_REASON_MAX,
  formatDisputeRef,
  formatSubmissionRef,
  isDisputable,
  parseDisputeRef,
  parseSubmissionRef,
  statusOfDecision,
  type DisputableOutcome,
  type DisputeDecision,
} from '../domain/disputes';
import { canonicalEmail } from '../domain/contact';
import { platformSchema, type PlatformName } from '../domain/platforms';
import { DEFAULT_DUPLICATE_RULE, ownershipOf, windowStart } from '../domain/duplicates';
import type { Actor } from '../domain/permissions';
import { assertAllowed, loadActor, SYSTEM_ACTOR } from './actor';
import { writeAudit, type DbOrTx } from './audit';
import type { ServiceDeps } from './deps';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { recordOutboxEvent } from './outbox';
import { parseOrThrow } from './validate';

/**
 * Disputes (issue 19). An agency contests a DUPLICATE, BLOCKED or ALREADY_IN_SYSTEM outcome with a
 * reason (and a file); an owner or one of the campaign's recruiters upholds it or transfers the
 * candidate.
 *
 * Ownership is the candidate row itself: the duplicate check matches candidates by phone / email
 * within the window of their `submittedAt` and tells "yours" by their `agencyId`. A transfer makes
 * the disputing side the candidate's agency, submitter and campaign, and the decision's time its
 * submission time: the new window starts then, and the next duplicate check of either agency reads
 * it with no other change (the former owner gets DUPLICATE, the new one PREVIOUSLY_SUBMITTED).
 *
 * ALREADY_IN_SYSTEM is held by the employer's own ATS record (ExternalCandidate), not by an agency:
 * its dispute names that record instead of an owning agency (CHECK "Dispute_one_holder"). A transfer
 * creates the disputing agency's candidate from the disputed submission, with the window from the
 * decision, and marks the record superseded: the duplicate check no longer reads it (see
 * duplicate-check.ts), so the agency's next submission is PREVIOUSLY_SUBMITTED and another agency's
 * a DUPLICATE of the agency's candidate. A BLOCKED attempt caused by that record (the rule blocks
 * direct applicants) is held by the record too; the block kept only the record's id, nothing the
 * agency typed, so a transfer makes the agency's candidate from the record's own person.
 *
 * What the disputing agency is told of the other side is only what the outcome told it: that
 * another agency holds the person, and until when; or that the employer already had the person
 * (never when, from where, or under which id). Nothing here returns more to an agency user.
 */

// Catalogue keys (parseOrThrow says them in the reader's language); the longest reason is
// DISPUTE_REASON_MAX, written out in 'svc.zod.reasonLong'.
const reasonSchema = (empty: 'svc.zod.disputeReason' | 'svc.zod.decisionReason') =>
  z.string().trim().min(1, empty).max(DISPUTE_REASON_MAX, 'svc.zod.reasonLong');

export const openDisputeInput = z.object({
  /** The submission's short reference as lists show it: `S-1a2b3c4d`. */
  submissionRef: z.string(),
  reason: reasonSchema('svc.zod.disputeReason'),
  /** A stored file (src/services/files.ts) sent as evidence. */
  evidenceFileId: z.string().min(1).optional(),
});
export type OpenDisputeInput = z.input<typeof openDisputeInput>;

export const decideDisputeInput = z.object({
  /** The dispute's id, or its reference `D-12`. */
  dispute: z.string().min(1),
  decision: z.enum(DISPUTE_DECISIONS, { message: 'svc.zod.disputeDecision' }),
  reason: reasonSchema('svc.zod.decisionReason'),
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
  /**
   * The last day another agency holds the person; null when the employer's own record holds them
   * (ALREADY_IN_SYSTEM, or a block by it): the agency learns nothing of that record but that it exists.
   */
  ownedUntil: Date | null;
}

/** Who holds the disputed person: another agency's candidate, or the employer's ATS record. */
type Holder = { ownerAgencyId: string; candidateId: string } | { externalCandidateId: string };

interface Target extends DisputeTargetSeen {
  openKey: string;
  submissionId: string | null;
  blockedAuditId: string | null;
  campaignId: string;
  holder: Holder;
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
  /**
   * The end of the ownership the decision leaves (the disputing agency's new window after a
   * transfer); null after upholding the employer's own record, which no agency holds.
   */
  ownershipUntil: Date | null;
  /** The candidate the decision leaves: the disputing agency's after a transfer; null while only the ATS record holds the person. */
  candidateRef: number | null;
  outboxEventId?: string;
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

const notYours = (ref: string) => new NotFoundError({ key: 'svc.dispute.notYours', params: { ref } });

/** What a `submission.blocked` audit row keeps (src/services/submissions.ts): ids, never the typed person. */
const blockDetails = z
  .object({
    reason: z.string().optional(),
    candidateId: z.string().optional(),
    externalCandidateId: z.string().optional(),
    channel: platformSchema.optional(),
  })
  .catch({});

/** Where the submission (or blocked attempt) found points, before it is checked. */
type Found = Omit<Target, 'ownedUntil' | 'holder'> & {
  agencyId: string;
  plainOutcome: string;
  candidateId: string | null;
  externalCandidateId: string | null;
};

/**
 * The submission (or blocked attempt) an agency user names, checked: theirs, a disputable outcome,
 * a person still held by another agency or by the employer's own record. Agency users get only
 * what `DisputeTargetSeen` holds.
 */
async function findTarget(deps: ServiceDeps, actor: Actor, rawRef: string): Promise<Target> {
  const prefix = parseSubmissionRef(rawRef);
  const ref = rawRef.trim();
  if (!prefix) throw new InvalidInputError({ key: 'svc.dispute.badRef', params: { ref: ref.slice(0, 40) } }, 'submissionRef');
  const range = prefixRange(prefix);
  const submissions = await deps.db.submission.findMany({
    where: { id: range },
    select: {
      id: true,
      agencyId: true,
      candidateId: true,
      externalCandidateId: true,
      campaignId: true,
      outcome: true,
      firstName: true,
      lastName: true,
      campaign: { select: { name: true } },
    },
    take: 5,
  });
  let found: Found;
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
      // ALREADY_IN_SYSTEM: no agency candidate, the employer's ATS record instead.
      candidateId: submission.outcome === 'ALREADY_IN_SYSTEM' ? null : submission.candidateId,
      externalCandidateId: submission.outcome === 'ALREADY_IN_SYSTEM' ? submission.externalCandidateId : null,
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
    const details = blockDetails.parse(attempt.details);
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
      // Blocked by the employer's own record: that record holds the person, as for ALREADY_IN_SYSTEM
      // (a block kept nothing the agency typed; a transfer makes the candidate from the record).
      candidateId: details.reason === 'already_in_system' ? null : (details.candidateId ?? null),
      externalCandidateId: details.reason === 'already_in_system' ? (details.externalCandidateId ?? null) : null,
      campaignId: attempt.targetId,
    };
    if (details.reason === 'same_agency')
      throw new InvalidInputError({ key: 'svc.dispute.blockedSame', params: { ref: found.submissionRef } });
  }
  const decision = canOpenDispute(actor, { agencyId: found.agencyId });
  // Another agency's submission reads as one that does not exist: references cannot be probed.
  if (!decision.allowed) {
    if (!actor.active || (actor.role !== 'AGENCY_ADMIN' && actor.role !== 'AGENCY_USER')) assertAllowed(decision);
    throw notYours(ref);
  }
  if (!isDisputable(found.plainOutcome))
    throw new InvalidInputError({ key: 'svc.dispute.notDisputable', params: { ref: found.submissionRef } });
  found.outcome = found.plainOutcome;
  const { agencyId: _agencyId, plainOutcome: _plain, candidateId, externalCandidateId, ...rest } = found;
  const assertNoneOpen = async () => {
    const open = await deps.db.dispute.findUnique({ where: { openKey: found.openKey }, select: { ref: true } });
    if (open)
      throw new ConflictError({
        key: 'svc.dispute.open',
        params: { ref: found.submissionRef, dispute: formatDisputeRef(open.ref) },
      });
  };
  if (externalCandidateId) {
    const record = await deps.db.externalCandidate.findUnique({
      where: { id: externalCandidateId },
      select: { supersededAt: true },
    });
    if (!record) throw notYours(ref);
    // A transfer (of this or another agency's dispute) took the person out of the employer's record.
    if (record.supersededAt)
      throw new ConflictError({ key: 'svc.dispute.recordSuperseded', params: { ref: found.submissionRef } });
    await assertNoneOpen();
    return { ...rest, holder: { externalCandidateId }, ownedUntil: null };
  }
  if (!candidateId) throw new InvalidInputError({ key: 'svc.dispute.tooOld', params: { ref: found.submissionRef } });
  const candidate = await deps.db.candidate.findUnique({
    where: { id: candidateId },
    select: { agencyId: true, submittedAt: true },
  });
  if (!candidate) throw notYours(ref);
  if (candidate.agencyId === actor.agencyId)
    throw new ConflictError({ key: 'svc.dispute.yoursNow', params: { ref: found.submissionRef } });
  await assertNoneOpen();
  const windowMonths = await windowMonthsFor(deps.db, found.campaignId);
  return {
    ...rest,
    holder: { ownerAgencyId: candidate.agencyId, candidateId },
    ownedUntil: ownershipOf(candidate, windowMonths).until,
  };
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
          ...target.holder,
          agencyId: actor.agencyId as string,
          openedById: actor.userId,
          campaignId: target.campaignId,
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
          ...target.holder,
          evidence: input.evidenceFileId !== undefined,
        },
      });
      const outboxEventId = await recordOutboxEvent(tx, { kind: 'dispute.opened', data: { disputeId: dispute.id } });
      return { disputeId: dispute.id, ref: dispute.ref, target: seen(target), outboxEventId };
    });
  } catch (error) {
    // Two presses racing: the unique open key lets one in.
    if (isUniqueViolation(error)) throw new ConflictError({ key: 'svc.dispute.openRace', params: { ref: target.submissionRef } });
    throw error;
  }
}

/** The dispute a `D-12` reference or an id names. */
export async function findDisputeId(deps: ServiceDeps, key: string): Promise<string> {
  const ref = parseDisputeRef(key);
  const row = await deps.db.dispute.findFirst({ where: ref !== null ? { ref } : { id: key }, select: { id: true } });
  if (!row) throw new NotFoundError({ key: 'svc.dispute.none', params: { dispute: ref !== null ? formatDisputeRef(ref) : key } });
  return row.id;
}

/** Whether the user is one of the campaign's recruiters (they decide its disputes). */
export const recruitsFor = async (db: DbOrTx, userId: string, campaignId: string) =>
  (await db.campaignRecruiter.findUnique({ where: { campaignId_userId: { campaignId, userId } }, select: { userId: true } })) !==
  null;

/** Serializes with submissions of the same person (submissions.ts takes the same locks). */
const LOCK_KEYS = `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS "n"
  FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys`;

/** The person a transfer of the employer's record makes the disputing agency's candidate. */
interface TransferredPerson {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  channel: PlatformName;
  submittedById: string;
  resumeFileId: string | null;
}

/**
 * Who a transfer of the employer's record creates. ALREADY_IN_SYSTEM recorded the agency's
 * submission: the person as the agency submitted them. A block by the record kept nothing the agency
 * typed (submissions.ts), so the candidate is the record's own person, submitted by whoever was
 * blocked, through the channel they used. A candidate needs a phone and an email and the ATS may
 * have given only one: then the decider is refused and told what else settles it, before anything
 * changes (the agency typed both, but a block keeps neither).
 */
async function personToTransfer(
  tx: DbOrTx,
  dispute: {
    ref: number;
    openedById: string;
    blockedAuditId: string | null;
    submission: (TransferredPerson & { id: string }) | null;
  },
  recordId: string,
): Promise<TransferredPerson> {
  if (dispute.submission) {
    const { id: _id, ...person } = dispute.submission;
    return person;
  }
  const [record, blocked] = await Promise.all([
    tx.externalCandidate.findUniqueOrThrow({
      where: { id: recordId },
      select: { firstName: true, lastName: true, phone: true, email: true, externalId: true },
    }),
    dispute.blockedAuditId
      ? tx.auditLog.findUnique({ where: { id: dispute.blockedAuditId }, select: { actorId: true, details: true } })
      : null,
  ]);
  if (record.phone === null || record.email === null)
    throw new ConflictError({
      key: record.phone === null ? 'svc.dispute.recordNoPhone' : 'svc.dispute.recordNoEmail',
      params: { dispute: formatDisputeRef(dispute.ref), id: record.externalId },
    });
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    phone: record.phone,
    email: record.email,
    // Blocks recorded before the channel was kept: the web, the one channel every agency user has.
    channel: blockDetails.parse(blocked?.details).channel ?? 'WEB',
    submittedById: blocked?.actorId ?? dispute.openedById,
    resumeFileId: null,
  };
}

/**
 * Decides an open dispute. Uphold changes nothing but the dispute; transfer hands the person to
 * the disputing agency with a window from now: another agency's candidate is rewritten, the
 * employer's own record (ALREADY_IN_SYSTEM, or a block by it) is superseded by a new candidate of
 * the agency made from the disputed submission, or from the record for a block (personToTransfer).
 * The dispute row moves first, guarded on OPEN, so two deciders
 * racing get one decision and one "already decided".
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
      externalCandidateId: true,
      openedById: true,
      submission: {
        select: {
          id: true,
          submittedById: true,
          firstName: true,
          lastName: true,
          phone: true,
          email: true,
          channel: true,
          resumeFileId: true,
        },
      },
      blockedAuditId: true,
    },
  });
  assertAllowed(
    canDecideDispute(actor, {
      recruitsFor: actor.role === 'RECRUITER' && (await recruitsFor(deps.db, actor.userId, dispute.campaignId)),
    }),
  );
  const alreadyDecided = () =>
    new ConflictError({ key: 'svc.dispute.decided', params: { dispute: formatDisputeRef(dispute.ref) } });
  if (dispute.status !== 'OPEN') throw alreadyDecided();
  const now = deps.now();
  const decidedBy = actor.userId === SYSTEM_ACTOR ? null : actor.userId;
  return deps.db.$transaction(async (tx) => {
    const windowMonths = await windowMonthsFor(tx, dispute.campaignId);
    const status = statusOfDecision(input.decision);
    const decide = async (ownershipUntil: Date | null) => {
      const moved = await tx.dispute.updateMany({
        where: { id, status: 'OPEN' },
        data: { status, decidedById: decidedBy, decisionReason: input.reason, decidedAt: now, ownershipUntil, openKey: null },
      });
      if (moved.count === 0) throw alreadyDecided();
    };
    const lockPerson = (person: { phone: string; email: string }) =>
      // The keys submissions lock (the canonical email): a transfer and a submission of the person serialize.
      tx.$queryRawUnsafe(LOCK_KEYS, [`email:${canonicalEmail(person.email)}`, `phone:${person.phone}`]);
    const finish = async (
      result: { ownershipUntil: Date | null; candidateId: string | null; candidateRef: number | null },
      audit: Record<string, string | null>,
    ): Promise<DisputeDecided> => {
      await writeAudit(tx, {
        actorId,
        action: 'dispute.decided',
        targetType: 'dispute',
        targetId: id,
        details: { ref: dispute.ref, decision: input.decision, candidateId: result.candidateId, ...audit },
      });
      const outboxEventId = await recordOutboxEvent(tx, { kind: 'dispute.decided', data: { disputeId: id } });
      return {
        disputeId: id,
        ref: dispute.ref,
        decision: input.decision,
        ownershipUntil: result.ownershipUntil,
        candidateRef: result.candidateRef,
        outboxEventId,
      };
    };

    if (dispute.externalCandidateId) {
      // The employer's own record held the person: no agency's window to keep on uphold.
      const recordId = dispute.externalCandidateId;
      const audit = { externalCandidateId: recordId, fromAgencyId: null };
      if (input.decision === 'uphold') {
        await decide(null);
        return finish({ ownershipUntil: null, candidateId: null, candidateRef: null }, { ...audit, toAgencyId: null });
      }
      const person = await personToTransfer(tx, dispute, recordId);
      const ownershipUntil = ownershipOf({ agencyId: dispute.agencyId, submittedAt: now }, windowMonths).until;
      await decide(ownershipUntil);
      await lockPerson(person);
      // Guarded on the record still counting: two agencies' disputes of one record transfer once.
      const superseded = await tx.externalCandidate.updateMany({
        where: { id: recordId, supersededAt: null },
        data: { supersededAt: now },
      });
      if (superseded.count === 0)
        throw new ConflictError({ key: 'svc.dispute.recordTransferred', params: { dispute: formatDisputeRef(dispute.ref) } });
      // An agency may have got the person meanwhile (the record aged out of the window, or the rule
      // changed): a transfer must not make a second holder. Read under the key locks, so it holds.
      const holder = await tx.candidate.findFirst({
        where: {
          OR: [{ phone: person.phone }, { emailKey: canonicalEmail(person.email) }],
          submittedAt: { gte: windowStart(now, windowMonths) },
        },
        select: { id: true },
      });
      if (holder)
        throw new ConflictError({ key: 'svc.dispute.agencyHoldsNow', params: { dispute: formatDisputeRef(dispute.ref) } });
      const created = await tx.candidate.create({
        data: {
          ...person,
          agencyId: dispute.agencyId,
          campaignId: dispute.campaignId,
          submittedAt: now,
          createdAt: now,
        },
        select: { id: true, ref: true },
      });
      await tx.dispute.update({ where: { id }, data: { candidateId: created.id } });
      // The agency's lists show the disputed submission as its candidate now (a block recorded none).
      if (dispute.submission)
        await tx.submission.update({ where: { id: dispute.submission.id }, data: { candidateId: created.id } });
      return finish(
        { ownershipUntil, candidateId: created.id, candidateRef: created.ref },
        { ...audit, toAgencyId: dispute.agencyId },
      );
    }

    // Another agency's candidate held the person (CHECK "Dispute_one_holder": the id is set).
    const candidateId = dispute.candidateId as string;
    const candidate = await tx.candidate.findUniqueOrThrow({
      where: { id: candidateId },
      select: { ref: true, agencyId: true, submittedAt: true, phone: true, email: true },
    });
    const ownershipUntil =
      input.decision === 'transfer'
        ? ownershipOf({ agencyId: dispute.agencyId, submittedAt: now }, windowMonths).until
        : ownershipOf(candidate, windowMonths).until;
    await decide(ownershipUntil);
    if (input.decision === 'transfer') {
      await lockPerson(candidate);
      const blocked = dispute.blockedAuditId
        ? await tx.auditLog.findUnique({ where: { id: dispute.blockedAuditId }, select: { actorId: true } })
        : null;
      await tx.candidate.update({
        where: { id: candidateId },
        data: {
          agencyId: dispute.agencyId,
          submittedById: dispute.submission?.submittedById ?? blocked?.actorId ?? dispute.openedById,
          campaignId: dispute.campaignId,
          submittedAt: now,
        },
      });
    }
    return finish(
      { ownershipUntil, candidateId, candidateRef: candidate.ref },
      { fromAgencyId: candidate.agencyId, toAgencyId: input.decision === 'transfer' ? dispute.agencyId : candidate.agencyId },
    );
  });
}
