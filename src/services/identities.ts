import type { Prisma } from '../generated/prisma/client';
import type { Role } from '../domain/permissions';
import type { ServiceDeps } from './deps';
import type { PlatformName } from './submissions';

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
  /** False when the user or their agency is disabled: such a user gets nothing but a refusal. */
  active: boolean;
}

/** Who is behind a chat identity, read fresh on every event (no cache may outlive a disable). */
export async function resolveIdentity(deps: ServiceDeps, key: IdentityKey): Promise<ResolvedIdentity | null> {
  const row = await deps.db.chatIdentity.findUnique({
    where: { platform_workspaceId_platformUserId: key },
    select: {
      id: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          status: true,
          agencyId: true,
          agency: { select: { name: true, status: true } },
        },
      },
    },
  });
  if (!row) return null;
  const u = row.user;
  return {
    identityId: row.id,
    userId: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    agencyId: u.agencyId,
    agencyName: u.agency?.name ?? null,
    active: u.status === 'ACTIVE' && (u.agency === null || u.agency.status === 'ACTIVE'),
  };
}

/** Keeps the conversation address current (a Teams reference or Slack DM channel can change). */
export async function updateAddress(deps: ServiceDeps, identityId: string, address: Prisma.InputJsonValue): Promise<void> {
  await deps.db.chatIdentity.update({ where: { id: identityId }, data: { address, unreachableAt: null } });
}
