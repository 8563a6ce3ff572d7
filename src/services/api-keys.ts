import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { canAdministerPlatform } from '../domain/permissions';
import { normalizeEmail } from '../domain/contact';
import { assertAllowed, loadActor, SYSTEM_ACTOR } from './actor';
import { writeAudit } from './audit';
import type { ServiceDeps } from './deps';
import { InvalidInputError, NotFoundError } from './errors';
import { parseOrThrow } from './validate';

export const API_KEY_SCOPES = ['OWNER', 'RECRUITER'] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];

/** `ek_` + 256 random bits: recognisable in a leaked-secret scan, long enough that guessing is hopeless. */
const KEY_PREFIX = 'ek_';
const DISPLAY_PREFIX_CHARS = 11;
/** `lastUsedAt` is written at most this often per key, so a busy key does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, 'Give the key a name, e.g. the system that will use it.').max(100),
  scope: z.enum(API_KEY_SCOPES, { message: 'The scope is owner or recruiter.' }),
  /** The user the key acts as when a request names no author (comments, stage changes). */
  userEmail: z.string().optional(),
});

export interface ApiKeyCreated {
  id: string;
  name: string;
  scope: ApiKeyScopeName;
  /** The secret: shown once, never stored. */
  key: string;
  prefix: string;
}

export async function createApiKey(
  deps: ServiceDeps,
  actorId: string,
  raw: z.input<typeof createApiKeyInput>,
): Promise<ApiKeyCreated> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const input = parseOrThrow(createApiKeyInput, raw);
  let userId: string | null = null;
  if (input.userEmail) {
    const email = normalizeEmail(input.userEmail);
    if (!email.ok) throw new InvalidInputError(email.error.message, 'userEmail');
    const user = await deps.db.user.findUnique({ where: { email: email.value }, select: { id: true, role: true } });
    if (!user) throw new NotFoundError('No user with that email. Invite them first.');
    if (user.role !== 'OWNER' && user.role !== 'RECRUITER')
      throw new InvalidInputError('An API key acts as an owner or a recruiter only.', 'userEmail');
    userId = user.id;
  }
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = key.slice(0, DISPLAY_PREFIX_CHARS);
  return deps.db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        name: input.name,
        scope: input.scope,
        prefix,
        keyHash: hashApiKey(key),
        createdById: userId,
        createdAt: deps.now(),
      },
      select: { id: true, name: true, scope: true },
    });
    await writeAudit(tx, {
      actorId,
      action: 'apikey.create',
      targetType: 'apikey',
      targetId: row.id,
      details: { scope: row.scope },
    });
    return { ...row, key, prefix };
  });
}

export async function revokeApiKey(deps: ServiceDeps, actorId: string, id: string): Promise<{ id: string; name: string }> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const row = await deps.db.apiKey.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!row) throw new NotFoundError('No API key with that id. List them with `npm run admin -- apikey list`.');
  await deps.db.$transaction(async (tx) => {
    await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: deps.now() } });
    await writeAudit(tx, { actorId, action: 'apikey.revoke', targetType: 'apikey', targetId: id });
  });
  return row;
}

export async function listApiKeys(deps: ServiceDeps, actorId: string) {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  return deps.db.apiKey.findMany({
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, scope: true, revokedAt: true, lastUsedAt: true, createdAt: true },
  });
}

export interface ApiPrincipal {
  keyId: string;
  scope: ApiKeyScopeName;
  /** Whom the key acts as by default; SYSTEM_ACTOR when it names no user. */
  actorId: string;
}

/**
 * The key's principal, or null for an unknown or revoked key. The lookup is by SHA-256 of the
 * presented key, so no comparison of secrets happens in our code at all (nothing to time).
 */
export async function authenticateApiKey(deps: ServiceDeps, key: string): Promise<ApiPrincipal | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const row = await deps.db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, scope: true, revokedAt: true, lastUsedAt: true, createdById: true },
  });
  if (!row || row.revokedAt) return null;
  const now = deps.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await deps.db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { keyId: row.id, scope: row.scope, actorId: row.createdById ?? SYSTEM_ACTOR };
}
