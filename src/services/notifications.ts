import { z } from 'zod';
import { canAdministerPlatform } from '../domain/permissions';
import type { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor } from './actor';
import { writeAudit } from './audit';
import type { ServiceDeps } from './deps';
import { parseOrThrow } from './validate';

export const DELIVERY_FILTERS = ['failed', 'pending', 'sent', 'all'] as const;

export const deliveriesQuery = z.object({
  /** `failed`: given up (FAILED) or the chat is gone (UNREACHABLE); the owners' to-do list. */
  status: z.enum(DELIVERY_FILTERS).default('failed'),
  limit: z.number().int().min(1).max(200).default(50),
  /** Only deliveries created before this (paging backwards). */
  before: z.date().optional(),
});
export type DeliveriesQuery = z.input<typeof deliveriesQuery>;

export interface DeliveryRow {
  id: string;
  kind: string;
  status: string;
  channel: string;
  recipient: { id: string; name: string | null; email: string };
  candidateRef: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

const STATUS_WHERE: Record<(typeof DELIVERY_FILTERS)[number], Prisma.NotificationWhereInput> = {
  failed: { status: { in: ['FAILED', 'UNREACHABLE'] } },
  pending: { status: 'PENDING' },
  sent: { status: 'SENT' },
  all: {},
};

/** Notification deliveries, newest first; owners only (the `deliveries` command and API). */
export async function listDeliveries(deps: ServiceDeps, actorId: string, raw: DeliveriesQuery = {}): Promise<DeliveryRow[]> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const q = parseOrThrow(deliveriesQuery, raw);
  const rows = await deps.db.notification.findMany({
    where: { ...STATUS_WHERE[q.status], ...(q.before ? { createdAt: { lt: q.before } } : {}) },
    orderBy: { createdAt: 'desc' },
    take: q.limit,
    select: {
      id: true,
      kind: true,
      status: true,
      channel: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      failedAt: true,
      candidate: { select: { ref: true } },
      recipient: { select: { id: true, name: true, email: true } },
    },
  });
  return rows.map(({ candidate, ...r }) => ({ ...r, candidateRef: candidate?.ref ?? null }));
}

export const retryDeliveriesInput = z.object({
  /** The FAILED deliveries to send again; absent: every FAILED one (at most 1,000 at a time). */
  ids: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
});
export type RetryDeliveriesInput = z.input<typeof retryDeliveriesInput>;

/** What `retryDeliveries` put back in line; the notifier enqueues these (see withNotifications). */
export interface DeliveriesRetried {
  retried: { id: string; retryRound: number }[];
}

/**
 * Puts FAILED deliveries back to PENDING for one more round of tries (owners: after an outage,
 * once the platform is back). UNREACHABLE ones stay: the chat is gone, the next event goes by email.
 * Ids that are not FAILED (sent meanwhile, unknown) are skipped, not an error.
 */
export async function retryDeliveries(
  deps: ServiceDeps,
  actorId: string,
  raw: RetryDeliveriesInput = {},
): Promise<DeliveriesRetried> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const q = parseOrThrow(retryDeliveriesInput, raw);
  const retried = await deps.db.$transaction(async (tx) => {
    const rows = await tx.notification.updateManyAndReturn({
      where: { status: 'FAILED', ...(q.ids ? { id: { in: q.ids } } : {}) },
      data: { status: 'PENDING', retryRound: { increment: 1 }, retryAt: null, failedAt: null, lockedUntil: null },
      select: { id: true, retryRound: true },
      limit: 1000,
    });
    await writeAudit(tx, {
      actorId,
      action: 'deliveries.retry',
      targetType: 'notification',
      targetId: q.ids ? q.ids.join(',').slice(0, 200) : 'all-failed',
      details: { retried: rows.length },
    });
    return rows;
  });
  return { retried };
}
