import type { Ctx, Replies } from '../context';
import { text } from '../reply';

/**
 * The campaign a typed `campaign:"…"` names, matched without regard to case among those the user
 * may see; when none matches, the refusal that lists the names they could have meant.
 */
export async function campaignNamed(ctx: Ctx, typed: string): Promise<{ id: string; name: string } | { refusal: Replies }> {
  const wanted = typed.trim().toLowerCase();
  const campaigns = await ctx.services.listCampaigns(ctx.actor);
  const found = campaigns.find((c) => c.name.toLowerCase() === wanted);
  if (found) return { id: found.id, name: found.name };
  const names = campaigns.map((c) => `“${c.name}”`).join(', ') || '—';
  return { refusal: [text(ctx.t('dash.noCampaign', { name: typed, campaigns: names }))] };
}
