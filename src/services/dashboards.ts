import { z } from 'zod';
import { canSeeAgencyPool, canSeeCampaignCandidates, canSeeMyCandidates, canViewCandidate } from '../domain/permissions';
import { assertAllowed, loadActor, type ActorRef } from './actor';
import { DEFAULT_DUPLICATE_RULE, ownershipOf, ownershipSeenBy, type BlockReason, type OwnershipSeen } from '../domain/duplicates';
import type { Actor } from '../domain/permissions';
import { listBlockedAttempts, type BlockedAttempt } from './blocked-attempts';
import { parseCandidateRef } from './candidate-ref';
import { campaignIdsNamedLike } from './campaigns';
import type { ServiceDeps } from './deps';
import { ForbiddenError } from './errors';
import { parseOrThrow } from './validate';

export const OUTCOMES = ['ADDED', 'PREVIOUSLY_SUBMITTED', 'DUPLICATE', 'ALREADY_IN_SYSTEM'] as const;
export const STAGES = ['NEW', 'SCREENING', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN'] as const;
export type OutcomeName = (typeof OUTCOMES)[number];
/** What the dashboards filter on: the recorded outcomes, and the attempts the rules blocked. */
export const FILTER_OUTCOMES = [...OUTCOMES, 'BLOCKED'] as const;
export type FilterOutcome = (typeof FILTER_OUTCOMES)[number];
export type StageName = (typeof STAGES)[number];

/**
 * What the metrics count: each recorded outcome with its field in `Metrics`. An outcome added
 * here is counted by the statement, typed in `Metrics` and documented by the API.
 */
export const METRIC_OUTCOMES = [
  { outcome: 'ADDED', field: 'added' },
  { outcome: 'PREVIOUSLY_SUBMITTED', field: 'previouslySubmitted' },
  { outcome: 'DUPLICATE', field: 'duplicate' },
  { outcome: 'ALREADY_IN_SYSTEM', field: 'alreadyInSystem' },
] as const satisfies readonly { outcome: OutcomeName; field: string }[];
export type MetricName = (typeof METRIC_OUTCOMES)[number]['field'];

export const DASHBOARD_VIEWS = ['mine', 'pool', 'campaigns'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

/** The metrics period, in days back from now, when none is given; and the longest one offered. */
export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 365;

export const dashboardQuery = z.object({
  /**
   * `mine`: what I submitted; `pool`: my agency's (owners: `agencyId`, or every agency when absent);
   * `campaigns`: the candidates of the campaigns a recruiter recruits for (owners: every campaign).
   */
  view: z.enum(DASHBOARD_VIEWS),
  agencyId: z.string().optional(),
  /** Narrows any view to one campaign. */
  campaignId: z.string().optional(),
  search: z.string().trim().max(100).optional(),
  outcome: z.enum(FILTER_OUTCOMES).optional(),
  stage: z.enum(STAGES).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
  /** Period of the metrics; defaults to the last DEFAULT_PERIOD_DAYS days. */
  from: z.date().optional(),
  to: z.date().optional(),
});
export type DashboardQuery = z.input<typeof dashboardQuery>;

export interface DashboardRow {
  submissionId: string;
  /**
   * The candidate's reference, absent where it would tell the viewer about another agency's
   * candidate (a cross-agency duplicate seen by an agency).
   */
  candidateRef: number | null;
  /** Whether the viewer may open the candidate's profile. */
  canOpen: boolean;
  /**
   * For a resubmission or a duplicate whose candidate the viewer knows: when that candidate was first
   * added (the list may show the same candidate on another row).
   */
  firstAddedAt: Date | null;
  /** Empty for a blocked attempt: nothing of the person was kept. */
  firstName: string;
  lastName: string;
  outcome: FilterOutcome;
  /** Why a blocked attempt was blocked. */
  blockReason?: BlockReason;
  stage: StageName | null;
  campaign: string;
  submittedAt: Date;
  submittedBy: string;
  /**
   * For an agency's duplicate of another agency's candidate: that agency's hold as the agency may be
   * told it (when the person may be submitted again, where the rule shows it). Null otherwise.
   */
  ownership: OwnershipSeen | null;
  /** Owners and recruiters only: the earlier candidate this one may be the same person as. */
  possibleDuplicateOf: number | null;
}

export type Metrics = Record<MetricName, number> & { from: Date; to: Date };
type MetricCounts = Partial<Record<MetricName, string>>;

export interface DashboardPage {
  rows: DashboardRow[];
  /** The filtered rows, counted up to TOTAL_COUNTED (or just past the page asked for). */
  total: number;
  /** True when there are more rows than `total` says: counting stopped there. */
  totalCapped: boolean;
  page: number;
  pageCount: number;
  metrics: Metrics;
  /** A recruiter who recruits for no campaign: their list is empty for that reason. */
  unassigned: boolean;
}

const DAY_MS = 86_400_000;

/**
 * A list's total is counted up to here: past it the figure means "many", and counting every row of
 * a large pool (or of every agency, for an owner) would cost more than the page itself.
 */
export const TOTAL_COUNTED = 200;

interface PageRow extends Record<string, unknown> {
  rows:
    | {
        id: string;
        ref: number | null;
        /** Null for ALREADY_IN_SYSTEM: the person is the ATS's, no agency's candidate. */
        candAgency: string | null;
        candBy: string | null;
        candAt: string | null;
        firstName: string;
        lastName: string;
        outcome: OutcomeName;
        stage: StageName | null;
        campaign: string;
        submittedAt: string;
        submittedBy: string;
        windowMonths: number | null;
        showEnd: boolean | null;
        nearRef: number | null;
      }[]
    | null;
  total: string;
}

/**
 * A dashboard page in one statement on the driver: the page's rows with their candidate, campaign
 * and submitter, the capped total, and the period's metrics.
 */
export async function listDashboard(deps: ServiceDeps, who: ActorRef, raw: DashboardQuery): Promise<DashboardPage> {
  const q = parseOrThrow(dashboardQuery, raw);
  const actor = await loadActor(deps.sql, who);
  const params: unknown[] = [];
  const param = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
  const resolved = await resolveScope(deps, actor, q);
  const now = deps.now();
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  const scope = scopeSql(resolved, param);
  const offset = (q.page - 1) * q.pageSize;
  // Counted one past what matters, so "more than that" and "is there a next page" are both known.
  const countLimit = Math.max(TOTAL_COUNTED, offset + q.pageSize) + 1;
  const metricsSql = metricsStatement(resolved, scope, { from, to, toIncluded: !q.to }, param);
  if (q.outcome === 'BLOCKED') {
    // The stage and the person's details were never kept: a stage or a search cannot match one.
    const [blocked, [m]] = await Promise.all([
      q.stage || q.search
        ? { rows: [], counted: 0 }
        : listBlockedAttempts(deps.sql, { ...resolved, limit: q.pageSize, offset, countLimit }),
      deps.sql.query<MetricCounts & Record<string, unknown>>(metricsSql, params),
    ]);
    return {
      ...toPage(q, countLimit, blocked.counted, blocked.rows.map(blockedRow), { ...m, from, to }),
      unassigned: resolved.unassigned === true,
    };
  }
  const filters = [scope];
  if (q.outcome) filters.push(`s."outcome" = ${param(q.outcome, '::"Outcome"')}`);
  // To an agency a duplicate's stage is the other agency's business, so a stage filter never matches one.
  const seesEveryAgency = actor.role === 'OWNER' || actor.role === 'RECRUITER';
  if (q.stage) {
    filters.push(
      `${seesEveryAgency ? '' : `s."outcome" <> 'DUPLICATE' AND `}EXISTS (SELECT 1 FROM "Candidate" c WHERE c."id" = s."candidateId" AND c."stage" = ${param(q.stage, '::"Stage"')})`,
    );
  }
  // A name of several words rarely matches many rows, but the planner cannot tell from a LIKE
  // pattern: it guessed 7,000 of 1,000,000 for "jasmine%dela" (557 matched) and walked the
  // submissions newest first to find 201 of them, 0.5-1 s. Such a search, when an index can serve
  // it (its names' submissions by name, or the trigram index) and no campaign's name matches it
  // too, fetches all its matches by the index and sorts them.
  let fetchAllMatches = false;
  if (q.search) {
    // The campaigns first (a small table): their ids in the main statement give the planner real
    // estimates, where a subquery there made it guess that most rows match and scan them all.
    // From the reference cache: the campaigns change rarely and this ran on every search.
    const campaignIds = await campaignIdsNamedLike(deps, q.search);
    const text = q.search.replace(/\s+/g, ' ').trim();
    // A full name is someone's when few names match it ("maria santos"); a piece of many names
    // ("el r") is searched as a single word is, the planner choosing between the indexes.
    const fewNames = isFullNameText(text) && (await fewNamesMatch(deps, text));
    const byNames = fewNames && resolved.submittedById === undefined && resolved.campaignIds === undefined && !q.stage;
    filters.push(searchCondition(q.search, campaignIds, param, { refFindsDuplicates: seesEveryAgency, byNames }));
    fetchAllMatches = campaignIds.length === 0 && fewNames;
  }
  const where = filters.join(' AND ');

  // A search finds the rows up to the count's limit once, newest first: the page is a slice of them
  // (the limit is always past the page) and the total their number. Found twice, once for the page
  // and once for the total, a name search read its trigram index twice, most of its cost. A list
  // without a search walks its scope's index for the page and counts from the index alone, cheaper
  // than fetching the limit's rows to number them.
  const pageLimit = `LIMIT ${param(q.pageSize, '::int')} OFFSET ${param(offset, '::int')}`;
  const counted = `LIMIT ${param(countLimit, '::int')}`;
  const pageColumns = `s."id", s."firstName", s."lastName", s."outcome", s."submittedAt", s."candidateId", s."campaignId", s."submittedById"`;
  const found = q.search
    ? `hits AS (
        ${
          fetchAllMatches
            ? // OFFSET 0 keeps the LIMIT's ordering out of the subquery: it cannot walk the date index.
              `SELECT s."id", s."submittedAt" FROM (SELECT s."id", s."submittedAt" FROM "Submission" s WHERE ${where} OFFSET 0) s`
            : `SELECT s."id", s."submittedAt" FROM "Submission" s WHERE ${where}`
        }
        ORDER BY s."submittedAt" DESC, s."id" DESC ${counted}
      ), page AS (
        SELECT ${pageColumns}
        FROM (SELECT h."id" FROM hits h ORDER BY h."submittedAt" DESC, h."id" DESC ${pageLimit}) h
        JOIN "Submission" s ON s."id" = h."id"
      )`
    : `page AS (
        SELECT ${pageColumns} FROM "Submission" s WHERE ${where}
        ORDER BY s."submittedAt" DESC, s."id" DESC ${pageLimit}
      )`;
  const total = q.search
    ? `SELECT count(*) FROM hits`
    : `SELECT count(*) FROM (SELECT 1 FROM "Submission" s WHERE ${where} ${counted}) AS counted`;
  const text = `
    WITH ${found}
    SELECT
      (SELECT json_agg(json_build_object(
          'id', p."id", 'ref', c."ref", 'candAgency', c."agencyId", 'candBy', c."submittedById",
          'candAt', to_char(c."submittedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'firstName', p."firstName", 'lastName', p."lastName",
          'outcome', p."outcome", 'stage', c."stage",
          'campaign', (SELECT cp."name" FROM "Campaign" cp WHERE cp."id" = p."campaignId"),
          'submittedBy', (SELECT coalesce(u."name", u."email") FROM "User" u WHERE u."id" = p."submittedById"),
          'submittedAt', to_char(p."submittedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'windowMonths', rule."windowMonths", 'showEnd', rule."showOwnershipEnd",
          'nearRef', (SELECT d."ref" FROM "Candidate" d WHERE d."id" = c."possibleDuplicateOfId"))
          ORDER BY p."submittedAt" DESC, p."id" DESC)
        FROM page p
        LEFT JOIN "Candidate" c ON c."id" = p."candidateId"
        -- The rule the submission was checked by: its campaign's, else the default row.
        LEFT JOIN LATERAL (
          SELECT r."windowMonths", r."showOwnershipEnd" FROM "DuplicateRule" r
          WHERE r."scope" IN (p."campaignId", 'global') ORDER BY r."scope" = 'global' LIMIT 1
        ) rule ON true) AS "rows",
      (${total}) AS "total",
      m.*
    FROM (${metricsSql}) AS m`;
  // The page's campaign, submitter and rule are looked up per row (ten at most), not joined: with
  // every one a join, planning the statement weighed the orders of six relations and cost more than
  // running it (PostgreSQL CPU per page 1.0 -> 0.83 ms for My Candidates, 1.5 -> 0.94 ms for an
  // agency's pool, bench/pg-cost.ts).
  const [result] = q.search
    ? // Planned with the values: the best plan depends on the scope's size and the search's
      // selectivity. A search never scans the whole table: estimating a LIKE's matches too high,
      // the planner chose a (parallel) scan of every row expecting to stop early, 5 s over 1,000,000
      // submissions; without it, the trigram index or a walk of the scope's index remain. Nor does
      // it reorder the joins left: they are written in the order they run, and searching for
      // another order was half the planning (0.96 -> 0.55 ms, the same plans in 135 searches over
      // the views, filters and kinds of text). Both settings go out with the BEGIN.
      await deps.sql.transaction((tx) => tx.query<PageRow & MetricCounts>(text, params, { planEachTime: true }), {
        settings: SEARCH_SETTINGS,
      })
    : plainPage(resolved, q)
      ? // One plan for every user's or agency's plain page (prepared, made without the values): it
        // walks the scope's (scope, submittedAt) index newest first and counts the period from it
        // and the day counts, whatever the scope's size, as the plan made with the values does.
        // Left to choose, PostgreSQL planned it anew on every call (it cannot tell a LIMIT of 10
        // from one of thousands without the value), and planning was most of the statement's cost
        // (PostgreSQL CPU per page 0.78 -> 0.42 ms for My Candidates, 0.90 -> 0.40 ms for an
        // agency's pool, the transaction's two extra round trips included).
        await deps.sql.transaction((tx) => tx.query<PageRow & MetricCounts>(text, params), {
          settings: { plan_cache_mode: 'force_generic_plan' },
        })
      : // Another scope (every agency, some campaigns) or a filter: its best plan depends on the values.
        await deps.sql.query<PageRow & MetricCounts>(text, params, { planEachTime: true });
  if (!result) throw new Error('the dashboard statement returned no row');
  const rows = (result.rows ?? []).map((r): DashboardRow => {
    // ALREADY_IN_SYSTEM has no agency candidate: nothing to open, no date or stage of the ATS's record.
    const canOpen =
      r.candAgency !== null && canViewCandidate(actor, { agencyId: r.candAgency, submittedById: r.candBy ?? '' }).allowed;
    // Another agency's candidate stays unnamed: its reference and stage are not the viewer's business.
    const foreign = r.candAgency === null || (r.candAgency !== actor.agencyId && !canOpen);
    // Another agency's hold, as this agency may be told it (ALREADY_IN_SYSTEM has no agency holder).
    const hold =
      r.candAgency !== null && r.candAt !== null
        ? ownershipOf(
            { agencyId: r.candAgency, submittedAt: new Date(r.candAt) },
            r.windowMonths ?? DEFAULT_DUPLICATE_RULE.windowMonths,
          )
        : null;
    return {
      submissionId: r.id,
      candidateRef: foreign ? null : r.ref,
      canOpen,
      firstAddedAt: r.outcome !== 'ADDED' && !foreign && r.candAt ? new Date(r.candAt) : null,
      firstName: r.firstName,
      lastName: r.lastName,
      outcome: r.outcome,
      stage: foreign ? null : r.stage,
      campaign: r.campaign,
      submittedAt: new Date(r.submittedAt),
      submittedBy: r.submittedBy,
      ownership:
        foreign && r.outcome === 'DUPLICATE' && hold
          ? ownershipSeenBy(actor.agencyId, hold, r.showEnd ?? DEFAULT_DUPLICATE_RULE.showOwnershipEnd)
          : null,
      // Never to an agency, whoever's candidate it is.
      possibleDuplicateOf: seesEveryAgency ? r.nearRef : null,
    };
  });
  return {
    ...toPage(q, countLimit, Number(result.total), rows, { ...result, from, to }),
    unassigned: resolved.unassigned === true,
  };
}

function toPage(
  q: { page: number; pageSize: number },
  countLimit: number,
  counted: number,
  rows: DashboardRow[],
  m: MetricCounts & { from: Date; to: Date },
): Omit<DashboardPage, 'unassigned'> {
  const totalCapped = counted === countLimit;
  const total = totalCapped ? countLimit - 1 : counted;
  const pageCount = Math.max(1, Math.ceil(total / q.pageSize));
  return {
    rows,
    total,
    totalCapped,
    page: q.page,
    // Past the count there is at least one more page than counted.
    pageCount: totalCapped ? Math.max(pageCount, q.page + 1) : pageCount,
    metrics: {
      ...(Object.fromEntries(METRIC_OUTCOMES.map(({ field }) => [field, Number(m[field] ?? 0)])) as Record<MetricName, number>),
      from: m.from,
      to: m.to,
    },
  };
}

function blockedRow(b: BlockedAttempt): DashboardRow {
  return {
    submissionId: b.auditId,
    candidateRef: null,
    canOpen: false,
    firstAddedAt: null,
    firstName: '',
    lastName: '',
    outcome: 'BLOCKED',
    blockReason: b.reason,
    stage: null,
    campaign: b.campaign,
    submittedAt: b.at,
    submittedBy: b.submittedBy,
    ownership: null,
    possibleDuplicateOf: null,
  };
}

type Param = (value: unknown, cast?: string) => string;

/**
 * A page whose best plan no value changes: one user's or one agency's submissions, no search, no
 * filter. An owner's view of every agency is not one: with a LIMIT it cannot see, the plan made
 * without the values sorted every submission (18 ms against 0.8 ms at 100,000).
 */
function plainPage(
  scope: DashboardScope,
  q: { search?: string | undefined; outcome?: string | undefined; stage?: string | undefined },
): boolean {
  if (q.search || q.outcome || q.stage || scope.campaignIds !== undefined) return false;
  return scope.submittedById !== undefined || scope.agencyId !== undefined;
}

/** The rows a view holds, resolved from the viewer and the query; absent parts do not narrow. */
export interface DashboardScope {
  submittedById?: string;
  agencyId?: string;
  /** Only these campaigns (a recruiter's, or the one asked for). */
  campaignIds?: string[];
  unassigned?: boolean;
}

/**
 * Checks the viewer's right to the view and resolves what it holds; the campaign and agency filters
 * are part of it, so the metrics count what the title names. A recruiter's campaigns are read here
 * (a handful of ids): in the statement they let the planner use the (campaignId, submittedAt) index.
 */
async function resolveScope(deps: ServiceDeps, actor: Actor, q: z.output<typeof dashboardQuery>): Promise<DashboardScope> {
  const scope: DashboardScope = {};
  if (q.view === 'mine') {
    assertAllowed(canSeeMyCandidates(actor));
    scope.submittedById = actor.userId;
  } else if (q.view === 'pool') {
    // Non-owners see their own agency's pool; naming another agency is refused, not silently ignored.
    const agencyId = actor.role === 'OWNER' ? (q.agencyId ?? null) : (q.agencyId ?? actor.agencyId);
    assertAllowed(canSeeAgencyPool(actor, agencyId));
    if (agencyId) scope.agencyId = agencyId;
  } else {
    assertAllowed(canSeeCampaignCandidates(actor));
    if (actor.role === 'RECRUITER') {
      const mine = await deps.sql.query<{ campaignId: string }>(
        `SELECT "campaignId" FROM "CampaignRecruiter" WHERE "userId" = $1`,
        [actor.userId],
      );
      scope.campaignIds = mine.map((r) => r.campaignId);
      scope.unassigned = scope.campaignIds.length === 0;
      if (q.campaignId && !scope.campaignIds.includes(q.campaignId)) {
        throw new ForbiddenError({ key: 'svc.notYourCampaign' });
      }
    }
    if (q.agencyId) scope.agencyId = q.agencyId;
  }
  if (q.campaignId) scope.campaignIds = [q.campaignId];
  return scope;
}

/** The scope as a condition on the submission `s`. */
function scopeSql(scope: DashboardScope, param: Param): string {
  const parts: string[] = [];
  if (scope.submittedById) parts.push(`s."submittedById" = ${param(scope.submittedById)}`);
  if (scope.agencyId) parts.push(`s."agencyId" = ${param(scope.agencyId)}`);
  if (scope.campaignIds) parts.push(`s."campaignId" = ANY (${param(scope.campaignIds, '::text[]')})`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/**
 * The period's count of each outcome in the scope, as one row. A scope of an agency or of every
 * agency reads its whole days from SubmissionDayCount, a scope of campaigns (a recruiter's) from
 * SubmissionCampaignDayCount (both kept by triggers on Submission), and counts only the partial
 * first and last day from the submissions, by index: an owner's view of every agency otherwise
 * counted about 125,000 index entries per page view at 1,000,000 submissions, a recruiter's of 12
 * campaigns as many (150-230 ms). A user's scope, or campaigns of one agency (the rollups have
 * neither), counts its rows from its own index.
 * An explicit period is half-open; the default one ends now and includes it (`toIncluded`).
 */
function metricsStatement(
  scope: DashboardScope,
  scopeCondition: string,
  period: { from: Date; to: Date; toIncluded: boolean },
  param: Param,
): string {
  const at = (date: Date) => param(date.toISOString(), '::timestamp');
  const upTo = (to: Date) => `s."submittedAt" ${period.toIncluded ? '<=' : '<'} ${at(to)}`;
  const firstWholeDay = new Date(Math.ceil(period.from.getTime() / DAY_MS) * DAY_MS);
  const lastDayStart = new Date(Math.floor(period.to.getTime() / DAY_MS) * DAY_MS);
  const rollup = firstWholeDay < lastDayStart ? rollupOf(scope, param) : null;
  if (!rollup) {
    const counts = METRIC_OUTCOMES.map((m) => `count(*) FILTER (WHERE s."outcome" = '${m.outcome}') AS "${m.field}"`);
    return `SELECT ${counts.join(', ')} FROM "Submission" s
      WHERE ${scopeCondition} AND s."submittedAt" >= ${at(period.from)} AND ${upTo(period.to)}`;
  }
  const sums = METRIC_OUTCOMES.map((m) => `coalesce(sum(x."n") FILTER (WHERE x."outcome" = '${m.outcome}'), 0) AS "${m.field}"`);
  return `SELECT ${sums.join(', ')} FROM (
      SELECT d."outcome", d."n" FROM ${rollup.table} d
        WHERE ${rollup.condition}d."day" >= ${at(firstWholeDay)} AND d."day" < ${at(lastDayStart)}
      UNION ALL
      SELECT s."outcome", 1 FROM "Submission" s
        WHERE ${scopeCondition} AND s."submittedAt" >= ${at(period.from)} AND s."submittedAt" < ${at(firstWholeDay)}
      UNION ALL
      SELECT s."outcome", 1 FROM "Submission" s
        WHERE ${scopeCondition} AND s."submittedAt" >= ${at(lastDayStart)} AND ${upTo(period.to)}
    ) x`;
}

/** The day counts that hold the scope's whole days, with the condition on them (its values added as parameters); null when none does. */
function rollupOf(scope: DashboardScope, param: Param): { table: string; condition: string } | null {
  if (scope.submittedById !== undefined) return null;
  if (scope.campaignIds !== undefined) {
    return scope.agencyId === undefined
      ? {
          table: '"SubmissionCampaignDayCount"',
          condition: `d."campaignId" = ANY (${param(scope.campaignIds, '::text[]')}) AND `,
        }
      : null;
  }
  return {
    table: '"SubmissionDayCount"',
    condition: scope.agencyId === undefined ? '' : `d."agencyId" = ${param(scope.agencyId)} AND `,
  };
}

/** A search's transaction: no whole-table scan, joins in the order written (see listDashboard). */
const SEARCH_SETTINGS = { enable_seqscan: 'off', join_collapse_limit: '1' };

/** `S-1a2b3c4d`: a submission's short reference (its id's first 8 digits), shown where no candidate's is. */
const SUBMISSION_REF = /^S-([0-9a-f]{8})$/i;

/**
 * The column as the trigram index can serve it, or as an expression it cannot. A pattern with no
 * trigram to look up ("sy", "an": no three letters in a row, nor two beside a space, which pg_trgm
 * pads into " sy") makes the index scan read the whole index — seconds over 1,000,000 rows, where
 * walking the scope's own index and filtering finds ten short, common matches in milliseconds. The
 * expression keeps such a pattern out of the index and lets the planner do that.
 */
function trigramColumn(column: string, text: string): string {
  return hasTrigram(text) ? column : `(${column} || '')`;
}

const hasTrigram = (text: string): boolean =>
  /[\p{L}\p{N}]{3}|[^\p{L}\p{N}][\p{L}\p{N}]{2}|[\p{L}\p{N}]{2}[^\p{L}\p{N}]/u.test(text);

/** `%text%` for LIKE, with LIKE's own wildcards in the text matched literally. */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The name condition on `searchName` ("first last", lower-cased, whitespace collapsed), matched with
 * LIKE on the text lower-cased by the database as the column is. Several words of three letters or
 * more match in order, each anywhere ("mar santos" finds Maria Santos, as people type a first name's
 * start), and look up only their own trigrams in the index, leaving out those of the word
 * boundaries ("  r", " re", "ia "), which are among the commonest and cost a full-name search half
 * its index time. A shorter word needs them: in "edna sy" only " sy" says anything of "sy", so such
 * a text is matched as typed. `byNames`: the text is a full name few names match (listDashboard
 * decided), in an agency's or every agency's scope without a stage filter, so the (searchName,
 * agencyId, submittedAt, id, outcome) index answers it alone.
 */
function nameCondition(text: string, param: Param, byNames: boolean): string {
  // A full name (several words, with a trigram to look up) matches the names in the table of every
  // name (SearchName), then their submissions by the names' index, which holds what the page sorts
  // by: a common full name matched 2,780 submissions over 1,000,000, and finding them by the
  // submissions' trigram index read each from the table to sort them (2,700 pages, 4.5 ms) where
  // the names' index holds them on 30 (0.6 ms). Only where that index answers alone: elsewhere (a
  // user's or a campaign's scope, a stage) the planner took the trigram index's own equality for
  // it, which reads every trigram of the name.
  if (byNames) {
    return `s."searchName" = ANY (ARRAY(SELECT n."name" FROM "SearchName" n WHERE ${nameLike('n."name"', text, param)}))`;
  }
  return `(${nameLike('s."searchName"', text, param)})`;
}

/** A text the names' path can serve: several words, with a trigram to look up. */
const isFullNameText = (text: string): boolean => text.includes(' ') && (wordsInOrder(text) !== null || hasTrigram(text));

/** The name condition on a column holding "first last" lower-cased (a submission's, or SearchName's). */
function nameLike(column: string, text: string, param: Param): string {
  const words = wordsInOrder(text);
  if (!words) return `${trigramColumn(column, text)} LIKE lower(${param(containing(text))})`;
  // Each word's last three letters only ("ria%tos" for "maria santos") are asked of a trigram
  // index: every trigram looked up reads its whole list, and one a word already narrows a full
  // name to about what matches (over 1,000,000 submissions, 1,425 rows to test for 1,195
  // matching, 2.2 ms of index time instead of 3.3 with both ends of each word; its end rather than
  // its start, which names share more: Mar-ia, Mar-k, Mar-y). The words then filter what it finds.
  const lastThree = words.map((w) => Array.from(w).slice(-3).join('')); // by code point: a surrogate pair is one letter
  return `${column} LIKE lower(${param(`%${lastThree.join('%')}%`)}) AND (${column} || '') LIKE lower(${param(`%${words.join('%')}%`)})`;
}

/**
 * The most names a search fetches every submission of. Past it the text is no one's name but a
 * piece of many ("el r": Daniel Reyes, Noel Ramos, Del Rosario…, thousands of names and 20,000
 * submissions to fetch and sort, 26 ms over 1,000,000); the planner then weighs the submissions'
 * own trigram index against walking the scope's date index, as for a single word.
 */
const NAMES_PATH_MAX = 100;

/** Whether at most NAMES_PATH_MAX names match the text: a look at SearchName's trigram index, planned with the text. */
async function fewNamesMatch(deps: ServiceDeps, text: string): Promise<boolean> {
  const params: unknown[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const probe = `SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "SearchName" n WHERE ${nameLike('n."name"', text, param)} LIMIT ${NAMES_PATH_MAX + 1}) x`;
  const [row] = await deps.sql.transaction((tx) => tx.query<{ n: number }>(probe, params, { planEachTime: true }), {
    settings: SEARCH_SETTINGS,
  });
  return (row?.n ?? 0) <= NAMES_PATH_MAX;
}

/** The words of a text of several words of three letters or more, else null. */
function wordsInOrder(text: string): string[] | null {
  const words = text.trim().split(' ');
  return words.length > 1 && words.every((w) => /^[\p{L}\p{N}]{3,}$/u.test(w)) ? words : null;
}

/**
 * Name, email, phone, candidate reference or campaign. A name matches anywhere in "first last"
 * (`searchName`, any case, whitespace collapsed as here): "ana", "souza", "ana souza", "mary grace". A query
 * of digits also matches phones typed with spaces or dashes; a reference never matches a
 * cross-agency duplicate (its candidate is another agency's). Each alternative can use an index
 * (the trigram index on the submission's full name, email and phone; the candidate and campaign
 * indexes), so the planner can combine them instead of filtering a whole pool.
 */
function searchCondition(
  raw: string,
  campaignIds: string[],
  param: Param,
  options: { refFindsDuplicates: boolean; byNames: boolean },
): string {
  const text = raw.replace(/\s+/g, ' ');
  // One condition for a full name: its trigrams ("ana", "sou", "uza"…) are looked up together, where
  // a condition per word had each word's rows fetched to intersect (every "Edna" read to find no Sy).
  const or = [nameCondition(text, param, options.byNames)];
  // An email has no spaces: for "maria santos" its trigram scan would only find rows to throw away.
  if (!/\s/.test(text)) or.push(`${trigramColumn('s."email"', text)} LIKE ${param(containing(text.toLowerCase()))}`);
  if (campaignIds.length > 0) or.push(`s."campaignId" = ANY (${param(campaignIds, '::text[]')})`);
  // A phone search is digits and a phone's punctuation only: the digits inside a name or an email
  // ("jane1987@…") would otherwise find strangers whose numbers contain them.
  const digits = text.replace(/\D/g, '');
  if (digits.length >= 4 && /^[\d\s()+.-]+$/.test(text)) or.push(`s."phone" LIKE ${param(containing(digits))}`);
  const ref = parseCandidateRef(text);
  if (ref !== null) {
    or.push(
      `(${options.refFindsDuplicates ? '' : `s."outcome" <> 'DUPLICATE' AND `}s."candidateId" = (SELECT c."id" FROM "Candidate" c WHERE c."ref" = ${param(ref, '::int')}))`,
    );
  }
  const submission = SUBMISSION_REF.exec(text.trim());
  if (submission?.[1]) {
    // The ids are lowercase hex uuids: those starting with the prefix lie between it and the prefix
    // with its last digit raised, a range the primary key's index answers.
    const prefix = submission[1].toLowerCase();
    const next = prefix.slice(0, -1) + (parseInt(prefix.slice(-1), 16) + 1).toString(16);
    or.push(`(s."id" >= ${param(prefix)} AND s."id" < ${param(prefix.endsWith('f') ? `${prefix.slice(0, -1)}g` : next)})`);
  }
  return `(${or.join(' OR ')})`;
}
