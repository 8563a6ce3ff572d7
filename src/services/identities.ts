import type { Prisma } from '../generated/prisma/client';
import type { Role } from '../domain/permissions';
import type { ServiceDeps } from './deps';
import type { PlatformName } from '../domain/platforms';

export interface IdentityKey {
  platform: PlatformName;
  workspaceId: string;
  platformUserId: string;
}

export interface ResolvedIdentity {
  identityId: string;
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  /** The language chosen or confirmed by the user (`User.language`); null until it is set. */
  language: string | null;
  /** False when the user or their agency is disabled: such a user gets nothing but a refusal. */
  active: boolean;
  /** The user's agency is disabled (their admins too): the refusal points to the employer instead. */
  agencyDisabled: boolean;
}

export interface IdentityRow extends Record<string, unknown> {
  identityId: string;
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  status: string;
  agencyId: string | null;
  agencyName: string | null;
  agencyStatus: string | null;
  language: string | null;
}

/**
 * The identity's user and agency, as one SELECT whose WHERE compares with the given placeholders
 * (`$1`, ...), so it can stand alone or inside a larger statement (see openEvent).
 */
export function identitySelect(platform: string, workspaceId: string, platformUserId: string): string {
  return `SELECT i."id" AS "identityId", u."id" AS "userId", u."name", u."email", u."role"::text AS "role",
           u."status"::text AS "status", u."language", u."agencyId", a."name" AS "agencyName", a."status"::text AS "agencyStatus"
    FROM "ChatIdentity" i
    JOIN "User" u ON u."id" = i."userId"
    LEFT JOIN "Agency" a ON a."id" = u."agencyId"
    WHERE i."platform" = ${platform}::"Platform" AND i."workspaceId" = ${workspaceId} AND i."platformUserId" = ${platformUserId}`;
}

/**
 * Who is behind a chat identity, read fresh on every event (no cache may outlive a disable). One
 * statement on the driver: adapters call it on every inbound request.
 */
export async function resolveIdentity(deps: ServiceDeps, key: IdentityKey): Promise<ResolvedIdentity | null> {
  const rows = await deps.sql.query<IdentityRow>(identitySelect('$1', '$2', '$3'), [
    key.platform,
    key.workspaceId,
    key.platformUserId,
  ]);
  return toResolvedIdentity(rows[0]);
}

export function toResolvedIdentity(row: IdentityRow | undefined): ResolvedIdentity | null {
  if (!row?.identityId) return null;
  return {
    identityId: row.identityId,
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    language: row.language ?? null,
    active: row.status === 'ACTIVE' && (row.agencyStatus === null || row.agencyStatus === 'ACTIVE'),
    agencyDisabled: row.agencyStatus === 'DISABLED',
  };
}

/** Keeps the conversation address current (a Teams reference or Slack DM channel can change). */
export async function updateAddress(deps: ServiceDeps, identityId: string, address: Prisma.InputJsonValue): Promise<void> {
  await deps.db.chatIdentity.update({ where: { id: identityId }, data: { address, unreachableAt: null } });
}

/**
 * Records that the platform refused to deliver to this identity (the user blocked the bot or
 * removed the app): notifications skip it until the user writes again or links anew.
 */
export async function markIdentityUnreachable(deps: ServiceDeps, key: IdentityKey): Promise<void> {
  await deps.db.chatIdentity.updateMany({
    where: { platform: key.platform, workspaceId: key.workspaceId, platformUserId: key.platformUserId },
    data: { unreachableAt: deps.now() },
  });
}
