import { z } from 'zod';
import { DEFAULT_DUPLICATE_RULE } from '../domain/duplicates';
import { canAdministerPlatform } from '../domain/permissions';
import { assertAllowed, loadActor, type ActorRef } from './actor';
import { writeAudit } from './audit';
import type { ServiceDeps } from './deps';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { parseOrThrow } from './validate';

export interface CampaignAvailability {
  status: 'OPEN' | 'CLOSED';
  openToAll: boolean;
  /** The assignment rows of the agency in question (empty when it is not assigned). */
  agencies: readonly { agencyId: string }[];
}

export function campaignOpenToAgency(c: CampaignAvailability): boolean {
  return c.status === 'OPEN' && (c.openToAll || c.agencies.length > 0);
}

export interface CampaignSummary {
  id: string;
  name: string;
  status: 'OPEN' | 'CLOSED';
  openToAll: boolean;
}

const campaignSelect = { id: true, name: true, status: true, openToAll: true } as const;

/**
 * The campaigns this user may submit to (agency users), or every campaign (owners, recruiters). On
 * the driver, and kept in the reference cache (the wizard asks for a campaign in every
 * submission); the user is read fresh every time.
 */
export async function listCampaigns(deps: ServiceDeps, who: ActorRef): Promise<CampaignSummary[]> {
  const actor = await loadActor(deps.sql, who);
  if (!actor.active) assertAllowed(canAdministerPlatform(actor));
  const columns = `c."id", c."name", c."status"::text AS "status", c."openToAll"`;
  const agencyId = actor.agencyId;
  const load = agencyId
    ? () =>
        deps.sql.query<CampaignSummary & Record<string, unknown>>(
          `SELECT ${columns} FROM "Campaign" c
           WHERE c."status" = 'OPEN'
             AND (c."openToAll" OR EXISTS (SELECT 1 FROM "CampaignAgency" ca WHERE ca."campaignId" = c."id" AND ca."agencyId" = $1))
           ORDER BY c."name"`,
          [agencyId],
        )
    : () =>
        deps.sql.query<CampaignSummary & Record<string, unknown>>(
          `SELECT ${columns} FROM "Campaign" c ORDER BY c."status", c."name"`,
        );
  const key = agencyId ? `campaigns:open-to:${agencyId}` : 'campaigns:all';
  // A copy: callers may sort or change what they get, and the cached list is shared.
  return (await cached(deps, key, load)).map((c) => ({ ...c }));
}

/**
 * The ids of the campaigns whose name contains `text`, without regard to case (a dashboard
 * search matches campaigns by name), from the reference cache's list of every campaign.
 */
export async function campaignIdsNamedLike(deps: ServiceDeps, text: string): Promise<string[]> {
  const all = await cached(deps, 'campaigns:names', () =>
    deps.sql.query<{ id: string; name: string }>(`SELECT "id", "name" FROM "Campaign"`),
  );
  const wanted = text.toLowerCase();
  return all.filter((c) => c.name.toLowerCase().includes(wanted)).map((c) => c.id);
}

const cached = <T>(deps: ServiceDeps, key: string, load: () => Promise<T>): Promise<T> =>
  deps.reference ? deps.reference.get(key, load) : load();

/** Every write to Campaign, CampaignAgency or DuplicateRule calls this once committed. */
const invalidate = async (deps: ServiceDeps): Promise<void> => {
  await deps.reference?.invalidate();
};

export const createCampaignInput = z.object({
  name: z.string().trim().min(2, 'svc.zod.campaignName').max(120),
  openToAll: z.boolean().default(true),
  agencyIds: z.array(z.string()).default([]),
});

export async function createCampaign(
  deps: ServiceDeps,
  actorId: string,
  raw: z.input<typeof createCampaignInput>,
): Promise<CampaignSummary> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const input = parseOrThrow(createCampaignInput, raw);
  const existing = await deps.db.campaign.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) throw new ConflictError({ key: 'svc.campaignExists', params: { name: input.name } });
  const created = await deps.db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        name: input.name,
        openToAll: input.openToAll,
        agencies: { create: input.agencyIds.map((agencyId) => ({ agencyId })) },
      },
      select: campaignSelect,
    });
    await writeAudit(tx, { actorId, action: 'campaign.create', targetType: 'campaign', targetId: campaign.id });
    return campaign;
  });
  await invalidate(deps);
  return created;
}

export async function setCampaignStatus(
  deps: ServiceDeps,
  actorId: string,
  campaignId: string,
  status: 'OPEN' | 'CLOSED',
): Promise<CampaignSummary> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  await findCampaign(deps, campaignId);
  const updated = await deps.db.$transaction(async (tx) => {
    const campaign = await tx.campaign.update({ where: { id: campaignId }, data: { status }, select: campaignSelect });
    await writeAudit(tx, {
      actorId,
      action: `campaign.${status === 'OPEN' ? 'open' : 'close'}`,
      targetType: 'campaign',
      targetId: campaignId,
    });
    return campaign;
  });
  await invalidate(deps);
  return updated;
}

/** Restricts a campaign to the given agencies (or opens it to all when the list is empty). */
export async function setCampaignAgencies(
  deps: ServiceDeps,
  actorId: string,
  campaignId: string,
  agencyIds: string[],
): Promise<void> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  await findCampaign(deps, campaignId);
  await deps.db.$transaction(async (tx) => {
    await tx.campaignAgency.deleteMany({ where: { campaignId } });
    await tx.campaignAgency.createMany({ data: agencyIds.map((agencyId) => ({ campaignId, agencyId })) });
    await tx.campaign.update({ where: { id: campaignId }, data: { openToAll: agencyIds.length === 0 } });
    await writeAudit(tx, {
      actorId,
      action: 'campaign.agencies',
      targetType: 'campaign',
      targetId: campaignId,
      details: { agencyIds },
    });
  });
  await invalidate(deps);
}

export async function assignRecruiter(
  deps: ServiceDeps,
  actorId: string,
  campaignId: string,
  recruiterId: string,
): Promise<void> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  await findCampaign(deps, campaignId);
  const recruiter = await deps.db.user.findUnique({ where: { id: recruiterId }, select: { role: true } });
  if (recruiter?.role !== 'RECRUITER') throw new InvalidInputError({ key: 'svc.onlyRecruiters' }, 'recruiterId');
  await deps.db.$transaction(async (tx) => {
    await tx.campaignRecruiter.upsert({
      where: { campaignId_userId: { campaignId, userId: recruiterId } },
      create: { campaignId, userId: recruiterId },
      update: {},
    });
    await writeAudit(tx, {
      actorId,
      action: 'campaign.recruiter',
      targetType: 'campaign',
      targetId: campaignId,
      details: { recruiterId },
    });
  });
}

export const duplicateRuleInput = z.object({
  windowMonths: z.number().int().min(1, 'svc.zod.windowMin').max(60, 'svc.zod.windowMax'),
  matchOn: z.enum(['PHONE', 'EMAIL', 'EITHER']),
  crossAgency: z.enum(['FLAG', 'BLOCK']),
  sameAgency: z.enum(['FLAG', 'BLOCK']),
  /**
   * Whether an agency that does not hold the person is told when the holding agency's hold ends
   * (in its outcome and lists). Default true. The holder and the employer always see the date.
   */
  showOwnershipEnd: z.boolean().default(true),
  /** A submission of someone the employer's ATS registered first: FLAG (ALREADY_IN_SYSTEM) or BLOCK. */
  directApplicant: z.enum(['FLAG', 'BLOCK']).default('FLAG'),
});
/** A rule as stored and listed (every field set). */
export type DuplicateRuleInput = z.infer<typeof duplicateRuleInput>;
/** A rule as given: a field with a default may be left out (a whole rule is set at once). */
export type DuplicateRuleGiven = z.input<typeof duplicateRuleInput>;

/** Sets the duplicate rule of a campaign, or the global default when `campaignId` is null. */
export async function setDuplicateRule(
  deps: ServiceDeps,
  actorId: string,
  campaignId: string | null,
  raw: DuplicateRuleGiven,
): Promise<void> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const rule = parseOrThrow(duplicateRuleInput, raw);
  if (campaignId) await findCampaign(deps, campaignId);
  const scope = campaignId ?? 'global';
  await deps.db.$transaction(async (tx) => {
    await tx.duplicateRule.upsert({ where: { scope }, create: { scope, campaignId, ...rule }, update: rule });
    await writeAudit(tx, { actorId, action: 'duplicate_rule.set', targetType: 'duplicate_rule', targetId: scope, details: rule });
  });
  await invalidate(deps);
}

export interface DuplicateRules {
  /** The rule of every campaign without its own; `builtIn` while no owner has set it. */
  global: DuplicateRuleInput & { builtIn: boolean };
  /** The campaigns with a rule of their own, by name. */
  campaigns: (DuplicateRuleInput & { campaignId: string; campaign: string })[];
}

/** The duplicate rules in force: the global default and the campaigns' own rules (owners). */
export async function listDuplicateRules(deps: ServiceDeps, actorId: string): Promise<DuplicateRules> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const rows = await deps.db.duplicateRule.findMany({
    select: {
      scope: true,
      windowMonths: true,
      matchOn: true,
      crossAgency: true,
      sameAgency: true,
      showOwnershipEnd: true,
      directApplicant: true,
      campaign: { select: { id: true, name: true } },
    },
  });
  const spec = (r: DuplicateRuleInput): DuplicateRuleInput => ({
    windowMonths: r.windowMonths,
    matchOn: r.matchOn,
    crossAgency: r.crossAgency,
    sameAgency: r.sameAgency,
    showOwnershipEnd: r.showOwnershipEnd,
    directApplicant: r.directApplicant,
  });
  const global = rows.find((r) => r.scope === 'global');
  return {
    global: global ? { ...spec(global), builtIn: false } : { ...DEFAULT_DUPLICATE_RULE, builtIn: true },
    campaigns: rows
      .flatMap((r) => (r.campaign ? [{ ...spec(r), campaignId: r.campaign.id, campaign: r.campaign.name }] : []))
      .sort((a, b) => a.campaign.localeCompare(b.campaign)),
  };
}

async function findCampaign(deps: ServiceDeps, campaignId: string): Promise<void> {
  const found = await deps.db.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
  if (!found) throw new NotFoundError({ key: 'svc.noSuchCampaign' });
}
