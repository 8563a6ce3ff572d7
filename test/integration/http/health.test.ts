import type { AddressInfo } from 'node:net';
import { createEndorse, type Endorse } from '../../../src/compose';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

/**
 * Issue 16 (break 7): `/healthz` and `/readyz` answer promptly, with what is wrong, while
 * PostgreSQL or Redis is frozen (a stopped server: connections open, nothing answers) or gone.
 */
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let endorse: Endorse;
let base: string;

beforeAll(async () => {
  const databaseUrl = process.env.TEST_DATABASE_URL as string;
  pgProxy = await startTcpProxy({ port: Number(new URL(databaseUrl).port || 5432) });
  redisProxy = await startTcpProxy({ port: 6379 });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: pgProxy.rewriteUrl(databaseUrl),
    REDIS_URL: redisProxy.rewriteUrl('redis://127.0.0.1:6379'),
    // HTTP only: this process must not take jobs from the shared Redis.
    PROCESS_ROLE: 'web',
    DEMO_SEED: 'off',
    LOG_LEVEL: 'silent',
    SHUTDOWN_IDLE_GRACE_MS: '0',
  });
  endorse = await createEndorse(config, createLogger('silent'));
  const server = await endorse.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  pgProxy.resume();
  pgProxy.restore();
  redisProxy.resume();
  await endorse.stop();
  await Promise.all([pgProxy.close(), redisProxy.close()]);
});

interface Probe {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

/** A probe as an orchestrator makes it: a hang fails it (the abort), a slow answer is reported. */
async function probe(path: '/healthz' | '/readyz'): Promise<Probe> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: performance.now() - started };
}

const timings: Record<string, number[]> = {};
function note(label: string, p: Probe): Probe {
  (timings[label] ??= []).push(Math.round(p.ms));
  return p;
}
afterAll(() => console.log(`health probe times (ms): ${JSON.stringify(timings)}`));

test('healthy: both answer 200', async () => {
  expect(note('healthy', await probe('/healthz'))).toMatchObject({ status: 200, body: { ok: true, database: { ok: true } } });
  expect(await probe('/readyz')).toMatchObject({ status: 200, body: { ready: true, draining: false } });
});

test('a frozen database: 503 within the check limit, every time, and 200 again once it answers', async () => {
  pgProxy.stall();
  for (let i = 0; i < 3; i++) {
    const health = note('db frozen', await probe('/healthz'));
    expect(health).toMatchObject({
      status: 503,
      body: { ok: false, database: { ok: false, detail: 'no answer within 800 ms' } },
    });
    expect(health.body.queue).toMatchObject({ ok: true });
    expect(note('db frozen', await probe('/readyz'))).toMatchObject({
      status: 503,
      body: { ready: false, database: { ok: false } },
    });
  }
  pgProxy.resume();
  expect(note('db back', await probe('/healthz'))).toMatchObject({ status: 200, body: { ok: true } });
});

test('a database that is gone: 503 with the reason, and 200 once it is back', async () => {
  pgProxy.cut();
  const health = note('db cut', await probe('/healthz'));
  expect(health.status).toBe(503);
  expect(health.body.database).toMatchObject({ ok: false, detail: expect.any(String) });
  pgProxy.restore();
  // The pool opens a fresh connection for the next check.
  let back = await probe('/healthz');
  for (let i = 0; i < 20 && back.status !== 200; i++) back = await probe('/healthz');
  expect(back).toMatchObject({ status: 200, body: { ok: true } });
});

test('a frozen Redis: 503 naming the queue, within the limit', async () => {
  redisProxy.stall();
  const health = note('redis frozen', await probe('/healthz'));
  expect(health).toMatchObject({
    status: 503,
    body: { ok: false, database: { ok: true }, queue: { ok: false, backend: 'bull' } },
  });
  redisProxy.resume();
  expect(await probe('/healthz')).toMatchObject({ status: 200 });
});
