import { z } from 'zod';
import type { DbOrTx } from './audit';
import type { ServiceDeps } from './deps';
import { parseOrThrow } from './validate';

/** Why a web chat session is (no longer) good; only `ok` may act. */
export type WebSessionState = 'ok' | 'unknown' | 'revoked' | 'expired' | 'idle' | 'disabled';

/** lastSeenAt is written at most this often: a page polling every second costs no write each time. */
const TOUCH_EVERY_MS = 60_000;

const openInput = z.object({
  sessionId: z.string().min(16).max(100),
  /** The absolute lifetime from now. */
  ttlMs: z.number().int().positive(),
});

/** Starts a server-side session (a sign-in: demo user, or an invitation link opened in the browser). */
export async function openWebSession(deps: ServiceDeps, raw: z.input<typeof openInput>): Promise<void> {
  const input = parseOrThrow(openInput, raw);
  const now = deps.now();
  await deps.db.webSession.create({
    data: { id: input.sessionId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + input.ttlMs) },
  });
}

/**
 * Whether a session may still act, on every web chat request (issue 17): it exists, was not
 * revoked, is inside its absolute and idle lifetimes, and its user and agency (once bound) are not
 * disabled. A good session's idle clock restarts.
 */
export async function checkWebSession(deps: ServiceDeps, sessionId: string, idleMs: number): Promise<WebSessionState> {
  const session = await deps.db.webSession.findUnique({
    where: { id: sessionId },
    select: { lastSeenAt: true, expiresAt: true, revokedAt: true },
  });
  if (!session) return 'unknown';
  if (session.revokedAt) return 'revoked';
  const now = deps.now();
  if (session.expiresAt <= now) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) return 'idle';
  const identity = await deps.db.chatIdentity.findUnique({
    where: { platform_workspaceId_platformUserId: { platform: 'WEB', workspaceId: '', platformUserId: sessionId } },
    select: { user: { select: { status: true, agency: { select: { status: true } } } } },
  });
  if (identity && (identity.user.status === 'DISABLED' || identity.user.agency?.status === 'DISABLED')) return 'disabled';
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS)
    await deps.db.webSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  return 'ok';
}

/** Ends a session (logout). Returns whether there was a live one. */
export async function revokeWebSession(deps: ServiceDeps, sessionId: string): Promise<boolean> {
  const revoked = await deps.db.webSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: deps.now() },
  });
  return revoked.count > 0;
}

/** Ends every web chat session bound to a user (an invitation re-issued: whatever the old link opened ends). */
export async function revokeUserWebSessions(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const identities = await db.chatIdentity.findMany({ where: { userId, platform: 'WEB' }, select: { platformUserId: true } });
  if (identities.length === 0) return 0;
  const revoked = await db.webSession.updateMany({
    where: { id: { in: identities.map((i) => i.platformUserId) }, revokedAt: null },
    data: { revokedAt: now },
  });
  return revoked.count;
}
