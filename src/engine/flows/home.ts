import type { Ctx, Replies } from '../context';
import { card } from '../reply';

import { dayLabel } from './dashboard';

/** The app's own page (Slack's App Home): the user's My Candidates metrics and a way to submit. */
export async function onHome(ctx: Ctx): Promise<Replies> {
  const page = await ctx.services.listDashboard(ctx.user.userId, { view: 'mine', pageSize: 1 });
  const m = page.metrics;
  return [
    card({
      title: ctx.t('home.title', { name: ctx.user.name ?? ctx.user.email }),
      fields: [
        { label: ctx.t('home.added'), value: String(m.added) },
        { label: ctx.t('home.previouslySubmitted'), value: String(m.previouslySubmitted) },
        { label: ctx.t('home.duplicate'), value: String(m.duplicate) },
      ],
      text: ctx.t('home.period', { from: dayLabel(ctx, m.from), to: dayLabel(ctx, m.to) }),
      choices: [{ actionId: 'submit', label: ctx.t('home.submit'), style: 'primary' }],
    }),
  ];
}
