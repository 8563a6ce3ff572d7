import { Prisma } from '../generated/prisma/client';
import type { ServiceDeps } from './deps';
import type { PlatformName } from './submissions';

/** A conversation's dialog row: one per platform, workspace and conversation (see the engine). */
export interface ConversationKey {
  platform: PlatformName;
  workspaceId: string;
  conversationId: string;
}

export interface LoadedConversation {
  /** 0 when no row exists yet: the first save creates it. */
  version: number;
  state: unknown;
  userId: string | null;
}

/**
 * Records a platform event id; false when it was already recorded. Insert-first, so two instances
 * receiving the same redelivery cannot both handle it.
 */
export async function markEventProcessed(deps: ServiceDeps, platform: PlatformName, eventId: string): Promise<boolean> {
  // Raw SQL on the per-message path: a third of the cost of a compiled Prisma query here.
  const inserted = await deps.db.$executeRaw`
    INSERT INTO "ProcessedEvent" ("platform", "eventId", "createdAt")
    VALUES (${platform}::"Platform", ${eventId}, ${deps.now()})
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

export async function loadConversation(deps: ServiceDeps, key: ConversationKey): Promise<LoadedConversation> {
  const rows = await deps.db.$queryRaw<LoadedConversation[]>`
    SELECT "version", "state", "userId" FROM "Conversation"
    WHERE "platform" = ${key.platform}::"Platform" AND "workspaceId" = ${key.workspaceId} AND "conversationId" = ${key.conversationId}`;
  return rows[0] ?? { version: 0, state: null, userId: null };
}

/**
 * Saves the state only if nobody advanced the conversation since it was loaded at `version`.
 * Returns the new version, or null on a conflict (the caller re-loads and re-runs).
 */
export async function saveConversation(
  deps: ServiceDeps,
  key: ConversationKey,
  version: number,
  userId: string,
  state: unknown,
): Promise<number | null> {
  const json = state === null || state === undefined ? Prisma.DbNull : (state as Prisma.InputJsonValue);
  if (version === 0) {
    const created = await deps.db.conversation.createMany({
      data: [{ ...key, userId, state: json, version: 1 }],
      skipDuplicates: true,
    });
    return created.count === 1 ? 1 : null;
  }
  const updated = await deps.db.conversation.updateMany({
    where: { ...key, version },
    data: { state: json, userId, version: { increment: 1 } },
  });
  return updated.count === 1 ? version + 1 : null;
}

/**
 * The candidate a relayed message was about, by the platform's id of that message (the
 * notification pipeline records it), so a reply to it becomes a comment on that candidate.
 */
export async function findCandidateRefByMessage(deps: ServiceDeps, platformMessageId: string): Promise<number | null> {
  const row = await deps.db.notification.findFirst({
    where: { platformMessageId, candidateId: { not: null } },
    select: { candidate: { select: { ref: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return row?.candidate?.ref ?? null;
}

/** Forgets handled event ids older than `maxAgeMs`: platforms redeliver within minutes, not weeks. */
export async function pruneProcessedEvents(deps: ServiceDeps, maxAgeMs: number): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - maxAgeMs);
  const deleted = await deps.db.processedEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return deleted.count;
}
