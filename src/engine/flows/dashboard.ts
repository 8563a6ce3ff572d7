import { formatCandidateRef } from '../../services/candidates';
import type { DashboardRow, OutcomeName, StageName } from '../../services/dashboards';
import type { CommandArgs } from '../commands';
import type { Ctx, Replies } from '../context';
import type { MessageKey } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { list, text } from '../reply';
import type { ListQuery } from '../state';

type DashQuery = Extract<ListQuery, { kind: 'dash' }>;

export const PAGE_SIZE = 5;

const OUTCOME_KEY: Record<OutcomeName, MessageKey> = {
  ADDED: 'outcome.added',
  PREVIOUSLY_SUBMITTED: 'outcome.previous',
  DUPLICATE: 'outcome.duplicate',
};

export const outcomeLabel = (ctx: Pick<Ctx, 't'>, outcome: OutcomeName): string => ctx.t(OUTCOME_KEY[outcome]);

const STAGE_KEY: Record<StageName, MessageKey> = {
  NEW: 'stage.NEW',
  SCREENING: 'stage.SCREENING',
  INTERVIEW: 'stage.INTERVIEW',
  OFFER: 'stage.OFFER',
  HIRED: 'stage.HIRED',
  REJECTED: 'stage.REJECTED',
  WITHDRAWN: 'stage.WITHDRAWN',
};

/** A stage as the reader says it; the enum name stays the command word (`stage C-1042 offer`). */
export const stageLabel = (ctx: Pick<Ctx, 't'>, stage: StageName): string => ctx.t(STAGE_KEY[stage]);

/** A day in the reader's locale (Intl), e.g. `29 nov 2026`. */
export const dayLabel = (ctx: Pick<Ctx, 'event'>, date: Date): string => formatDate(ctx.event.locale, date);

/** My Candidates (`mine`) or the Agency Pool (`pool`), with search and filters from the args. */
export async function onDashboard(ctx: Ctx, view: 'mine' | 'pool', args: CommandArgs<'candidates'>): Promise<Replies> {
  const query: DashQuery = { kind: 'dash', view };
  if (args.search) query.search = args.search;
  if (args.outcome) query.outcome = args.outcome;
  if (args.stage) query.stage = args.stage;
  if (view === 'pool' && args.agency) {
    if (ctx.user.role !== 'OWNER') return [text(ctx.t('dash.agencyOwnersOnly'))];
    if (args.agency.toLowerCase() !== 'all') {
      query.agencyId = await ctx.services.findAgencyId(args.agency);
      query.agencyLabel = args.agency;
    }
  }
  ctx.state.list = query;
  return [await renderDashboard(ctx, query, 1)];
}

/** Prev / Next: the same query, another page, edited in place where the channel can. */
export async function onPage(ctx: Ctx, page: number): Promise<Replies> {
  const query = ctx.state.list;
  if (query?.kind !== 'dash' || !Number.isInteger(page) || page < 1) return [text(ctx.t('action.stale'))];
  const edit = ctx.caps.editInPlace ? ctx.event.sourceMessageRef : undefined;
  return [await renderDashboard(ctx, query, page, edit)];
}

async function renderDashboard(ctx: Ctx, q: DashQuery, page: number, edit?: string) {
  const result = await ctx.services.listDashboard(ctx.user.userId, {
    view: q.view,
    agencyId: q.agencyId,
    search: q.search,
    outcome: q.outcome,
    stage: q.stage,
    page,
    pageSize: PAGE_SIZE,
  });
  const m = result.metrics;
  const scope =
    q.view === 'mine'
      ? ctx.t('dash.mine')
      : ctx.t('dash.pool', { agency: q.agencyLabel ?? ctx.user.agencyName ?? ctx.t('dash.allAgencies') });
  const filters = [q.search && `“${q.search}”`, q.outcome && outcomeLabel(ctx, q.outcome), q.stage].filter(Boolean).join(' · ');
  const choices = [];
  if (result.page > 1) choices.push({ actionId: 'page', value: String(result.page - 1), label: ctx.t('list.prev') });
  if (result.page < result.pageCount)
    choices.push({ actionId: 'page', value: String(result.page + 1), label: ctx.t('list.next') });
  return list(
    {
      title: filters ? `${scope} — ${filters}` : scope,
      summary: ctx.t('dash.metrics', {
        added: m.added,
        previous: m.previouslySubmitted,
        duplicate: m.duplicate,
        total: result.totalCapped ? `${result.total}+` : result.total,
      }),
      items: result.rows.map((r) => row(ctx, r)),
      page: result.page,
      pageCount: result.pageCount,
      emptyText: ctx.t(q.search || q.outcome || q.stage ? 'dash.emptyFiltered' : 'dash.empty'),
      choices,
    },
    edit,
  );
}

function row(ctx: Ctx, r: DashboardRow) {
  const ref = r.candidateRef === null ? '—' : formatCandidateRef(r.candidateRef);
  const stage = r.stage ? stageLabel(ctx, r.stage) : null;
  const subtitle = [outcomeLabel(ctx, r.outcome), stage, r.campaign, dayLabel(ctx, r.submittedAt), r.submittedBy]
    .filter(Boolean)
    .join(' · ');
  const item: { title: string; subtitle: string; actionId?: string } = { title: `${ref} ${r.firstName} ${r.lastName}`, subtitle };
  if (r.candidateRef !== null) item.actionId = `open:${formatCandidateRef(r.candidateRef)}`;
  return item;
}
