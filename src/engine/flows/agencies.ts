import type { Ctx, Replies } from '../context';
import { statusLabel } from '../labels';
import { list, text } from '../reply';
import { formatDateTime } from '../../i18n/format';
import { askToConfirm } from '../confirm';

export async function onAgencies(ctx: Ctx): Promise<Replies> {
  const agencies = await ctx.services.listAgencies(ctx.user.userId);
  return [
    list({
      title: ctx.t('agencies.title'),
      items: agencies.map((a) => ({
        title: a.name,
        subtitle: [statusLabel(ctx, a.status), a.country, ctx.tp('agencies.users', a.userCount)].filter(Boolean).join(' · '),
      })),
      page: 1,
      pageCount: 1,
      emptyText: ctx.t('agencies.empty'),
    }),
  ];
}

/** `agency disable <name>` asks first; `agency enable <name>` just does it. */
export async function onAgencyStatus(ctx: Ctx, action: 'disable' | 'enable', name: string): Promise<Replies> {
  const agencyId = await ctx.services.findAgencyId(name);
  if (action === 'enable') {
    const agency = await ctx.services.setAgencyStatus(ctx.user.userId, agencyId, 'ACTIVE');
    return [text(ctx.t('agencies.enabled', { agency: agency.name }))];
  }
  return [askToConfirm(ctx, 'disableAgency', { id: agencyId, label: name }, ctx.t('agencies.disableAsk', { agency: name }))];
}

export async function disableAgency(ctx: Ctx, agencyId: string, name: string): Promise<Replies> {
  const agency = await ctx.services.setAgencyStatus(ctx.user.userId, agencyId, 'DISABLED');
  return [text(ctx.tp('agencies.disabled', agency.userCount, { agency: agency.name || name }))];
}

/** `deliveries`: the notifications that failed for good, newest first (owners). */
export async function onDeliveries(ctx: Ctx): Promise<Replies> {
  const rows = await ctx.services.listDeliveries(ctx.user.userId, { status: 'failed', limit: 20 });
  return [
    list({
      title: ctx.t('deliveries.title'),
      items: rows.map((d) => ({
        title: ctx.t('deliveries.item', { kind: d.kind, recipient: d.recipient.name ?? d.recipient.email, channel: d.channel }),
        subtitle: ctx.t('deliveries.detail', {
          when: formatDateTime(ctx.event.locale, d.createdAt),
          tries: d.attempts,
          error: d.lastError ?? '-',
        }),
      })),
      page: 1,
      pageCount: 1,
      emptyText: ctx.t('deliveries.empty'),
    }),
  ];
}
