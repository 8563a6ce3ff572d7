/**
 * `npm run bench:search` — dashboard search at scale (issue 18; DESIGN §6: p99 < 20 ms with
 * 1,000,000 candidates, index use shown).
 *
 *   npm run bench:search                     # drop + create `endorse_bench_search`, seed 1,000,000, measure
 *   npm run bench:search -- --count 100000   # a quick run
 *   npm run bench:search -- --keep           # reuse the seeded database
 *
 * Every sample is a whole `services.listDashboard` call (actor, the page, its capped total and the
 * metrics: the one statement the dashboards run), for the searches people type — part of a name,
 * a full name, part of an email, phone digits, a candidate reference, part of a campaign name, a
 * name nobody has — in the Agency Pool of the largest agency (its admin), an owner's view of that
 * agency and an owner's view of every agency. Then EXPLAIN (ANALYZE, BUFFERS) of the statement
 * for a last name and two full names in each view, with the indexes it used.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import type { SqlDriver } from '../src/db/sql-runner';
import { createLogger } from '../src/logger';
import { createServices, type ServiceDeps } from '../src/services';
import type { DashboardQuery } from '../src/services/dashboards';
import { BENCH_SERVER_URL, recreateDatabase } from './support/bench-database';
import { seedCandidates, FIRST_NAMES, LAST_NAMES } from './support/seed-candidates';
import { summarize } from './support/stats';
import { formatMs, printTable } from './support/table';

const BENCH_DB = 'endorse_bench_search';
const SAMPLES = 100;
const WARMUP = 20;
const BUDGET_P99_MS = 20;

function parseArgs(argv: readonly string[]) {
  let count = 1_000_000;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep') keep = true;
    else if (argv[i] === '--count') count = Number(argv[++i]);
    else throw new Error(`Unknown argument ${argv[i]}. Usage: bench/search.ts [--count N] [--keep]`);
  }
  if (!Number.isInteger(count) || count < 1000 || count > 9_999_999) throw new Error('--count is 1000 to 9999999');
  return { count, keep };
}

/** Records the last statement the service sent, so its plan can be shown. */
function recording(driver: SqlDriver) {
  const last = { text: '', params: [] as unknown[] };
  const sql: SqlDriver = {
    query: (text, params, options) => {
      last.text = text;
      last.params = params ?? [];
      return driver.query(text, params, options);
    },
    transaction: (fn) =>
      driver.transaction((tx) =>
        fn({
          query: (text, params, options) => {
            last.text = text;
            last.params = params ?? [];
            return tx.query(text, params, options);
          },
        }),
      ),
  };
  return { sql, last };
}

async function main(): Promise<void> {
  const { count, keep } = parseArgs(process.argv.slice(2));
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${BENCH_DB}`;
  let reuse = false;
  if (keep) {
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' }).catch(() => null);
    if (db) {
      const rows = await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM "Candidate"').catch(() => []);
      reuse = Number(rows[0]?.n ?? 0) === count;
      await db.close();
    }
  }
  if (!reuse) await recreateDatabase(BENCH_DB);
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolMax: 4 });
  try {
    await migrate(database.sql);
    const spec = { candidates: count, agencies: 50, usersPerAgency: 5, campaigns: 12, label: 'Search' };
    let seededMs = 0;
    if (!reuse) {
      console.log(`Seeding ${count.toLocaleString('en-US')} candidates and their submissions over ${spec.agencies} agencies…`);
      seededMs = (await seedCandidates(database.sql, spec)).ms;
    }
    const base = {
      agencyIds: Array.from({ length: spec.agencies }, (_, i) => `agency-${i + 1}`),
      adminOf: (a: number) => `user-${a}-0`,
    };
    // From the day counts (a small table): counting the submissions read a million index entries
    // through PostgreSQL's buffers just before the first measurements, which then found them cold.
    const sizes = await database.sql.query<{ agencyId: string; n: string }>(
      `SELECT "agencyId", sum("n") AS n FROM "SubmissionDayCount" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const largest = sizes[0] as { agencyId: string; n: string };
    const largestIndex = Number(largest.agencyId.replace('agency-', ''));
    const refs = await database.sql.query<{ ref: number }>(
      `SELECT "ref" FROM "Candidate" WHERE "agencyId" = $1 ORDER BY random() LIMIT ${SAMPLES + WARMUP}`,
      [largest.agencyId],
    );

    const { sql, last } = recording(database.driver);
    const deps: ServiceDeps = {
      db: database.prisma,
      sql,
      logger: createLogger('silent'),
      now: () => new Date(),
      publicUrl: 'http://bench',
      inviteTtlDays: 7,
    };
    const services = createServices(deps);
    let k = 0;
    const pickName = <T>(list: readonly T[]) => list[k++ % list.length] as T;
    const searches: [string, (i: number) => string][] = [
      ['part of a last name', () => pickName(LAST_NAMES).slice(1, 5).toLowerCase()],
      ['first and last name', () => `${pickName(FIRST_NAMES).split(' ')[0]} ${pickName(LAST_NAMES).split(' ')[0]}`],
      ['part of an email', (i) => `${String(100_000 + ((i * 7919) % Math.max(1, count - 100_000)))}@`],
      ['phone digits (7)', (i) => String(1 + ((i * 104_729) % count)).padStart(7, '0')],
      ['candidate ref', (i) => `C-${(refs[i % refs.length] as { ref: number }).ref}`],
      ['part of a campaign name', () => 'night shift'],
      ['a name nobody has', () => 'Zygmunt'],
    ];
    const views: [string, string, DashboardQuery][] = [
      [
        `Agency Pool of the largest agency (${Number(largest.n).toLocaleString('en-US')} rows), its admin`,
        base.adminOf(largestIndex),
        { view: 'pool' },
      ],
      ['owner, that agency', 'owner', { view: 'pool', agencyId: largest.agencyId }],
      [`owner, every agency (${count.toLocaleString('en-US')} rows)`, 'owner', { view: 'pool' }],
      [`recruiter, the ${spec.campaigns} campaigns they recruit for`, 'recruiter', { view: 'campaigns' }],
    ];

    const rows: (string | number)[][] = [];
    let worstP99 = 0;
    for (const [viewLabel, actorId, query] of views) {
      for (const [searchLabel, text] of searches) {
        for (let i = 0; i < WARMUP; i++) await services.listDashboard(actorId, { ...query, search: text(i), pageSize: 10 });
        const samples: number[] = [];
        let found = 0;
        for (let i = 0; i < SAMPLES; i++) {
          const search = text(WARMUP + i);
          const t0 = performance.now();
          const page = await services.listDashboard(actorId, { ...query, search, pageSize: 10 });
          samples.push(performance.now() - t0);
          found += page.total;
        }
        const s = summarize(samples);
        worstP99 = Math.max(worstP99, s.p99);
        rows.push([viewLabel, searchLabel, Math.round(found / SAMPLES), formatMs(s.p50), formatMs(s.p99), formatMs(s.max)]);
      }
    }

    console.log(
      `\nbench:search — ${count.toLocaleString('en-US')} candidates over ${spec.agencies} agencies${reuse ? ' (reused)' : `, seeded in ${(seededMs / 1000).toFixed(1)} s`}; ` +
        `each sample a whole listDashboard call (page of 10, total counted up to 200, metrics); load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}\n`,
    );
    printTable(['view', 'search', 'rows found (mean, capped)', 'p50 ms', 'p99 ms', 'max ms'], rows, {
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
    });

    // A common last name (the scope's index walked), a common full name (its names from SearchName,
    // then their submissions by name), and a full name with a two-letter word whose pair nobody has,
    // the slowest search before the full name was one trigram condition (every submission walked).
    const planned = views.flatMap((view) => ['santos', 'Maria Santos', 'Edna Sy'].map((search) => [...view, search] as const));
    for (const [viewLabel, actorId, query, search] of planned) {
      await services.listDashboard(actorId, { ...query, search, pageSize: 10 });
      // As the service runs a search: in a transaction without whole-table scans, joins as written.
      await database.sql.exec(`BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL join_collapse_limit = 1;`);
      const plan = await database.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${last.text}`, last.params);
      await database.sql.exec('COMMIT;');
      const lines = plan.map((r) => r['QUERY PLAN']);
      const indexes = new Set(
        lines.flatMap((l) =>
          [...l.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) "?(\w+)"?/g)].map((m) => m[1]),
        ),
      );
      const seq = lines.filter((l) => /Seq Scan on "?(Submission|Candidate)"?/.test(l));
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS), search “${search}”, ${viewLabel}:`);
      console.log(lines.join('\n'));
      console.log(
        `→ indexes: ${[...indexes].join(', ')}; ${seq.length ? 'Seq Scan on a large table PRESENT' : 'no Seq Scan on Submission or Candidate'}`,
      );
    }
    const ok = worstP99 < BUDGET_P99_MS;
    console.log(`\nWorst p99: ${formatMs(worstP99)} ms — ${ok ? 'within' : 'OVER'} the ${BUDGET_P99_MS} ms budget.`);
    if (!ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
