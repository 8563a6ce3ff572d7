import { Client } from 'pg';
import { openDatabase, type Database } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { createServices, SYSTEM_ACTOR, type Services } from '../../src/services';
import { startFakeTelegramApi, type FakeTelegramApi } from './support/fake-telegram-api';
import { ensureBuilt, startProductionServer, type ProductionServer } from '../support/production-server';
import { createPostgresDatabase, type OwnDatabase } from '../support/postgres-database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * Issue 16 (break 10): a comment is written, then the process dies (SIGKILL) before its
 * notifications exist. The comment's outbox event committed with it, so after a restart the relay
 * fans it out and the agency user gets the message — once.
 */
const TOKEN = '424242:fake-token-for-the-outbox-test';
const CHAT_ID = 777_001;
let database: OwnDatabase;
let proxy: TcpProxy;
let telegram: FakeTelegramApi;
let direct: Client;
let db: Database | undefined;

beforeAll(async () => {
  ensureBuilt();
  database = await createPostgresDatabase();
  proxy = await startTcpProxy({ port: Number(new URL(database.url).port || 5432) });
  telegram = await startFakeTelegramApi({ token: TOKEN });
  direct = new Client({ connectionString: database.url });
  await direct.connect();
}, 300_000);

afterAll(async () => {
  await direct?.end();
  await db?.close();
  await telegram?.close();
  await proxy?.close();
  await database?.drop();
});

function start(): Promise<ProductionServer> {
  return startProductionServer({
    DATABASE_URL: proxy.rewriteUrl(database.url),
    DEMO_SEED: 'on',
    LOG_LEVEL: 'info',
    SESSION_SECRET: 'outbox-crash-test-secret-0123456789',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: 'outbox-crash-test-webhook-secret',
    TELEGRAM_API_ROOT: telegram.url,
  });
}

/** Resolves once `check` returns a value; polls the database, never a bare clock. */
async function until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function world(services: Services, prisma: Database['prisma']) {
  const uma = await services.findUserId('user@bright.demo');
  const campaigns = await direct.query<{ id: string }>(`SELECT id FROM "Campaign" WHERE status = 'OPEN' ORDER BY name LIMIT 1`);
  const submitted = await services.submitCandidate(uma, {
    firstName: 'Olga',
    lastName: 'Outbox',
    phone: '+639171234567',
    email: 'olga.outbox@example.com',
    campaignId: campaigns.rows[0]?.id as string,
    channel: 'TELEGRAM',
  });
  if (submitted.outcome !== 'ADDED') throw new Error(`expected ADDED, got ${submitted.outcome}`);
  await prisma.chatIdentity.create({
    data: { userId: uma, platform: 'TELEGRAM', workspaceId: '', platformUserId: String(CHAT_ID), address: { chatId: CHAT_ID } },
  });
  const key = await services.createApiKey(SYSTEM_ACTOR, { name: 'ats', scope: 'RECRUITER', userEmail: 'recruiter@demo.endorse' });
  return { ref: submitted.candidateRef, key: key.key };
}

test('SIGKILL between a comment and its notifications → delivered once after the restart', async () => {
  const first = await start();
  db = await openDatabase({ databaseUrl: database.url, dataDir: '' });
  const services = createServices({
    db: db.prisma,
    sql: db.driver,
    logger: createLogger('silent'),
    now: () => new Date(),
    publicUrl: 'http://endorse.test',
    inviteTtlDays: 7,
  });
  const { ref, key } = await world(services, db.prisma);
  const body = `Call her today — ${Date.now()}`;

  // Every database round trip of the server now takes 2 × 150 ms: the window between the
  // comment's commit and its fan-out is wide enough to stop the world in.
  proxy.setLatency(150);
  const posted = fetch(`${first.baseUrl}/api/v1/candidates/C-${ref}/comments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  }).catch((error: Error) => error);
  const commentId = await until(async () => {
    const rows = await direct.query<{ id: string }>(`SELECT id FROM "Comment" WHERE body = $1`, [body]);
    return rows.rows[0]?.id;
  }, 'the comment to commit');
  proxy.stall();
  first.child.kill('SIGKILL');
  const killedAt = performance.now();
  await first.exited;
  // The caller never got an answer: as far as it knows, the comment may be lost.
  expect(String(await posted)).toMatch(/fetch failed/);

  // The crash landed in the window: the comment is there, its notifications are not, its event waits.
  const notifications = await direct.query(`SELECT id FROM "Notification" WHERE payload->>'body' = $1`, [body]);
  expect(notifications.rowCount).toBe(0);
  const outbox = await direct.query<{ processedAt: Date | null }>(
    `SELECT "processedAt" FROM "OutboxEvent" WHERE kind = 'comment.added' AND payload->>'commentId' = $1`,
    [commentId],
  );
  expect(outbox.rows).toEqual([{ processedAt: null }]);

  proxy.resume();
  proxy.setLatency(0);
  const second = await start();
  try {
    const toUma = (calls: { method: string; body: Record<string, unknown> }[]) =>
      calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === CHAT_ID && String(c.body.text).includes(body));
    // The killed process may have held the event's 15 s lease; the relay looks every 5 s.
    await telegram.waitFor((calls) => toUma(calls).length > 0, 40_000);
    const deliveredMs = Math.round(performance.now() - killedAt);
    const rows = await until(async () => {
      const found = await direct.query<{ channel: string; status: string }>(
        `SELECT channel, status FROM "Notification" WHERE payload->>'body' = $1 ORDER BY channel`,
        [body],
      );
      return found.rowCount && found.rows.every((r) => r.status === 'SENT') ? found.rows : undefined;
    }, 'the notifications to be SENT');
    // Uma, who submitted the candidate, in Telegram; her agency's admin, who linked no chat, by email.
    expect(rows).toEqual([
      { channel: 'EMAIL', status: 'SENT' },
      { channel: 'TELEGRAM', status: 'SENT' },
    ]);
    console.log(
      `outbox crash: comment committed, SIGKILL, restart; delivered ${deliveredMs} ms after the kill, ${toUma(telegram.calls).length} message(s)`,
    );
    expect(toUma(telegram.calls)).toHaveLength(1);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
}, 180_000);
