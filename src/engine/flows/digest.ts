import type { Ctx, Replies } from '../context';
import { text } from '../reply';

/** `digest on|off|status`: the daily digest is on by default (see DIGEST_ON_BY_DEFAULT); this turns it off or back on. */
export async function onDigest(ctx: Ctx, action: 'on' | 'off' | 'status'): Promise<Replies> {
  const settings =
    action === 'status'
      ? await ctx.services.getDigestSettings(ctx.user.userId)
      : await ctx.services.setDigestEnabled(ctx.user.userId, action === 'on');
  const when = { time: `${String(settings.hour).padStart(2, '0')}:00`, zone: settings.timeZone };
  if (action === 'on') return [text(ctx.t('digest.turnedOn', when))];
  if (action === 'off') return [text(ctx.t('digest.turnedOff'))];
  return [text(settings.enabled ? ctx.t('digest.statusOn', when) : ctx.t('digest.statusOff'))];
}
