import { z } from 'zod';
import { escapeLikePattern } from '../domain/like-pattern';
import { canListUsers, canManageUser, canViewUser, ROLES, type Actor, type Role } from '../domain/permissions';
import { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor } from './actor';
import { writeAudit } from './audit';
import type { ServiceDeps } from './deps';
import { InvalidInputError, NotFoundError } from './errors';
import { parseOrThrow } from './validate';
import { TEXT_LIMITS } from '../domain/limits';

export interface UserSummary {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  status: 'INVITED' | 'ACTIVE' | 'DISABLED';
  country: string | null;
  agency: { id: string; name: string; status: 'ACTIVE' | 'DISABLED' } | null;
  channels: string[];
  createdAt: Date;
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  country: true,
  createdAt: true,
  agency: { select: { id: true, name: true, status: true } },
  identities: { select: { platform: true } },
} as const;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;
const toSummary = ({ identities, ...u }: UserRow): UserSummary => ({
  ...u,
  channels: [...new Set(identities.map((i) => i.platform))],
});

export const listUsersQuery = z.object({
  agencyId: z.string().optional(),
  country: z.string().trim().toUpperCase().length(2, 'svc.zod.country').optional(),
  role: z.enum(ROLES as [Role, ...Role[]]).optional(),
  search: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type ListUsersQuery = z.input<typeof listUsersQuery>;

/** Owners: every user (filter by agency, country, role); admins: their agency's (filter by role). */
export async function listUsers(
  deps: ServiceDeps,
  actorId: string,
  raw: ListUsersQuery = {},
): Promise<{ users: UserSummary[]; total: number; page: number; pageCount: number }> {
  const q = parseOrThrow(listUsersQuery, raw);
  const actor = await loadActor(deps.sql, actorId);
  // Non-owners list their own agency; naming another agency is refused, not silently ignored.
  const agencyId = actor.role === 'OWNER' ? (q.agencyId ?? null) : (q.agencyId ?? actor.agencyId);
  assertAllowed(canListUsers(actor, agencyId));
  const filters: Prisma.UserWhereInput[] = [];
  if (agencyId) filters.push({ agencyId });
  if (q.role) filters.push({ role: q.role });
  if (q.country && actor.role === 'OWNER') filters.push({ country: q.country });
  if (q.search) {
    const literal = escapeLikePattern(q.search);
    filters.push({
      OR: [{ name: { contains: literal, mode: 'insensitive' } }, { email: { contains: literal.toLowerCase() } }],
    });
  }
  const where: Prisma.UserWhereInput = { AND: filters };
  const [total, rows] = await Promise.all([
    deps.db.user.count({ where }),
    deps.db.user.findMany({
      where,
      select: userSelect,
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { users: rows.map(toSummary), total, page: q.page, pageCount: Math.max(1, Math.ceil(total / q.pageSize)) };
}

async function findTarget(deps: ServiceDeps, userId: string): Promise<UserRow> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user) throw new NotFoundError({ key: 'svc.noSuchUser' });
  return user;
}

/** Finds a user by id or by email, so admins can type either. */
export async function findUserId(deps: ServiceDeps, idOrEmail: string): Promise<string> {
  const key = idOrEmail.trim();
  const user = await deps.db.user.findFirst({
    where: key.includes('@') ? { email: key.toLowerCase() } : { id: key },
    select: { id: true },
  });
  if (!user) throw new NotFoundError({ key: 'svc.noUserNamed', params: { name: key } });
  return user.id;
}

export async function getUser(deps: ServiceDeps, actorId: string, userId: string): Promise<UserSummary> {
  const actor = await loadActor(deps.sql, actorId);
  const target = await findTarget(deps, userId);
  assertVisible(actor, target);
  return toSummary(target);
}

/** A user outside the actor's scope reads as missing (no existence oracle); a disabled actor is told so. */
function assertVisible(actor: Actor, target: UserRow): void {
  const decision = canViewUser(actor, { userId: target.id, role: target.role, agencyId: target.agency?.id ?? null });
  if (decision.allowed) return;
  if (!actor.active) assertAllowed(decision);
  throw new NotFoundError({ key: 'svc.noSuchUser' });
}

const nameSchema = z
  .string()
  .trim()
  .min(1, 'svc.zod.nameEmpty')
  .max(TEXT_LIMITS.displayName, `A name is at most ${TEXT_LIMITS.displayName} characters.`);

export async function renameUser(deps: ServiceDeps, actorId: string, userId: string, rawName: string): Promise<UserSummary> {
  const name = parseOrThrow(nameSchema, rawName);
  return manage(deps, actorId, userId, 'user.rename', { name });
}

export async function disableUser(deps: ServiceDeps, actorId: string, userId: string): Promise<UserSummary> {
  return manage(deps, actorId, userId, 'user.disable', { status: 'DISABLED' });
}

export async function enableUser(deps: ServiceDeps, actorId: string, userId: string): Promise<UserSummary> {
  return manage(deps, actorId, userId, 'user.enable', { status: 'ACTIVE' }, (target) => {
    // An invited user becomes active by redeeming the invitation, not by an admin's click.
    if (target.status === 'INVITED') throw new InvalidInputError({ key: 'svc.notAcceptedYet' });
  });
}

async function manage(
  deps: ServiceDeps,
  actorId: string,
  userId: string,
  action: string,
  data: Prisma.UserUpdateInput,
  precondition?: (target: UserRow) => void,
): Promise<UserSummary> {
  const actor = await loadActor(deps.sql, actorId);
  const target = await findTarget(deps, userId);
  assertVisible(actor, target);
  assertAllowed(canManageUser(actor, { userId: target.id, role: target.role, agencyId: target.agency?.id ?? null }));
  // Checked after the permission, so a caller without rights learns nothing about the target.
  precondition?.(target);
  return deps.db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data, select: userSelect });
    if (data.status === 'DISABLED') {
      // An unfinished dialog of a disabled user must not go on (DESIGN §1).
      await tx.conversation.updateMany({ where: { userId }, data: { state: Prisma.DbNull, version: { increment: 1 } } });
    }
    await writeAudit(tx, { actorId, action, targetType: 'user', targetId: userId });
    return toSummary(updated);
  });
}
