import { z } from 'zod';
import {
  canListDisputes,
  DISPUTE_STATUSES,
  DISPUTABLE_OUTCOMES,
  formatDisputeRef,
  formatSubmissionRef,
  type DisputeDecision,
  type DisputeStatus,
} from '../domain/disputes';
import type { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor } from './actor';
import type { DbOrTx } from './audit';
import type { ServiceDeps } from './deps';
import { ForbiddenError, NotFoundError } from './errors';
import { parseOrThrow } from './validate';
import { findDisputeId, recruitsFor } from './disputes';

/**
 * Disputes as owners, recruiters, the API and the notices read them (issue 19): the read side of
 * disputes.ts, which opens and decides them.
 */

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
  /** The agency that held the candidate when the dispute was opened; null when the employer's record did. */
  ownerAgency: { id: string; name: string } | null;
  /** The employer’s own ATS record that held the person (ALREADY_IN_SYSTEM, or a block by it); null when an agency did. */
  employerRecord: { id: string; externalId: string; source: string; superseded: boolean } | null;
  /** The candidate disputed, or (held by the employer’s record) created by the transfer; null before that. */
  candidate: { id: string; ref: number; name: string } | null;
  /** The disputed person's name: the candidate's, else as the agency submitted it, else the employer's record's ('' for none). */
  person: string;
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
  externalCandidate: {
    select: { id: true, externalId: true, source: true, supersededAt: true, firstName: true, lastName: true },
  },
  submission: { select: { firstName: true, lastName: true } },
  campaign: { select: { id: true, name: true } },
  evidenceFile: { select: { filename: true, contentType: true, size: true } },
} as const satisfies Prisma.DisputeSelect;

type ViewRow = Prisma.DisputeGetPayload<{ select: typeof viewSelect }>;

async function toView(db: DbOrTx, row: ViewRow, owners?: Map<string, string>): Promise<DisputeView> {
  const ownerId = row.ownerAgencyId;
  const ownerName =
    ownerId === null
      ? ''
      : (owners?.get(ownerId) ?? (await db.agency.findUnique({ where: { id: ownerId }, select: { name: true } }))?.name ?? '');
  const decided = row.status !== 'OPEN' && row.decidedAt;
  const candidate = row.candidate && {
    id: row.candidate.id,
    ref: row.candidate.ref,
    name: `${row.candidate.firstName} ${row.candidate.lastName}`,
  };
  const ext = row.externalCandidate;
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
    ownerAgency: ownerId === null ? null : { id: ownerId, name: ownerName },
    employerRecord: ext && { id: ext.id, externalId: ext.externalId, source: ext.source, superseded: ext.supersededAt !== null },
    candidate,
    // A block by the employer's record kept nothing the agency typed: owners and recruiters read the record's name.
    person:
      candidate?.name ??
      (row.submission ? `${row.submission.firstName} ${row.submission.lastName}` : ext ? `${ext.firstName} ${ext.lastName}` : ''),
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

export const listDisputesQuery = z.object({
  /** Absent: every status. */
  status: z.enum(DISPUTE_STATUSES).optional(),
  /** The contested outcome (ALREADY_IN_SYSTEM: the disputes of the employer's own record). */
  outcome: z.enum(DISPUTABLE_OUTCOMES).optional(),
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
  if (q.outcome) where.outcome = q.outcome;
  if (q.agencyId) where.agencyId = q.agencyId;
  if (q.campaignId) where.campaignId = q.campaignId;
  if (actor.role === 'RECRUITER') {
    where.campaign = { recruiters: { some: { userId: actor.userId } } };
    if (q.campaignId && !(await recruitsFor(deps.db, actor.userId, q.campaignId)))
      throw new ForbiddenError({ key: 'svc.dispute.notYourCampaign' });
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
  const ownerIds = [...new Set(rows.flatMap((r) => (r.ownerAgencyId === null ? [] : [r.ownerAgencyId])))];
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
    throw new NotFoundError({ key: 'svc.dispute.none', params: { dispute: key } });
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
  if (!row.evidenceFile)
    throw new NotFoundError({ key: 'svc.dispute.noEvidence', params: { dispute: formatDisputeRef(view.ref) } });
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
    /** The employer’s own record held the person (ALREADY_IN_SYSTEM, or a block by it): the agency hears that, and no date of it. */
    heldByEmployer: boolean;
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
      heldByEmployer: row.externalCandidate !== null,
    },
  };
}

/**
 * What the former holder hears of a transfer away from it: its candidate by its reference and
 * name, and the dispute's number to quote to the employer; nothing of the agency it went to, nor
 * the decision's reason (written for that agency). Null unless another agency held the person and
 * the dispute was transferred.
 */
export interface DisputeLostNotice {
  /** The holder's people: whoever of it submitted the candidate, and its admins. */
  userIds: string[];
  disputeRef: number;
  candidateRef: number;
  personName: string;
}

export async function loadDisputeLostNotice(db: DbOrTx, disputeId: string): Promise<DisputeLostNotice | null> {
  const row = await db.dispute.findUnique({
    where: { id: disputeId },
    select: {
      ref: true,
      status: true,
      ownerAgencyId: true,
      candidate: { select: { id: true, ref: true, firstName: true, lastName: true } },
    },
  });
  if (!row || row.status !== 'TRANSFERRED' || row.ownerAgencyId === null || row.candidate === null) return null;
  const holderAgencyId = row.ownerAgencyId;
  // The transfer rewrote the candidate's submitter: the holder's own submissions still name theirs.
  const [submitters, admins] = await Promise.all([
    db.submission.findMany({
      where: { candidateId: row.candidate.id, agencyId: holderAgencyId },
      select: { submittedById: true },
    }),
    db.user.findMany({ where: { agencyId: holderAgencyId, role: 'AGENCY_ADMIN' }, select: { id: true } }),
  ]);
  return {
    userIds: [...new Set([...submitters.map((s) => s.submittedById), ...admins.map((a) => a.id)])],
    disputeRef: row.ref,
    candidateRef: row.candidate.ref,
    personName: `${row.candidate.firstName} ${row.candidate.lastName}`,
  };
}
