import { z } from 'zod';
import { canAdministerPlatform } from '../domain/permissions';
import { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor } from './actor';
import { writeAudit } from './audit';
import type { ServiceDeps } from './deps';
import { ConflictError, NotFoundError } from './errors';
import { parseOrThrow } from './validate';

export interface AgencySummary {
  id: string;
  name: string;
  country: string | null;
  status: 'ACTIVE' | 'DISABLED';
  userCount: number;
}

export const createAgencyInput = z.object({
  name: z.string().trim().min(2, 'svc.zod.agencyName').max(120),
  country: z.string().trim().toUpperCase().length(2, 'svc.zod.country').optional(),
});

const agencySelect = { id: true, name: true, country: true, status: true, _count: { select: { users: true } } } as const;
const toSummary = ({ _count, ...a }: { _count: { users: number } } & Omit<AgencySummary, 'userCount'>): AgencySummary => ({
  ...a,
  userCount: _count.users,
});

export async function createAgency(
  deps: ServiceDeps,
  actorId: string,
  raw: z.input<typeof createAgencyInput>,
): Promise<AgencySummary> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const input = parseOrThrow(createAgencyInput, raw);
  const existing = await deps.db.agency.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) throw new ConflictError({ key: 'svc.agencyExists', params: { name: input.name } });
  return deps.db.$transaction(async (tx) => {
    const agency = await tx.agency.create({ data: { name: input.name, country: input.country ?? null }, select: agencySelect });
    await writeAudit(tx, { actorId, action: 'agency.create', targetType: 'agency', targetId: agency.id });
    return toSummary(agency);
  });
}

export async function listAgencies(deps: ServiceDeps, actorId: string): Promise<AgencySummary[]> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const rows = await deps.db.agency.findMany({ select: agencySelect, orderBy: { name: 'asc' } });
  return rows.map(toSummary);
}

/** Finds an agency by id or by exact name (case-insensitive), so admins can type either. */
export async function findAgencyId(deps: ServiceDeps, idOrName: string): Promise<string> {
  const key = idOrName.trim();
  const agency = await deps.db.agency.findFirst({
    where: { OR: [{ id: key }, { name: { equals: key, mode: 'insensitive' } }] },
    select: { id: true },
  });
  if (!agency) throw new NotFoundError({ key: 'svc.noAgencyNamed', params: { name: key } });
  return agency.id;
}

export async function setAgencyStatus(
  deps: ServiceDeps,
  actorId: string,
  agencyId: string,
  status: 'ACTIVE' | 'DISABLED',
): Promise<AgencySummary> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const found = await deps.db.agency.findUnique({ where: { id: agencyId }, select: { id: true } });
  if (!found) throw new NotFoundError({ key: 'svc.noSuchAgency' });
  return deps.db.$transaction(async (tx) => {
    const agency = await tx.agency.update({ where: { id: agencyId }, data: { status }, select: agencySelect });
    if (status === 'DISABLED') {
      await tx.conversation.updateMany({
        where: { userId: { in: (await tx.user.findMany({ where: { agencyId }, select: { id: true } })).map((u) => u.id) } },
        data: { state: Prisma.DbNull, version: { increment: 1 } },
      });
    }
    await writeAudit(tx, {
      actorId,
      action: status === 'DISABLED' ? 'agency.disable' : 'agency.enable',
      targetType: 'agency',
      targetId: agencyId,
    });
    return toSummary(agency);
  });
}

/** The country a phone without a country code is read as for this user, and where that came from. */
export interface PhoneCountry {
  country: string;
  source: 'agency' | 'default';
}

/**
 * The user's agency's country, else the configured default (DEFAULT_PHONE_COUNTRY); null when
 * neither is known, so a code-less number is asked for again instead of guessed.
 */
export async function phoneCountryFor(deps: ServiceDeps, userId: string): Promise<PhoneCountry | null> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { agency: { select: { country: true } } } });
  const country = user?.agency?.country;
  if (country) return { country, source: 'agency' };
  return deps.defaultPhoneCountry ? { country: deps.defaultPhoneCountry, source: 'default' } : null;
}
