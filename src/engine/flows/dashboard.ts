import type { BlockReason } from '../../domain/duplicates';
import type { MessageKey } from '../../i18n';
import { formatCandidateRef } from '../../services/candidates';
import { DEFAULT_PERIOD_DAYS, MAX_PERIOD_DAYS, STAGES, type DashboardRow } from '../../services/dashboards';
import { OUTCOME_FILTER_WORDS, outcomeFromWord, stageFromWord, type CommandArgs } from '../commands';
import type { Ctx, Replies } from '../context';
import { campaignNamed } from './campaign-named';
import { dayLabel, outcomeLabel, stageLabel } from '../labels';
import { list, text } from '../reply';
import { ownershipPhrase } from './ownership';
import type { ListQuery } from '../state';
import { formatSubmissionRef, isDisputable } from '../../domain/disputes';
import { allowedFor } from '../commands';

/** Agency users and admins dispute from their list rows; the employer's people open candidates. */
const mayDispute = (ctx: Ctx): boolean => allowedFor('dispute', ctx.user.role);

type DashQuery = Extract<ListQuery, { kind: 'dash' }>;

export const PAGE_SIZE = 5;
const DAY_MS = 86_400_000;

/** `candidates`: My Candidates for agency users; the candidates of one's campaigns for recruiters and owners. */
export const candidatesView = (ctx: Ctx): 'mine' | 'campaigns' =>
  ctx.user.role === 'RECRUITER' || ctx.user.role === 'OWNER' ? 'campaigns' : 'mine';

/** A dashboard with search and filters from the args: My Candidates, the Agency Pool or a recruiter's campaigns. */
export async function onDashboard(ctx: Ctx, view: DashQuery['view'], args: CommandArgs<'candidates'>): Promise<Replies> {
  const query: DashQuery = { kind: 'dash', view };
  if (args.search) query.search = args.search;
  if (args.outcome) {
    const outcome = outcomeFromWord(args.outcome);
    if (!outcome) return [text(ctx.t('dash.badOutcome', { word: args.outcome, words: OUTCOME_FILTER_WORDS.join(', ') }))];
    query.outcome = outcome;
  }
  if (args.stage) {
    const stage = stageFromWord(args.stage);
    if (!stage) return [text(ctx.t('dash.badStage', { word: args.stage, stages: STAGES.join(', ').toLowerCase() }))];
    query.stage = stage;
  }
  if (args.period) {
    const days = /^(\d{1,3})d?$/i.exec(args.period.trim());
    const n = days ? Number(days[1]) : 0;
    if (n < 1 || n > MAX_PERIOD_DAYS) return [text(ctx.t('dash.badPeriod', { word: args.period, max: MAX_PERIOD_DAYS }))];
    query.days = n;
  }
  if (args.campaign) {
    const found = await campaignNamed(ctx, args.campaign);
    if ('refusal' in found) return found.refusal;
    query.campaignId = found.id;
    query.campaignLabel = found.name;
  }
  if (args.agency) {
    if (view === 'mine' || (view === 'pool' && ctx.user.role !== 'OWNER')) return [text(ctx.t('dash.agencyOwnersOnly'))];
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

function scopeTitle(ctx: Ctx, q: DashQuery): string {
  const base =
    q.view === 'mine'
      ? ctx.t('dash.mine')
      : q.view === 'campaigns'
        ? ctx.t(ctx.user.role === 'OWNER' ? 'dash.allCampaigns' : 'dash.myCampaigns')
        : ctx.t('dash.pool', { agency: q.agencyLabel ?? ctx.user.agencyName ?? ctx.t('dash.allAgencies') });
  const narrowed = [q.campaignLabel, q.view === 'campaigns' ? q.agencyLabel : undefined].filter(Boolean);
  return narrowed.length > 0 ? `${base} — ${narrowed.join(' · ')}` : base;
}

async function renderDashboard(ctx: Ctx, q: DashQuery, page: number, edit?: string) {
  const days = q.days ?? DEFAULT_PERIOD_DAYS;
  const now = ctx.runtime.now();
  const result = await ctx.services.listDashboard(ctx.actor, {
    view: q.view,
    agencyId: q.agencyId,
    campaignId: q.campaignId,
    search: q.search,
    outcome: q.outcome,
    stage: q.stage,
    page,
    pageSize: PAGE_SIZE,
    from: new Date(now.getTime() - days * DAY_MS),
  });
  const m = result.metrics;
  const scope = scopeTitle(ctx, q);
  const filtered = Boolean(q.search || q.outcome || q.stage);
  const filters = [q.search && `“${q.search}”`, q.outcome && outcomeLabel(ctx, q.outcome), q.stage && stageLabel(ctx, q.stage)]
    .filter(Boolean)
    .join(' · ');
  const choices = [];
  if (result.page > 1) choices.push({ actionId: 'page', value: String(result.page - 1), label: ctx.t('list.prev') });
  if (result.page < result.pageCount)
    choices.push({ actionId: 'page', value: String(result.page + 1), label: ctx.t('list.next') });
  const metrics = ctx.t(filtered ? 'dash.metricsBeforeFilters' : 'dash.metrics', {
    days,
    from: dayLabel(ctx, m.from),
    to: dayLabel(ctx, m.to),
    added: m.added,
    previous: m.previouslySubmitted,
    duplicate: m.duplicate,
  });
  // Shown once there is one: most lists never have a direct applicant.
  const inSystem = m.alreadyInSystem > 0 ? ctx.t('dash.metricsAlreadyInSystem', { count: m.alreadyInSystem }) : '';
  const listed = ctx.tp(filtered ? 'dash.matching' : 'dash.listed', result.total, {
    count: result.totalCapped ? `${result.total}+` : result.total,
  });
  return list(
    {
      title: filters ? `${scope} — ${filters}` : scope,
      summary: `${metrics}${inSystem}\n${listed}`,
      items: result.rows.map((r) => row(ctx, r)),
      page: result.page,
      pageCount: result.pageCount,
      emptyText: ctx.t(
        result.unassigned
          ? 'dash.unassigned'
          : filtered
            ? 'dash.emptyFiltered'
            : q.view === 'mine'
              ? 'dash.empty'
              : 'dash.emptyView',
      ),
      choices,
    },
    edit,
  );
}

const BLOCK_REASON_KEY: Record<BlockReason, MessageKey> = {
  same_agency: 'dash.blockedSame',
  cross_agency: 'dash.blockedCross',
  already_in_system: 'dash.blockedAlreadyInSystem',
};

function row(ctx: Ctx, r: DashboardRow) {
  if (r.outcome === 'BLOCKED') {
    const reason = ctx.t(BLOCK_REASON_KEY[r.blockReason ?? 'cross_agency']);
    return {
      title: ctx.t('dash.blockedTitle'),
      subtitle: [outcomeLabel(ctx, r.outcome), reason, r.campaign, dayLabel(ctx, r.submittedAt), r.submittedBy].join(' · '),
      // A block by another agency or by the employer's own record can be disputed from its row (issue 19).
      ...((r.blockReason === 'cross_agency' || r.blockReason === 'already_in_system') && mayDispute(ctx)
        ? { actionId: `dispute:${formatSubmissionRef(r.submissionId)}`, actionLabel: ctx.t('dispute.button') }
        : {}),
    };
  }
  // A duplicate of another agency's candidate has no candidate reference for the viewer: the
  // submission's own short reference lets them name it to an owner.
  const ref =
    r.candidateRef === null
      ? ctx.t('dash.submissionRef', { id: r.submissionId.slice(0, 8) })
      : formatCandidateRef(r.candidateRef);
  const again = r.firstAddedAt ? ctx.t('dash.resubmitted', { date: dayLabel(ctx, r.firstAddedAt) }) : null;
  // Set by the service only where the viewer may see it: another agency's hold for an agency's
  // duplicate, the near-duplicate flag for owners and recruiters.
  const held = r.ownership ? ownershipPhrase(ctx, r.ownership) : null;
  const flag =
    r.possibleDuplicateOf !== null ? ctx.t('dash.possibleDuplicate', { ref: formatCandidateRef(r.possibleDuplicateOf) }) : null;
  const subtitle = [
    outcomeLabel(ctx, r.outcome),
    again,
    held,
    flag,
    r.stage && stageLabel(ctx, r.stage),
    r.campaign,
    dayLabel(ctx, r.submittedAt),
    r.submittedBy,
  ]
    .filter(Boolean)
    .join(' · ');
  const item: { title: string; subtitle: string; actionId?: string; actionLabel?: string } = {
    title: `${ref} ${r.firstName} ${r.lastName}`,
    subtitle,
  };
  if (r.canOpen && r.candidateRef !== null) item.actionId = `open:${formatCandidateRef(r.candidateRef)}`;
  else if (r.candidateRef === null && isDisputable(r.outcome) && mayDispute(ctx)) {
    item.actionId = `dispute:${formatSubmissionRef(r.submissionId)}`;
    item.actionLabel = ctx.t('dispute.button');
  }
  return item;
}
