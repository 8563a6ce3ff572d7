import { z } from 'zod';
import { escapeLikePattern } from '../domain/like-pattern';
import { canSeeAgencyPool, canSeeMyCandidates } from '../domain/permissions';
import type { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor } from './actor';
import type { ServiceDeps } from './deps';
import { parseOrThrow } from './validate';

export const OUTCOMES = ['ADDED', 'PREVIOUSLY_SUBMITTED', 'DUPLICATE'] as const;
export const STAGES = ['NEW', 'SCREENING', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN'] as const;
export type OutcomeName = (typeof OUTCOMES)[number];
export type StageName = (typeof STAGES)[number];

export const dashboardQuery = z.object({
  /** `mine`: what I submitted; `pool`: my agency's (owners: `agencyId`, or every agency when absent). */
  view: z.enum(['mine', 'pool']),
  agencyId: z.string().optional(),
  search: z.string().trim().max(100).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  stage: z.enum(STAGES).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
  /** Period of the metrics; defaults to the last 30 days. */
  from: z.date().optional(),
  to: z.date().optional(),
});
export type DashboardQuery = z.input<typeof dashboardQuery>;

export interface DashboardRow {
  submissionId: string;
  /** The candidate's reference, absent for a cross-agency duplicate (it belongs to someone else). */
  candidateRef: number | null;
  firstName: string;
  lastName: string;
  outcome: OutcomeName;
  stage: StageName | null;
  campaign: string;
  submittedAt: Date;
  submittedBy: string;
}

export interface Metrics {
  added: number;
  previouslySubmitted: number;
  duplicate: number;
  from: Date;
  to: Date;
}

export interface DashboardPage {
  rows: DashboardRow[];
  total: number;
  page: number;
  pageCount: number;
  metrics: Metrics;
}

const DAY_MS = 86_400_000;

export async function listDashboard(deps: ServiceDeps, actorId: string, raw: DashboardQuery): Promise<DashboardPage> {
  const q = parseOrThrow(dashboardQuery, raw);
  const actor = await loadActor(deps.sql, actorId);
  let scope: Prisma.SubmissionWhereInput;
  if (q.view === 'mine') {
    assertAllowed(canSeeMyCandidates(actor));
    scope = { submittedById: actor.userId };
  } else {
    // Non-owners see their own agency's pool; naming another agency is refused, not silently ignored.
    const agencyId = actor.role === 'OWNER' ? (q.agencyId ?? null) : (q.agencyId ?? actor.agencyId);
    assertAllowed(canSeeAgencyPool(actor, agencyId));
    scope = agencyId ? { agencyId } : {};
  }

  const filters: Prisma.SubmissionWhereInput[] = [scope];
  if (q.outcome) filters.push({ outcome: q.outcome });
  // A duplicate's stage is the other agency's business, so a stage filter never matches one.
  if (q.stage) filters.push({ outcome: { not: 'DUPLICATE' }, candidate: { stage: q.stage } });
  if (q.search) filters.push(searchFilter(q.search));
  const where: Prisma.SubmissionWhereInput = { AND: filters };

  const now = deps.now();
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 30 * DAY_MS);
  const [total, rows, grouped] = await Promise.all([
    deps.db.submission.count({ where }),
    deps.db.submission.findMany({
      where,
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        outcome: true,
        submittedAt: true,
        campaign: { select: { name: true } },
        submittedBy: { select: { name: true, email: true } },
        candidate: { select: { ref: true, stage: true } },
      },
    }),
    deps.db.submission.groupBy({
      by: ['outcome'],
      // An explicit period is half-open; the default one ends now and includes it.
      where: { AND: [scope, { submittedAt: q.to ? { gte: from, lt: to } : { gte: from, lte: to } }] },
      _count: { _all: true },
    }),
  ]);
  const count = (o: OutcomeName) => grouped.find((g) => g.outcome === o)?._count._all ?? 0;
  return {
    rows: rows.map((r) => ({
      submissionId: r.id,
      candidateRef: r.outcome === 'DUPLICATE' ? null : r.candidate.ref,
      firstName: r.firstName,
      lastName: r.lastName,
      outcome: r.outcome,
      stage: r.outcome === 'DUPLICATE' ? null : r.candidate.stage,
      campaign: r.campaign.name,
      submittedAt: r.submittedAt,
      submittedBy: r.submittedBy.name ?? r.submittedBy.email,
    })),
    total,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
    metrics: {
      added: count('ADDED'),
      previouslySubmitted: count('PREVIOUSLY_SUBMITTED'),
      duplicate: count('DUPLICATE'),
      from,
      to,
    },
  };
}

/** Name, email or phone; a query of digits also matches phones typed with spaces or dashes. */
function searchFilter(text: string): Prisma.SubmissionWhereInput {
  const literal = escapeLikePattern(text);
  const or: Prisma.SubmissionWhereInput[] = [
    { firstName: { contains: literal, mode: 'insensitive' } },
    { lastName: { contains: literal, mode: 'insensitive' } },
    { email: { contains: literal.toLowerCase() } },
  ];
  const words = text.split(/\s+/).filter(Boolean).map(escapeLikePattern);
  if (words.length === 2) {
    or.push({
      AND: [
        { firstName: { contains: words[0], mode: 'insensitive' } },
        { lastName: { contains: words[1], mode: 'insensitive' } },
      ],
    });
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length >= 4) or.push({ phone: { contains: digits } });
  return { OR: or };
}
