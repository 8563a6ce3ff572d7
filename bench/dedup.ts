/**
 * `npm run bench:dedup` — the duplicate check against 1,000,000 candidates (ISSUE 2, must-show 6;
 * DESIGN §6: duplicate check p99 < 5 ms, index only, no scan).
 *
 *   npm run bench:dedup                      # drop + create `endorse_bench`, seed 1,000,000, measure
 *   npm run bench:dedup -- --count 50000     # a quick run
 *   npm run bench:dedup -- --keep            # reuse the seeded database when its count matches
 *
 * BENCH_DATABASE_URL names the server (default postgresql://postgres@127.0.0.1:5432/postgres); the
 * benchmark works in its own database `endorse_bench` on that server, migrated by src/db/migrate.ts.
 *
 * What is measured (after warm-up), each sample with performance.now():
 *  (a) the duplicate-check query as the service runs it: the same Prisma call on the same client,
 *      inside an interactive transaction, for keys that match (in window), keys that exist only
 *      outside the window, and keys that do not exist;
 *  (b) a whole submission through createServices(deps).submitCandidate: actor and campaign lookups,
 *      the transaction with its advisory locks, the rule, the check and the writes;
 * then EXPLAIN (ANALYZE, BUFFERS) of the check, asserting index use and no sequential scan.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { openDatabase, type Database, type Db } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { DEFAULT_DUPLICATE_RULE, windowStart } from '../src/domain/duplicates';
import { createLogger } from '../src/logger';
import { createServices, type ServiceDeps } from '../src/services';
import { findMatches, matchParams, matchStatement } from '../src/services/duplicate-check';
import type { SqlDriver } from '../src/db/sql-runner';
import type { SubmitCandidateInput } from '../src/services/submissions';
import { summarize, type Summary } from './support/stats';
import { formatMs, printTable } from './support/table';
import { BENCH_SERVER_URL, recreateDatabase } from './support/bench-database';

const BENCH_DB = 'endorse_bench';
const CHECK_SAMPLES = 2000;
const CHECK_WARMUP = 300;
const SUBMIT_SAMPLES = 500;
const SUBMIT_WARMUP = 40;
const CHECK_BUDGET_P99_MS = 5;
const SEED_CHUNK = 250_000;
const AGENCY_COUNT = 5;
const USERS_PER_AGENCY = 2;
const INDEXES = [
  'Candidate_phone_submittedAt_idx',
  'Candidate_emailKey_submittedAt_idx',
  'ExternalCandidate_phone_supersededAt_registeredAt_id_idx',
  'ExternalCandidate_emailKey_supersededAt_registeredAt_id_idx',
] as const;
const CANDIDATE_INDEXES = INDEXES.filter((name) => name.startsWith('Candidate_'));

// ---------------------------------------------------------------------------------------------
// Arguments and small helpers

interface Options {
  count: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { count: 1_000_000, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--count' || arg?.startsWith('--count=')) {
      const value = arg === '--count' ? argv[++i] : arg.slice('--count='.length);
      const count = Number(value);
      // Seeded phones are +63917 followed by 7 digits: at most 9,999,999 distinct ones.
      if (!Number.isInteger(count) || count < 1000 || count > 9_999_999) {
        throw new Error(`--count must be an integer from 1000 to 9999999, got ${String(value)}`);
      }
      options.count = count;
    } else {
      throw new Error(`Unknown argument ${String(arg)}. Usage: bench/dedup.ts [--count N] [--keep]`);
    }
  }
  return options;
}

const log = (message: string): void => console.log(message);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const fmtInt = (n: number): string => n.toLocaleString('en-US');
const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;
/** A parenthesized text[] literal, so it can be subscripted: (ARRAY['a', 'b'])[i]. */
const sqlArray = (values: readonly string[]): string => `(ARRAY[${values.map(lit).join(', ')}])`;

/** Deterministic PRNG (mulberry32) so two runs draw comparable keys and mixes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261124);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

function benchUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

// ---------------------------------------------------------------------------------------------
// Database, reference rows, seed

async function databaseExists(serverUrl: string): Promise<boolean> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const result = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB]);
    return result.rowCount === 1;
  } finally {
    await admin.end();
  }
}

interface Reference {
  agencyIds: string[];
  /** usersByAgency[a] are the AGENCY_USER ids of agencyIds[a]. */
  usersByAgency: string[][];
  campaignId: string;
  /** A campaign whose own rule blocks cross-agency matches: submissions to it come back BLOCKED. */
  blockingCampaignId: string;
}

/** Agencies, their users and two campaigns; idempotent (upserts by unique name), so --keep reuses them. */
async function ensureReference(prisma: Db): Promise<Reference> {
  const agencyNames = ['Manila Staffing', 'Cebu Talent', 'Davao Recruiters', 'Luzon Careers', 'Visayas Workforce'];
  const agencyIds: string[] = [];
  const usersByAgency: string[][] = [];
  for (const [a, name] of agencyNames.slice(0, AGENCY_COUNT).entries()) {
    const agency = await prisma.agency.upsert({
      where: { name },
      create: { name, country: 'PH' },
      update: {},
      select: { id: true },
    });
    agencyIds.push(agency.id);
    const users: string[] = [];
    for (let u = 0; u < USERS_PER_AGENCY; u++) {
      const email = `bench.user${u + 1}.agency${a + 1}@example.com`;
      const user = await prisma.user.upsert({
        where: { email },
        create: { email, name: `Bench User ${u + 1} (${name})`, role: 'AGENCY_USER', status: 'ACTIVE', agencyId: agency.id },
        update: {},
        select: { id: true },
      });
      users.push(user.id);
    }
    usersByAgency.push(users);
  }
  const campaign = await prisma.campaign.upsert({
    where: { name: 'Bench: Customer Service Representatives' },
    create: { name: 'Bench: Customer Service Representatives' },
    update: {},
    select: { id: true },
  });
  const blocking = await prisma.campaign.upsert({
    where: { name: 'Bench: Exclusive Night Shift' },
    create: { name: 'Bench: Exclusive Night Shift' },
    update: {},
    select: { id: true },
  });
  await prisma.duplicateRule.upsert({
    where: { scope: blocking.id },
    create: { scope: blocking.id, campaignId: blocking.id, crossAgency: 'BLOCK' },
    update: { crossAgency: 'BLOCK' },
  });
  return { agencyIds, usersByAgency, campaignId: campaign.id, blockingCampaignId: blocking.id };
}

const FIRST_NAMES = [
  'Maria',
  'Jose',
  'Juan',
  'Ana',
  'Mark',
  'Angelica',
  'John Paul',
  'Kristine',
  'Michael',
  'Princess',
  'Jerome',
  'Mary Grace',
  'Christian',
  'Jasmine',
  'Rodel',
  'Lovely',
  'Carlo',
  'Rhea',
  'Joshua',
  'Camille',
];
const LAST_NAMES = [
  'Santos',
  'Reyes',
  'Cruz',
  'Bautista',
  'Ocampo',
  'Garcia',
  'Mendoza',
  'Torres',
  'Tomas',
  'Andrada',
  'Castillo',
  'Flores',
  'Villanueva',
  'Ramos',
  'Castro',
  'Rivera',
  'Aquino',
  'Navarro',
  'Salazar',
  'Mercado',
];
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'ymail.com'];

/**
 * Candidate n (1..count): phone +63917 followed by n on 7 digits (distinct, valid E.164 PH mobile),
 * email first.last.n@domain (distinct), agency n mod 5, channel n mod 4, submittedAt rising with n
 * over the last 12 months (as rows arrive over time) with up to an hour of jitter, so about half the
 * table lies inside the default 6-month window. Candidates only: the duplicate check reads nothing
 * else, and the dashboards are not measured here.
 */
function seedChunkSql(ref: Reference, from: number, to: number, count: number): string {
  const users = ref.usersByAgency.flat();
  return `
INSERT INTO "Candidate" ("id", "firstName", "lastName", "phone", "email", "channel", "agencyId", "submittedById",
                         "campaignId", "stage", "submittedAt", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, f.first, f.last, '+63917' || lpad(n::text, 7, '0'),
       lower(replace(f.first, ' ', '')) || '.' || lower(f.last) || '.' || n || '@' || f.domain,
       (ARRAY['WEB', 'TELEGRAM', 'SLACK', 'TEAMS']::"Platform"[])[1 + n % 4],
       f.agencies[1 + n % ${AGENCY_COUNT}],
       f.users[1 + (n % ${AGENCY_COUNT}) * ${USERS_PER_AGENCY} + (n / ${AGENCY_COUNT}) % ${USERS_PER_AGENCY}],
       ${lit(ref.campaignId)}, 'NEW', t.at, t.at, t.at
FROM generate_series(${from}, ${to}) AS n
CROSS JOIN LATERAL (
  SELECT ${sqlArray(FIRST_NAMES)}[1 + n % ${FIRST_NAMES.length}] AS first,
         ${sqlArray(LAST_NAMES)}[1 + (n / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] AS last,
         ${sqlArray(DOMAINS)}[1 + n % ${DOMAINS.length}] AS domain,
         ${sqlArray(ref.agencyIds)} AS agencies,
         ${sqlArray(users)} AS users
) AS f
CROSS JOIN LATERAL (
  SELECT (now() AT TIME ZONE 'UTC') - interval '365 days'
         + interval '1 second' * (365 * 86400 * (n::float8 / ${count}) - 3600 * random()) AS at
) AS t;`;
}

async function seed(db: Database, ref: Reference, count: number): Promise<void> {
  log(`Seeding ${fmtInt(count)} candidates (INSERT … SELECT FROM generate_series, ${fmtInt(SEED_CHUNK)} rows per statement)…`);
  const [, insertMs] = await timed(async () => {
    for (let from = 1; from <= count; from += SEED_CHUNK) {
      const to = Math.min(count, from + SEED_CHUNK - 1);
      const [, ms] = await timed(() => db.sql.exec(seedChunkSql(ref, from, to, count)));
      log(`  rows ${fmtInt(from)}–${fmtInt(to)}: ${seconds(ms)}`);
    }
  });
  // VACUUM as well as ANALYZE: autovacuum would otherwise start on the fresh rows in the middle of
  // the measurements; a table in service has been vacuumed anyway.
  const [, vacuumMs] = await timed(() => db.sql.exec('VACUUM (ANALYZE) "Candidate";'));
  log(`Seeded ${fmtInt(count)} candidates in ${seconds(insertMs)} (insert, with all indexes and foreign keys in place)`);
  log(`  + VACUUM (ANALYZE) in ${seconds(vacuumMs)} → ${seconds(insertMs + vacuumMs)} in all`);
}

/** Removes what earlier measurement runs wrote (submissions, blocked-audit rows, ADDED candidates). */
async function removeRunRows(db: Database, count: number): Promise<void> {
  await db.sql.exec('DELETE FROM "Submission";');
  await db.sql.exec(`DELETE FROM "AuditLog" WHERE "action" = 'submission.blocked';`);
  await db.sql.exec(`DELETE FROM "Candidate" WHERE "ref" > ${count};`);
}

async function seededCount(db: Database): Promise<number> {
  const rows = await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM "Candidate"');
  return Number(rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Keys to look up

interface Key {
  phone: string;
  email: string;
  agencyId: string;
}

async function sampleKeys(db: Database, where: string, params: unknown[], n: number): Promise<Key[]> {
  return db.sql.query<Key & Record<string, unknown>>(
    `SELECT "phone", "emailKey" AS "email", "agencyId" FROM "Candidate" WHERE ${where} ORDER BY random() LIMIT ${n}`,
    params,
  );
}

/** Keys no candidate has: a mobile prefix never seeded, and an unused domain. */
function absentKeys(n: number, prefix: string, label: string): Key[] {
  const seen = new Set<string>();
  const keys: Key[] = [];
  while (keys.length < n) {
    const digits = String(Math.floor(random() * 1e7)).padStart(7, '0');
    if (seen.has(digits)) continue;
    seen.add(digits);
    keys.push({ phone: `${prefix}${digits}`, email: `${label}.${digits}@example.net`, agencyId: '' });
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// (a) The duplicate check

/**
 * The duplicate check exactly as submitCandidate runs it: `findMatches` from the service, inside a
 * driver transaction, with the default rule (EITHER key, 6-month window). Only it is timed.
 */
async function timedDuplicateCheck(driver: SqlDriver, key: Key, now: Date): Promise<{ ms: number; rows: number }> {
  return driver.transaction(async (tx) => {
    const start = performance.now();
    const candidates = await findMatches(tx, { key, rule: DEFAULT_DUPLICATE_RULE, agencyId: key.agencyId, now });
    return { ms: performance.now() - start, rows: candidates.candidates.length + candidates.applicants.length };
  });
}

/**
 * The same statement straight through node-postgres (hand-written SQL, no Prisma, no transaction),
 * to show how much of the check is the database and how much the client.
 */
async function measureRawChecks(db: Database, keys: readonly Key[], label: string): Promise<Measured> {
  const samples: number[] = [];
  for (const key of keys) {
    const since = utcTimestamp(windowStart(new Date(), DEFAULT_DUPLICATE_RULE.windowMonths));
    const start = performance.now();
    await db.sql.query(CHECK_SQL, [key.phone, key.email, since, key.agencyId]);
    samples.push(performance.now() - start);
  }
  return { label, summary: summarize(samples), note: 'reference: database + driver only' };
}

interface Measured {
  label: string;
  summary: Summary;
  budgetMs?: number;
  note?: string;
}

async function measureChecks(
  driver: SqlDriver,
  sets: { label: string; keys: Key[]; expectRows: boolean }[],
): Promise<Measured[]> {
  const warm = sets.flatMap((s) => s.keys.slice(0, Math.ceil(CHECK_WARMUP / sets.length)));
  for (const key of warm) await timedDuplicateCheck(driver, key, new Date());
  // Round-robin over the sets, so a burst of noise on this shared machine lands on all of them alike.
  const samples = sets.map((): number[] => []);
  const withRows = sets.map(() => 0);
  const rounds = Math.max(...sets.map((s) => s.keys.length));
  for (let i = 0; i < rounds; i++) {
    for (const [s, set] of sets.entries()) {
      const key = set.keys[i];
      if (!key) continue;
      const { ms, rows } = await timedDuplicateCheck(driver, key, new Date());
      (samples[s] as number[]).push(ms);
      if (rows > 0) withRows[s] = (withRows[s] as number) + 1;
    }
  }
  const results: Measured[] = [];
  for (const [s, set] of sets.entries()) {
    const found = withRows[s] as number;
    const expected = set.expectRows ? set.keys.length : 0;
    if (found !== expected) {
      throw new Error(`${set.label}: ${found} of ${set.keys.length} lookups found a match, expected ${expected}`);
    }
    results.push({
      label: set.label,
      summary: summarize(samples[s] as number[]),
      budgetMs: CHECK_BUDGET_P99_MS,
      note:
        `${found}/${set.keys.length} found a match; ` +
        `${(samples[s] as number[]).filter((ms) => ms >= CHECK_BUDGET_P99_MS).length} took ${CHECK_BUDGET_P99_MS} ms or more`,
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// (b) Whole submissions through the real service

type Plan = { expect: 'ADDED' | 'PREVIOUSLY_SUBMITTED' | 'DUPLICATE' | 'BLOCKED'; userId: string; input: SubmitCandidateInput };

/** 40 % new people, 25 % re-submissions by the same agency, 25 % by another agency, 10 % blocked by a campaign rule. */
function planSubmissions(ref: Reference, n: number, resubmit: Key[], fresh: Key[]): Plan[] {
  const plans: Plan[] = [];
  const channels = ['WEB', 'TELEGRAM', 'SLACK', 'TEAMS'] as const;
  const otherAgency = (agencyId: string): number => {
    const own = ref.agencyIds.indexOf(agencyId);
    return (own + 1 + Math.floor(random() * (AGENCY_COUNT - 1))) % AGENCY_COUNT;
  };
  for (let i = 0; i < n; i++) {
    const slot = i % 20;
    const expect = slot < 8 ? 'ADDED' : slot < 13 ? 'PREVIOUSLY_SUBMITTED' : slot < 18 ? 'DUPLICATE' : 'BLOCKED';
    const key = (expect === 'ADDED' ? fresh : resubmit).pop();
    if (!key) throw new Error('ran out of sampled keys');
    const agency =
      expect === 'ADDED'
        ? Math.floor(random() * AGENCY_COUNT)
        : expect === 'PREVIOUSLY_SUBMITTED'
          ? ref.agencyIds.indexOf(key.agencyId)
          : otherAgency(key.agencyId);
    plans.push({
      expect,
      userId: pick(ref.usersByAgency[agency] as string[]),
      input: {
        firstName: pick(FIRST_NAMES),
        lastName: pick(LAST_NAMES),
        // As a person would type it: the service normalizes to the stored E.164 form.
        phone: `${key.phone.slice(0, 3)} ${key.phone.slice(3, 6)} ${key.phone.slice(6, 9)} ${key.phone.slice(9)}`,
        email: ` ${key.email.toUpperCase()} `,
        campaignId: expect === 'BLOCKED' ? ref.blockingCampaignId : ref.campaignId,
        channel: pick(channels),
      },
    });
  }
  return shuffle(plans);
}

async function measureSubmissions(
  deps: ServiceDeps,
  plans: Plan[],
  warmup: number,
): Promise<{ measured: Measured; outcomes: Map<string, number> }> {
  const services = createServices(deps);
  const samples: number[] = [];
  const outcomes = new Map<string, number>();
  for (const [i, plan] of plans.entries()) {
    const [result, ms] = await timed(() => services.submitCandidate(plan.userId, plan.input));
    if (result.outcome !== plan.expect) {
      throw new Error(`submission ${i}: expected ${plan.expect}, got ${result.outcome}`);
    }
    if (i < warmup) continue;
    samples.push(ms);
    outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
  }
  return { measured: { label: 'submitCandidate (whole, real service)', summary: summarize(samples) }, outcomes };
}

// ---------------------------------------------------------------------------------------------
// Plans

/** The statement findMatches sends (src/services/duplicate-check.ts), with $2 the canonical email and $4 the agency. */
const CHECK_SQL = `(SELECT "id", "ref", "agencyId", "phone", "emailKey" AS "email", "submittedAt" FROM "Candidate"
  WHERE ("phone" = $1 OR "emailKey" = $2) AND "submittedAt" >= $3 AND "agencyId" = $4 ORDER BY "submittedAt" LIMIT 1)
UNION ALL
(SELECT "id", "ref", "agencyId", "phone", "emailKey" AS "email", "submittedAt" FROM "Candidate"
  WHERE ("phone" = $1 OR "emailKey" = $2) AND "submittedAt" >= $3 ORDER BY "submittedAt" LIMIT 1)`;

interface PlanCheck {
  ok: boolean;
  indexes: string[];
  seqScan: boolean;
}

/** The plan uses `expected` (every index of the check by default) and no Seq Scan. */
function checkPlan(lines: readonly string[], expected: readonly string[] = INDEXES): PlanCheck {
  const indexes = new Set<string>();
  let seqScan = false;
  for (const line of lines) {
    const scan = /(?:Bitmap Index Scan|Index Only Scan|Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/.exec(line);
    if (scan?.[1]) indexes.add(scan[1]);
    if (/\bSeq Scan\b/.test(line)) seqScan = true;
  }
  const ok = !seqScan && expected.every((name) => indexes.has(name));
  return { ok, indexes: [...indexes], seqScan };
}

/**
 * A `timestamp(3)` parameter: the UTC wall time, as Prisma stores it. (Prisma sends it as ISO with
 * a trailing Z, which PostgreSQL ignores when the target is `timestamp without time zone`.)
 */
const utcTimestamp = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

async function explain(db: Database, sql: string, params: unknown[]): Promise<string[]> {
  const rows = await db.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']);
}

/** The statement the service itself sends for the check, so the plan shown is the plan of what submissions run. */
function serviceSql(key: Key, now: Date): { sql: string; params: unknown[] } {
  const input = { key, rule: DEFAULT_DUPLICATE_RULE, agencyId: key.agencyId, now };
  return { sql: matchStatement(DEFAULT_DUPLICATE_RULE.matchOn), params: matchParams(input) };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const serverUrl = BENCH_SERVER_URL;
  const url = benchUrl(serverUrl);
  const started = performance.now();
  log(`bench:dedup — ${fmtInt(options.count)} candidates, database ${BENCH_DB} on ${new URL(serverUrl).host}`);
  log(`Load average (1/5/15 min) at start: ${load()} on ${availableParallelism()} cores`);

  let reuse = options.keep && (await databaseExists(serverUrl));
  if (!reuse) await recreateDatabase(BENCH_DB, serverUrl);
  let db = await openDatabase({ databaseUrl: url, dataDir: '', poolMax: 4 });
  try {
    await migrate(db.sql);
    let ref = await ensureReference(db.prisma);
    if (reuse) {
      await removeRunRows(db, options.count);
      const count = await seededCount(db);
      if (count === options.count) log(`--keep: reusing ${fmtInt(count)} seeded candidates (seeding skipped)`);
      else {
        log(`--keep: found ${fmtInt(count)} candidates, not ${fmtInt(options.count)}: re-creating the database`);
        reuse = false;
        await db.close();
        await recreateDatabase(BENCH_DB, serverUrl);
        db = await openDatabase({ databaseUrl: url, dataDir: '', poolMax: 4 });
        await migrate(db.sql);
        ref = await ensureReference(db.prisma);
      }
    }
    if (!reuse) await seed(db, ref, options.count);

    const now = new Date();
    const since = windowStart(now, DEFAULT_DUPLICATE_RULE.windowMonths);
    const sinceParam = utcTimestamp(since);
    // Sampled in SQL (one scan each, not timed): in-window keys match; older ones only exist.
    // A day's margin either side of the window's start, which moves while the bench runs.
    const inWindow = await sampleKeys(
      db,
      `"submittedAt" >= $1::timestamp + interval '1 day'`,
      [sinceParam],
      CHECK_SAMPLES + SUBMIT_SAMPLES * 2,
    );
    const expired = await sampleKeys(db, `"submittedAt" < $1::timestamp - interval '1 day'`, [sinceParam], CHECK_SAMPLES);
    const hits = inWindow.slice(0, CHECK_SAMPLES);
    const resubmit = inWindow.slice(CHECK_SAMPLES);
    const misses = absentKeys(CHECK_SAMPLES, '+63918', 'absent');

    log(`\nDuplicate check (findMatches, as submissions.ts runs it), ${fmtInt(CHECK_WARMUP)} warm-up lookups first…`);
    const checks = await measureChecks(db.driver, [
      { label: 'duplicate check: hit (match in window)', keys: hits, expectRows: true },
      { label: 'duplicate check: miss (key absent)', keys: misses, expectRows: false },
      { label: 'duplicate check: expired (match > 6 months)', keys: expired, expectRows: false },
    ]);
    const raw = await measureRawChecks(db, hits, 'same SQL via node-postgres, hit (reference)');

    log(`Whole submissions through createServices(deps).submitCandidate, ${SUBMIT_WARMUP} warm-up first…`);
    const deps: ServiceDeps = {
      db: db.prisma,
      sql: db.driver,
      logger: createLogger('silent'),
      now: () => new Date(),
      publicUrl: 'http://localhost:3000',
      inviteTtlDays: 7,
    };
    const plans = planSubmissions(ref, SUBMIT_WARMUP + SUBMIT_SAMPLES, resubmit, absentKeys(SUBMIT_SAMPLES, '+63928', 'new'));
    const submissions = await measureSubmissions(deps, plans, SUBMIT_WARMUP);

    // Plans: the hand-written equivalent for a hit and a miss, and the statement Prisma sends.
    const hit = hits[0] as Key;
    const miss = misses[0] as Key;
    const hitPlan = await explain(db, CHECK_SQL, [hit.phone, hit.email, sinceParam, hit.agencyId]);
    const missPlan = await explain(db, CHECK_SQL, [miss.phone, miss.email, sinceParam, miss.agencyId]);
    const prismaSql = serviceSql(hit, now);
    const prismaPlan = await explain(db, prismaSql.sql, prismaSql.params);
    const planChecks = [
      // The reference reads agencies' candidates only (the employer's records came later, issue 19).
      { label: 'hand-written SQL, hit', check: checkPlan(hitPlan, CANDIDATE_INDEXES) },
      { label: 'hand-written SQL, miss', check: checkPlan(missPlan, CANDIDATE_INDEXES) },
      { label: "the service's statement, hit", check: checkPlan(prismaPlan) },
    ];

    await removeRunRows(db, options.count);

    // -------------------------------------------------------------------------------------------
    // Report
    const rows = [...checks, raw, submissions.measured].map((m) => {
      const ok = m.budgetMs === undefined ? '—' : m.summary.p99 < m.budgetMs ? 'yes' : 'NO';
      return [
        m.label,
        fmtInt(m.summary.n),
        formatMs(m.summary.p50),
        formatMs(m.summary.p99),
        formatMs(m.summary.max),
        m.budgetMs === undefined ? '—' : `p99 < ${m.budgetMs} ms`,
        ok,
      ];
    });
    log(
      `\nResults (${fmtInt(options.count)} candidates; latencies in ms, nearest-rank percentiles; load average now ${load()})\n`,
    );
    printTable(['measure', 'n', 'p50 ms', 'p99 ms', 'max ms', 'budget', 'ok'], rows, {
      align: ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
    });
    for (const m of checks) log(`  ${m.label}: ${m.note}`);

    const order = ['ADDED', 'PREVIOUSLY_SUBMITTED', 'DUPLICATE', 'BLOCKED'];
    log(
      `\nSubmission outcomes (measured ${fmtInt(SUBMIT_SAMPLES)}; every one as planned): ` +
        order.map((o) => `${o} ${submissions.outcomes.get(o) ?? 0}`).join(', '),
    );

    log(`\nEXPLAIN (ANALYZE, BUFFERS) of the duplicate check — hit (phone ${hit.phone}, email ${hit.email}):\n`);
    log(CHECK_SQL.replace(/^/gm, '  '));
    log(`  -- $1 = '${hit.phone}', $2 = '${hit.email}', $3 = '${sinceParam}'\n`);
    log(hitPlan.join('\n'));
    log(`\nEXPLAIN (ANALYZE, BUFFERS) — miss (phone ${miss.phone}, email ${miss.email}):\n`);
    log(missPlan.join('\n'));
    log(`\nThe statement the service sends (duplicate-check.ts), params ${JSON.stringify(prismaSql.params)}:\n`);
    log(`  ${prismaSql.sql}\n`);
    log(prismaPlan.join('\n'));

    log('\nIndex use:');
    for (const p of planChecks) {
      log(
        `  ${p.check.ok ? 'OK  ' : 'FAIL'} ${p.label}: indexes ${p.check.indexes.join(', ') || 'none'}; ` +
          `${p.check.seqScan ? 'Seq Scan PRESENT' : 'no Seq Scan'}`,
      );
    }

    const budgetOk = checks.every((m) => m.budgetMs === undefined || m.summary.p99 < m.budgetMs);
    const plansOk = planChecks.every((p) => p.check.ok);
    log(
      `\nVerdict: duplicate check p99 < ${CHECK_BUDGET_P99_MS} ms: ${budgetOk ? 'yes' : 'NO'}; ` +
        `index only, no Seq Scan: ${plansOk ? 'yes' : 'NO'}. Total run ${seconds(performance.now() - started)}.`,
    );
    if (!budgetOk || !plansOk) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
