import type { ServiceDeps } from './deps';
import type { PlatformName } from '../domain/platforms';

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

/** The dialog row of a conversation, as a SELECT comparing with the given placeholders or columns. */
export function conversationSelect(platform: string, workspaceId: string, conversationId: string): string {
  return `SELECT "version", "state", "userId" FROM "Conversation"
    WHERE "platform" = ${platform}::"Platform" AND "workspaceId" = ${workspaceId} AND "conversationId" = ${conversationId}`;
}

export async function loadConversation(deps: ServiceDeps, key: ConversationKey): Promise<LoadedConversation> {
  const rows = await deps.sql.query<LoadedConversation & Record<string, unknown>>(conversationSelect('$1', '$2', '$3'), [
    key.platform,
    key.workspaceId,
    key.conversationId,
  ]);
  return rows[0] ?? { version: 0, state: null, userId: null };
}

/**
 * Saves the state only if nobody advanced the conversation since it was loaded at `version`.
 * Returns the new version, or null on a conflict (the caller re-loads and re-runs). On the driver:
 * a wizard saves on every step.
 *
 * The commit is asynchronous (it does not wait for the WAL flush, which was the most common wait
 * of a busy server): the version check and visibility are unchanged, and the next synchronous
 * commit — a submission after its claim — flushes this one first. A crash of the database server
 * can forget the last fraction of a second of dialog steps, which are then asked again.
 */
export async function saveConversation(
  deps: ServiceDeps,
  key: ConversationKey,
  version: number,
  userId: string,
  state: unknown,
): Promise<number | null> {
  const json = state === null || state === undefined ? null : JSON.stringify(state);
  const params = [key.platform, key.workspaceId, key.conversationId, userId, json, utc(deps.now())];
  const rows =
    version === 0
      ? await deps.sql.query<{ version: number }>(
          `INSERT INTO "Conversation" ("id", "platform", "workspaceId", "conversationId", "userId", "state", "version", "updatedAt")
           SELECT gen_random_uuid()::text, $1::"Platform", $2, $3, $4, $5::jsonb, 1, $6::timestamp
           FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async
           ON CONFLICT ("platform", "workspaceId", "conversationId") DO NOTHING
           RETURNING "version"`,
          params,
        )
      : await deps.sql.query<{ version: number }>(
          `UPDATE "Conversation" SET "state" = $5::jsonb, "userId" = $4, "version" = "version" + 1, "updatedAt" = $6::timestamp
           FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async
           WHERE "platform" = $1::"Platform" AND "workspaceId" = $2 AND "conversationId" = $3 AND "version" = $7
           RETURNING "version"`,
          [...params, version],
        );
  return rows[0]?.version ?? null;
}

/**
 * Timestamps go to the driver as UTC text: the columns are `timestamp` without a zone, holding
 * UTC as Prisma writes them, and a zone in the text is ignored on the way in.
 */
function utc(date: Date): string {
  return date.toISOString();
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
