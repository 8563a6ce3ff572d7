import type { Ctx, Replies } from '../context';
import { card } from '../reply';
import { candidatesView } from './dashboard';
import { dayLabel } from '../labels';

/**
 * The app's own page (Slack's App Home): the metrics of what `candidates` lists for this user (My
 * Candidates, or a recruiter's campaigns), and for agency users a way to submit.
 */
export async function onHome(ctx: Ctx): Promise<Replies> {
  const view = candidatesView(ctx);
  const page = await ctx.services.listDashboard(ctx.actor, { view, pageSize: 1 });
  const m = page.metrics;
  return [
    card({
      title: ctx.t('home.title', { name: ctx.user.name ?? ctx.user.email }),
      fields: [
        { label: ctx.t('home.added'), value: String(m.added) },
        { label: ctx.t('home.previouslySubmitted'), value: String(m.previouslySubmitted) },
        { label: ctx.t('home.duplicate'), value: String(m.duplicate) },
        ...(m.alreadyInSystem > 0 ? [{ label: ctx.t('home.alreadyInSystem'), value: String(m.alreadyInSystem) }] : []),
      ],
      text: ctx.t(view === 'mine' ? 'home.period' : 'home.periodCampaigns', {
        from: dayLabel(ctx, m.from),
        to: dayLabel(ctx, m.to),
      }),
      choices: view === 'mine' ? [{ actionId: 'submit', label: ctx.t('home.submit'), style: 'primary' }] : [],
    }),
  ];
}
