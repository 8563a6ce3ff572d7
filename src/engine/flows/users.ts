import { canManageUser, type Role } from '../../domain/permissions';
import { NotFoundError, ServiceError } from '../../services/errors';
import type { UserSummary } from '../../services/users';
import { shortQuote } from '../../domain/limits';
import type { CommandArgs } from '../commands';
import type { Ctx, Replies } from '../context';
import { dayLabel, platformLabel, roleLabel, statusLabel } from '../labels';
import { askToConfirm } from '../confirm';
import { card, list, text } from '../reply';
import type { ListQuery } from '../state';
import { parseRole } from './invite';

type UsersQuery = Extract<ListQuery, { kind: 'users' }>;
const PAGE_SIZE = 10;
const label = (u: Pick<UserSummary, 'name' | 'email'>) => (u.name ? `${u.name} <${u.email}>` : u.email);

export async function onUsers(ctx: Ctx, args: CommandArgs<'users'>): Promise<Replies> {
  const query: UsersQuery = { kind: 'users' };
  if (args.search) query.search = args.search;
  if (args.role) {
    const role = parseRole(args.role);
    if (!role) return [text(ctx.t('invite.badRole', { role: args.role }))];
    query.role = role;
  }
  if (args.agency) {
    const agencyId = await agencyFilter(ctx, args.agency);
    if (agencyId === null) return [text(ctx.t('users.otherAgency'))];
    query.agencyId = agencyId;
  }
  if (args.country) query.country = args.country;
  ctx.state.list = query;
  return [await renderUsers(ctx, query, 1)];
}

/**
 * The agency an `agency:"…"` filter names. Owners may name any; an agency admin may name their own,
 * and any other name gets one answer (null) whether or not such an agency exists.
 */
async function agencyFilter(ctx: Ctx, name: string): Promise<string | null> {
  if (ctx.user.role === 'OWNER') return ctx.services.findAgencyId(name);
  const id = await ctx.services.findAgencyId(name).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  return id !== null && id === ctx.user.agencyId ? id : null;
}

/** The state a user is in, in effect: an active user of a disabled agency has no access either. */
function effectiveStatus(ctx: Ctx, u: Pick<UserSummary, 'status' | 'agency'>): string {
  const status = statusLabel(ctx, u.status);
  return u.agency?.status === 'DISABLED' ? ctx.t('users.agencyDisabled', { status }) : status;
}

export async function onUserPage(ctx: Ctx, page: number): Promise<Replies> {
  const query = ctx.state.list;
  if (query?.kind !== 'users' || !Number.isInteger(page) || page < 1) return [text(ctx.t('action.stale'))];
  return [await renderUsers(ctx, query, page, ctx.caps.editInPlace ? ctx.event.sourceMessageRef : undefined)];
}

async function renderUsers(ctx: Ctx, q: UsersQuery, page: number, edit?: string) {
  const result = await ctx.services.listUsers(ctx.user.userId, {
    search: q.search,
    role: q.role as Role | undefined,
    agencyId: q.agencyId,
    country: q.country,
    page,
    pageSize: PAGE_SIZE,
  });
  const buttons = [];
  if (result.page > 1) buttons.push({ actionId: 'upage', value: String(result.page - 1), label: ctx.t('list.prev') });
  if (result.page < result.pageCount)
    buttons.push({ actionId: 'upage', value: String(result.page + 1), label: ctx.t('list.next') });
  return list(
    {
      title: ctx.t('users.title'),
      summary: ctx.tp('users.summary', result.total),
      items: result.users.map((u) => ({
        title: label(u),
        subtitle: [roleLabel(ctx, u.role), u.agency?.name, effectiveStatus(ctx, u), u.country].filter(Boolean).join(' · '),
        actionId: `user:${u.id}`,
      })),
      page: result.page,
      pageCount: result.pageCount,
      emptyText: ctx.t('users.empty'),
      choices: buttons,
    },
    edit,
  );
}

/**
 * The user `who` (an email or id) names, as far as this actor may see them. Out of scope reads
 * exactly as missing, so nobody learns which emails exist in other agencies (no existence oracle).
 */
async function visibleUser(ctx: Ctx, who: string): Promise<UserSummary | null> {
  try {
    return await ctx.services.getUser(ctx.user.userId, await ctx.services.findUserId(who));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const noSuchUser = (ctx: Ctx, who: string) => [text(ctx.t('users.notFound', { who: shortQuote(who) }))];

export async function onUser(ctx: Ctx, who: string): Promise<Replies> {
  const u = await visibleUser(ctx, who);
  if (!u) return noSuchUser(ctx, who);
  const buttons = [{ actionId: 'rename', value: u.id, label: ctx.t('users.button.rename') }];
  if (u.status === 'DISABLED') buttons.push({ actionId: 'enable', value: u.id, label: ctx.t('users.button.enable') });
  else if (u.status === 'ACTIVE') buttons.push({ actionId: 'disable', value: u.id, label: ctx.t('users.button.disable') });
  return [
    card({
      title: label(u),
      fields: [
        { label: ctx.t('users.role'), value: roleLabel(ctx, u.role) },
        { label: ctx.t('users.status'), value: effectiveStatus(ctx, u) },
        { label: ctx.t('users.agency'), value: u.agency?.name ?? '' },
        { label: ctx.t('users.country'), value: u.country ?? '' },
        { label: ctx.t('users.channels'), value: u.channels.map((c) => platformLabel(ctx, c)).join(', ') },
        { label: ctx.t('users.since'), value: dayLabel(ctx, u.createdAt) },
      ],
      choices: u.id === ctx.user.userId ? [] : buttons,
    }),
  ];
}

export async function onRename(ctx: Ctx, who: string, name: string): Promise<Replies> {
  const target = await visibleUser(ctx, who);
  if (!target) return noSuchUser(ctx, who);
  const u = await ctx.services.renameUser(ctx.user.userId, target.id, name);
  return [text(ctx.t('users.renamed', { user: label(u) }))];
}

export async function onRenameButton(ctx: Ctx, userId: string): Promise<Replies> {
  const u = await ctx.services.getUser(ctx.user.userId, userId);
  ctx.state.dialog = { kind: 'rename', userId: u.id, label: label(u) };
  return [text(ctx.t('users.renameAsk', { user: label(u) }))];
}

export async function onRenameText(ctx: Ctx, userId: string, name: string): Promise<Replies> {
  const dialog = ctx.state.dialog;
  ctx.state.dialog = null;
  try {
    const u = await ctx.services.renameUser(ctx.user.userId, userId, name);
    return [text(ctx.t('users.renamed', { user: label(u) }))];
  } catch (error) {
    // A name the service refuses is asked again rather than dropping the rename.
    if (error instanceof ServiceError && error.code === 'INVALID') ctx.state.dialog = dialog;
    throw error;
  }
}

/** Disabling is destructive: it asks first, with buttons, and only when the answer could be yes. */
export async function onDisable(ctx: Ctx, who: string): Promise<Replies> {
  const u = await visibleUser(ctx, who);
  if (!u) return noSuchUser(ctx, who);
  const actor = { userId: ctx.user.userId, role: ctx.user.role, agencyId: ctx.user.agencyId, active: ctx.user.active };
  const decision = canManageUser(actor, { userId: u.id, role: u.role, agencyId: u.agency?.id ?? null });
  if (!decision.allowed) return [text(ctx.t('users.cannotDisable', { reason: ctx.t(decision.denial.key) }))];
  return [askToConfirm(ctx, 'disableUser', { id: u.id, label: label(u) }, ctx.t('users.disableAsk', { user: label(u) }))];
}

export async function onEnable(ctx: Ctx, who: string): Promise<Replies> {
  const target = await visibleUser(ctx, who);
  if (!target) return noSuchUser(ctx, who);
  const u = await ctx.services.enableUser(ctx.user.userId, target.id);
  return [text(ctx.t('users.enabled', { user: label(u) }))];
}

/** The confirmed `disable <user>`. */
export async function disableUser(ctx: Ctx, userId: string): Promise<Replies> {
  const u = await ctx.services.disableUser(ctx.user.userId, userId);
  return [text(ctx.t('users.disabled', { user: label(u) }))];
}
