import type { Ctx, Replies } from '../context';
import { text } from '../reply';

/**
 * `deliveries retry` (owners): every FAILED notification gets one more round of tries, e.g. once
 * a platform that was down for hours is back. The chat list shows no ids, so it is all of them;
 * the CLI and the API can name some.
 */
export async function onRetryDeliveries(ctx: Ctx): Promise<Replies> {
  const { retried } = await ctx.services.retryDeliveries(ctx.user.userId);
  return [text(retried.length === 0 ? ctx.t('deliveries.nothingToRetry') : ctx.tp('deliveries.retried', retried.length))];
}
