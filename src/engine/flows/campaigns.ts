import type { Ctx, Replies } from '../context';
import { list } from '../reply';

export async function onCampaigns(ctx: Ctx): Promise<Replies> {
  const campaigns = await ctx.services.listCampaigns(ctx.actor);
  return [
    list({
      title: ctx.t('campaigns.title'),
      items: campaigns.map((c) => ({
        title: c.name,
        subtitle: ctx.t(c.status === 'OPEN' ? 'campaigns.open' : 'campaigns.closed'),
      })),
      page: 1,
      pageCount: 1,
      emptyText: ctx.t('campaigns.empty'),
    }),
  ];
}
