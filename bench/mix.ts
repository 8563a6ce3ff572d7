/**
 * `npm run bench:mix` — issue 18 (DESIGN §6 on real traffic): the realistic message mix through
 * each platform's whole path (signed webhook → engine → PostgreSQL → reply at the fake platform
 * API), side by side with the bare echo bot of the same framework and our adapter with a stub
 * engine, in rounds, as bench:telegram, bench:teams and bench:slack do (support/webhook-bench.ts),
 * while a recruiter relays comments through the REST API.
 *
 * The app's database is seeded first with 100,000 candidates over 50 agencies (the time is
 * printed, by a child that then exits). The app is then the production process, as `npm start`
 * runs it (plain node on dist/ with its flags), so its CPU and RSS columns are the deployed ones. Every agency admin and user of those agencies (300 people) has a chat identity and
 * runs a whole script, over and over, each starting at a different step: the submission wizard to
 * a confirmed submission (Teams: the one-card form; Slack: the form button, then the modal) whose
 * phone is new, or one their agency already submitted (PREVIOUSLY_SUBMITTED), or another agency's
 * (DUPLICATE); My Candidates and the next page (a button); a search of My Candidates (users) or
 * the Agency Pool (admins); a candidate's profile; the Comment button and the comment; help. The
 * bare echo and the stub get the same kinds of request from scripts of their own.
 *
 * Slack's payloads are Slack's own, signed with the v0 signature: DM `message` events in an
 * `event_callback`, `block_actions` for button presses, `view_submission` for the modal. Its
 * webhook answers before the work (Slack's 3 s rule), so on Slack latency is reply-side, as in
 * bench:slack: from posting a message to the arrival of its reply at the fake Web API
 * (chat.postMessage, chat.update, views.open), which runs in this process; people send their next
 * message only after it, and the maximum throughput counts messages whose replies are in
 * (support/mix-slack.ts). The bare Bolt echo answers presses and modals with one message too.
 *
 * BENCH_PLATFORMS (default `telegram,teams,slack`), BENCH_ROUNDS, BENCH_SECONDS as in the platform
 * benches; BENCH_DATABASE_URL names the PostgreSQL server.
 */
import path from 'node:path';
import { Client } from 'pg';
import { seedBenchApp } from './support/mix-app';
import { startProductionApp } from './support/bench-app';
import { BENCH_SERVER_URL, dropDatabase } from './support/bench-database';
import { startChild, stopChild, type Child } from './support/child-process';
import { LAST_NAMES, FIRST_NAMES } from './support/seed-candidates';
import { printTable } from './support/table';
import { runWebhookBench, type TargetRole, type WebhookBenchVerdict } from './support/webhook-bench';
import {
  identityOf,
  MIX_SEED,
  PEOPLE,
  personOf,
  slackDmOf,
  slackUserOf,
  type MixPlatform,
  type Step,
} from './support/mix-people';
import { SLACK_WHO, slackBody, slackHeaders, slackReplyClock } from './support/mix-slack';

const role = process.argv.includes('--role') ? process.argv[process.argv.indexOf('--role') + 1] : undefined;
const arg = (name: string) => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? '') : '');

const RELAY_PER_S = 5;
/** Each run's own databases (the parent's pid), so two runs on one server never drop each other's. */
const benchDb = (platform: MixPlatform, run = process.pid) => `endorse_bench_mix_${platform}_${run}`;

// ---- the scripts ------------------------------------------------------------------------------

export interface Known {
  /** Seeded candidates by agency index (1-based): phone, and ref with who submitted it. */
  byAgency: Map<number, { phone: string; ref: number; submittedById: string }[]>;
  campaignIds: string[];
}

interface Sim {
  k: number;
  step: number;
  loop: number;
  busy: boolean;
}

let uniquePhone = 0;
const OUTCOME_PLAN = ['new', 'new', 'new', 'new', 'new', 'new', 'previous', 'previous', 'duplicate', 'duplicate'] as const;

/** The next submission's person: new, or a phone the agency (or another) already submitted. */
function draft(k: number, loop: number, known: Known) {
  const { agency } = personOf(k);
  const plan = OUTCOME_PLAN[(k + loop * 3) % OUTCOME_PLAN.length] as (typeof OUTCOME_PLAN)[number];
  const first = FIRST_NAMES[(k + loop) % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[(k * 7 + loop) % LAST_NAMES.length] as string;
  const n = ++uniquePhone;
  let phone = `+63928${String((k * 100_003 + n * 7) % 10_000_000).padStart(7, '0')}`;
  const from = plan === 'previous' ? agency : plan === 'duplicate' ? 1 + (agency % 50) : 0;
  const pool = known.byAgency.get(from) ?? [];
  if (from > 0 && pool.length > 0) phone = (pool[(n * 31) % pool.length] as { phone: string }).phone;
  return { first, last, phone, email: `mix.${k}.${n}.${plan}@bench.example`, plan };
}

/**
 * One pass of person k's script: the forms variant on platforms that render forms; with `modal`
 * (Slack), a form asked for in a message comes as a button that opens it, pressed first.
 */
export function script(k: number, loop: number, known: Known, forms: boolean, modal = false): Step[] {
  const { agency, admin, userId } = personOf(k);
  const d = draft(k, loop, known);
  const campaignId = known.campaignIds[(k + loop) % known.campaignIds.length] as string;
  const theirs = (known.byAgency.get(agency) ?? []).filter((c) => admin || c.submittedById === userId);
  const ref = theirs.length > 0 ? (theirs[(loop * 13 + k) % theirs.length] as { ref: number }).ref : 1;
  const search = loop % 2 === 0 ? (LAST_NAMES[(k + loop) % LAST_NAMES.length] as string).slice(0, 5).toLowerCase() : d.first;
  const wizard: Step[] = forms
    ? [
        { kind: 'text', text: 'submit', label: modal ? 'submit (form button)' : 'submit (form)' },
        ...(modal ? [{ kind: 'action' as const, actionId: 'submit', label: 'form button (opens the modal)' }] : []),
        {
          kind: 'form',
          label: `${modal ? 'modal' : 'form'} (${d.plan})`,
          values: {
            formId: 'submission',
            firstName: d.first,
            lastName: d.last,
            phone: d.phone,
            email: d.email,
            campaign: campaignId,
          },
        },
        { kind: 'action', actionId: 'wiz:confirm', label: 'confirm button' },
      ]
    : [
        { kind: 'text', text: 'submit', label: 'submit' },
        { kind: 'text', text: `${d.first} ${d.last}`, label: 'name' },
        { kind: 'text', text: d.phone, label: `phone (${d.plan})` },
        { kind: 'text', text: d.email, label: 'email' },
        { kind: 'action', actionId: 'wiz:campaign', value: campaignId, label: 'campaign button' },
        { kind: 'action', actionId: 'wiz:skip', label: 'skip resume button' },
        { kind: 'action', actionId: 'wiz:confirm', label: 'confirm button' },
      ];
  return [
    ...wizard,
    { kind: 'text', text: 'candidates', label: 'My Candidates' },
    { kind: 'action', actionId: 'page', value: '2', label: 'next page button' },
    admin
      ? { kind: 'text', text: `pool ${search}`, label: 'Agency Pool search' }
      : { kind: 'text', text: `candidates ${search}`, label: 'My Candidates search' },
    { kind: 'text', text: `candidate C-${ref}`, label: 'profile' },
    { kind: 'action', actionId: 'comment', value: String(ref), label: 'comment button' },
    { kind: 'text', text: `Called on ${new Date().toISOString().slice(0, 10)}, available Monday.`, label: 'comment text' },
    { kind: 'text', text: 'help', label: 'help' },
  ];
}

/**
 * Scripted people for one target: round-robin, each starting at a different step of its script;
 * a person whose last message is not answered yet is skipped (people wait for the bot).
 */
function scriptedPeople(known: Known, forms: boolean, modal: boolean, sent?: Map<string, number>) {
  const length = script(0, 0, known, forms, modal).length;
  const sims: Sim[] = Array.from({ length: PEOPLE }, (_, k) => ({ k, step: k % length, loop: 0, busy: false }));
  let next = 0;
  const pick = (): Sim => {
    for (let tries = 0; tries < sims.length; tries++) {
      const sim = sims[next++ % sims.length] as Sim;
      if (!sim.busy) return sim;
    }
    return sims[next++ % sims.length] as Sim;
  };
  return (): { k: number; step: Step; done: () => void } => {
    const sim = pick();
    sim.busy = true;
    const steps = script(sim.k, sim.loop, known, forms, modal);
    const step = steps[sim.step] as Step;
    sim.step++;
    if (sim.step >= steps.length) {
      sim.step = 0;
      sim.loop++;
    }
    if (sent) sent.set(step.label, (sent.get(step.label) ?? 0) + 1);
    return { k: sim.k, step, done: () => void (sim.busy = false) };
  };
}

// ---- wire formats -----------------------------------------------------------------------------

let updateId = 1;
function telegramBody(k: number, step: Step): string {
  const id = updateId++;
  const chatId = Number(identityOf('telegram', k).platformUserId);
  const from = { id: chatId, is_bot: false, first_name: 'Mix', last_name: `User ${k}`, language_code: 'en' };
  const chat = { id: chatId, first_name: 'Mix', type: 'private' };
  if (step.kind === 'action') {
    return JSON.stringify({
      update_id: id,
      callback_query: {
        id: String(id),
        from,
        chat_instance: String(chatId),
        message: { message_id: id, chat, date: Math.floor(Date.now() / 1000), text: '…' },
        data: step.value === undefined ? step.actionId : `${step.actionId} ${step.value}`,
      },
    });
  }
  const text = step.kind === 'text' ? step.text : '';
  return JSON.stringify({ update_id: id, message: { message_id: id, from, chat, date: Math.floor(Date.now() / 1000), text } });
}

let activityId = 1;
function teamsBody(k: number, step: Step, serviceUrl: string): string {
  const n = activityId++;
  const who = identityOf('teams', k);
  const user = who.teams;
  const base = {
    type: 'message',
    id: String(1_800_000_000_000 + n),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.id, name: `Mix User ${k}`, aadObjectId: user.aadObjectId },
    recipient: MIX_SEED.teamsBot,
    conversation: { conversationType: 'personal', id: user.conversationId, tenantId: MIX_SEED.tenant },
    channelData: { tenant: { id: MIX_SEED.tenant } },
    locale: 'en-US',
  };
  if (step.kind === 'text') return JSON.stringify({ ...base, text: step.text });
  const value = step.kind === 'action' ? { actionId: step.actionId, ...(step.value ? { value: step.value } : {}) } : step.values;
  return JSON.stringify({ ...base, value });
}

// ---- the seeding child -------------------------------------------------------------------------

async function runSeeding(platform: MixPlatform, api: string): Promise<void> {
  await seedBenchApp(platform, benchDb(platform, Number(arg('--run'))), api);
}

// ---- parent ------------------------------------------------------------------------------------

const PLATFORM_SCRIPTS: Record<MixPlatform, string> = {
  telegram: path.join(__dirname, 'telegram.ts'),
  teams: path.join(__dirname, 'teams.ts'),
  slack: path.join(__dirname, 'slack.ts'),
};

/** How each platform bench starts its bare echo and its stub-engine adapter, given the fake API. */
const CHILD_ARGS: Record<MixPlatform, (api: string) => { bare: string[]; stub: string[] }> = {
  telegram: (api) => ({ bare: ['--role', 'bare', '--api', api], stub: ['--role', 'adapter', '--api', api] }),
  teams: () => ({ bare: ['--role', 'bare'], stub: ['--role', 'stub'] }),
  slack: (api) => ({ bare: ['--role', 'bare', '--api', api], stub: ['--role', 'adapter', '--api', api] }),
};

const BARE_NAMES: Record<MixPlatform, string> = {
  telegram: 'bare grammY echo',
  teams: 'bare botbuilder echo',
  slack: 'bare Bolt echo',
};

/**
 * A sample of the seeded candidates (phone, reference, agency, submitter) and the campaigns, for the
 * scripts to resubmit and open. `repeatable`: the same sample every run (bench:pg-cost compares runs).
 */
export async function knownCandidates(url: string, options: { repeatable?: number } = {}): Promise<Known> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const repeatable = options.repeatable === undefined ? '' : ` REPEATABLE (${Number(options.repeatable)})`;
    const rows = await client.query<{ phone: string; ref: number; agencyId: string; submittedById: string }>(
      `SELECT "phone", "ref", "agencyId", "submittedById" FROM "Candidate" TABLESAMPLE SYSTEM (20)${repeatable} LIMIT 20000`,
    );
    const byAgency = new Map<number, { phone: string; ref: number; submittedById: string }[]>();
    for (const r of rows.rows) {
      const a = Number(r.agencyId.replace('agency-', ''));
      byAgency.set(a, [...(byAgency.get(a) ?? []), { phone: r.phone, ref: r.ref, submittedById: r.submittedById }]);
    }
    const campaigns = await client.query<{ id: string }>(`SELECT "id" FROM "Campaign" ORDER BY "id"`);
    return { byAgency, campaignIds: campaigns.rows.map((c) => c.id) };
  } finally {
    await client.end();
  }
}

/** The recruiter comments on random seeded candidates through the REST API until stopped. */
function relayComments(port: number, apiKey: string, known: Known) {
  const refs = [...known.byAgency.values()].flat().map((c) => c.ref);
  let stopped = false;
  const counts = { sent: 0, ok: 0, failed: 0 };
  const loop = (async () => {
    while (!stopped) {
      const ref = refs[Math.floor(Math.random() * refs.length)] ?? 1;
      counts.sent++;
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/candidates/C-${ref}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Please confirm the candidate’s availability for an interview this week.' }),
      }).catch(() => null);
      if (response?.ok) counts.ok++;
      else counts.failed++;
      await response?.arrayBuffer().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1000 / RELAY_PER_S));
    }
  })();
  return {
    counts,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

async function replyCounter(platform: MixPlatform, fakeUrl: string): Promise<number> {
  const url = platform === 'teams' ? `${fakeUrl}_counts` : `${fakeUrl.replace(/\/api\/$/, '')}/_counts`;
  const counts = (await (await fetch(url)).json()) as Record<string, number>;
  if (platform === 'slack') return (counts['chat.postMessage'] ?? 0) + (counts['chat.update'] ?? 0) + (counts['views.open'] ?? 0);
  return (platform === 'telegram' ? counts.sendMessage : counts.POST) ?? 0;
}

/** A platform's webhook as bench:mix speaks to it: the route, the headers, a step's body. */
interface Wire {
  unit: string;
  units: string;
  path: string;
  headers: Record<string, string> | ((body: string) => Record<string, string>);
  encode(target: TargetRole, k: number, step: Step): string;
}

function wireOf(platform: MixPlatform, fakeUrl: string, triggers: Map<string, string>): Wire {
  switch (platform) {
    case 'telegram':
      return {
        unit: 'update',
        units: 'updates',
        path: '/telegram/webhook',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': MIX_SEED.telegramSecret },
        encode: (_target, k, step) => telegramBody(k, step),
      };
    case 'teams':
      return {
        unit: 'activity',
        units: 'activities',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        encode: (_target, k, step) => teamsBody(k, step, fakeUrl),
      };
    case 'slack':
      return {
        unit: 'message',
        units: 'messages',
        path: '/slack/events',
        headers: slackHeaders,
        encode: (target, k, step) => slackBody(k, step, SLACK_WHO[target], triggers),
      };
  }
}

async function benchPlatform(platform: MixPlatform): Promise<{ verdict: WebhookBenchVerdict; seedMs: number }> {
  const other = PLATFORM_SCRIPTS[platform];
  const children: Child[] = [];
  let profiled: Child | undefined;
  // Slack's replies are timed where they arrive, so its fake Web API runs here (as in bench:slack).
  const clock = platform === 'slack' ? slackReplyClock() : null;
  const slackFake = clock
    ? await (await import('../test/e2e/support/fake-slack-api')).startFakeSlackApi({ onCall: clock.onCall })
    : null;
  try {
    let fakeUrl: string;
    if (slackFake) {
      slackFake.setRecording(false);
      slackFake.addToken(MIX_SEED.slackToken, MIX_SEED.slackTeam);
      fakeUrl = slackFake.apiUrl;
    } else {
      const fake = await startChild(other, ['--role', 'fake']);
      children.push(fake);
      fakeUrl = String(fake.info.url);
    }
    const args = CHILD_ARGS[platform](fakeUrl);
    const bare = await startChild(other, args.bare);
    children.push(bare);
    const stub = await startChild(other, args.stub);
    children.push(stub);
    console.error(`${platform}: seeding the app's database…`);
    const seeding = await startChild(__filename, [
      '--role',
      'seed',
      '--platform',
      platform,
      '--api',
      fakeUrl,
      '--run',
      String(process.pid),
    ]);
    await new Promise((resolve) => (seeding.process.exitCode !== null ? resolve(null) : seeding.process.once('exit', resolve)));
    const seedMs = Number(seeding.info.seedMs);
    // The app under test is the production process (plain node on dist/, npm start's flags), whose
    // memory DESIGN §6 budgets; the bare echo and the stub are the platform benches' own children.
    // BENCH_CPU_PROF=<dir> writes a CPU profile of our app's process there (where the time goes).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const app = await startProductionApp(seeding.info.env as Record<string, string>, profile);
    children.push(app);
    profiled = app;
    console.log(
      `\n${platform}: seeded 100,000 candidates over 50 agencies (and their submissions, ${PEOPLE} chat identities) in ${(seedMs / 1000).toFixed(1)} s`,
    );
    const dbUrl = new URL(BENCH_SERVER_URL);
    dbUrl.pathname = `/${benchDb(platform)}`;
    const known = await knownCandidates(dbUrl.toString());
    const forms = platform !== 'telegram';
    const modal = platform === 'slack';
    const sent = new Map<string, number>();
    const people: Record<TargetRole, ReturnType<typeof scriptedPeople>> = {
      bare: scriptedPeople(known, forms, modal),
      app: scriptedPeople(known, forms, modal, sent),
      stub: scriptedPeople(known, forms, modal),
    };
    const wire = wireOf(platform, fakeUrl, clock?.triggers ?? new Map());
    const waiting = new Map<string, () => void>();
    const body = (target: TargetRole) => {
      const { k, step, done } = people[target]();
      const sent = wire.encode(target, k, step);
      // Answer-side, a person is free again at the HTTP answer; reply-side, when the reply is in.
      if (clock) clock.expect(slackDmOf(slackUserOf(k, SLACK_WHO[target])), sent, done);
      else waiting.set(sent, done);
      return sent;
    };
    const answered = (_target: TargetRole, sent: string) => {
      waiting.get(sent)?.();
      waiting.delete(sent);
    };
    const relay = relayComments(Number(app.info.port), String(seeding.info.apiKey), known);
    const verdict = await runWebhookBench(
      {
        name: `mix (${platform})`,
        note: `${PEOPLE} people running whole scripts, a recruiter relaying ${RELAY_PER_S} comments/s through the REST API`,
        unit: wire.unit,
        units: wire.units,
        path: wire.path,
        headers: wire.headers,
        body,
        ...(clock ? { settled: (_target: TargetRole, sent: string) => clock.settled(sent) } : { answered }),
        replyCount: () => replyCounter(platform, fakeUrl),
      },
      {
        bare: { name: BARE_NAMES[platform], child: bare },
        app: { name: 'Endorse on the mix (PostgreSQL)', child: app },
        stub: { name: 'our adapter, stub engine', child: stub },
      },
    );
    await relay.stop();
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    console.log(`\nThe mix sent to Endorse (${platform}, ${total} messages, warm-up included):`);
    printTable(
      ['message', 'n', 'share'],
      [...sent].map(([label, n]) => [label, n, `${((n / total) * 100).toFixed(1)} %`]),
      { align: ['left', 'right', 'right'] },
    );
    const outcomes = await submissionOutcomes(platform);
    console.log(
      `Submissions recorded during the run: ${outcomes}; recruiter comments through the API: ${relay.counts.ok} answered 2xx, ${relay.counts.failed} not.`,
    );
    if (clock)
      console.log(
        `Slack Web API calls, all targets, warm-up included: ${clock.counts.replies} replies matched to the message they answer, ${Object.values(clock.counts.unexpected).reduce((a, b) => a + b, 0)} with no message awaiting one (a step answered twice, or after its 10 s: bare ${clock.counts.unexpected.BARE}, Endorse ${clock.counts.unexpected.MIX}, stub ${clock.counts.unexpected.STUB}), ${clock.counts.notifications} notifications (relayed comments).`,
      );
    return { verdict, seedMs };
  } finally {
    // The app's CPU profile (BENCH_CPU_PROF) is written as it exits: it was killed mid-write at 10 s.
    const grace = (c: Child) => (process.env.BENCH_CPU_PROF && c === profiled ? 90_000 : 10_000);
    await Promise.all(children.reverse().map((c) => stopChild(c, grace(c))));
    await slackFake?.close();
    await dropDatabase(benchDb(platform));
  }
}

async function submissionOutcomes(platform: MixPlatform): Promise<string> {
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${benchDb(platform)}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const rows = await client.query<{ outcome: string; n: string }>(
      `SELECT "outcome"::text AS "outcome", count(*) AS "n" FROM "Submission" WHERE "id" NOT LIKE 'sub-%' GROUP BY 1 ORDER BY 1`,
    );
    const blocked = await client.query<{ n: string }>(
      `SELECT count(*) AS "n" FROM "AuditLog" WHERE "action" = 'submission.blocked'`,
    );
    return [...rows.rows.map((r) => `${r.outcome} ${r.n}`), `BLOCKED ${blocked.rows[0]?.n ?? 0}`].join(', ');
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const platforms = (process.env.BENCH_PLATFORMS ?? 'telegram,teams,slack').split(',').map((p) => p.trim()) as MixPlatform[];
  const verdicts: [string, WebhookBenchVerdict][] = [];
  for (const platform of platforms) {
    if (!(platform in PLATFORM_SCRIPTS))
      throw new Error(`BENCH_PLATFORMS: ${platform} is not one of ${Object.keys(PLATFORM_SCRIPTS).join(', ')}`);
    const { verdict } = await benchPlatform(platform);
    verdicts.push([platform, verdict]);
  }
  console.log('\nbench:mix verdicts (median ratio of the rounds; budget p99 ≤ 2× the bare echo, throughput ≥ 50 %):');
  printTable(
    ['platform', 'p99 ratio', 'throughput ratio', 'verdict'],
    verdicts.map(([p, v]) => [
      p,
      `${v.p99Ratio.toFixed(2)}×`,
      `${(v.throughputRatio * 100).toFixed(0)} %`,
      v.within ? 'within' : 'OVER',
    ]),
    { align: ['left', 'right', 'right', 'left'] },
  );
}

if (require.main !== module) {
  // Imported (a check of the scripts): nothing runs.
} else if (role === 'seed') {
  runSeeding(arg('--platform') as MixPlatform, arg('--api')).then(
    // Once the READY line is out: the parent reads it from the pipe.
    () => process.stdout.write('', () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
