import { ensureBuilt, runCompiledCli, startProductionServer } from '../support/production-server';
import { createPostgresDatabase, type OwnDatabase } from '../support/postgres-database';
import { startSteadyLoad } from '../support/steady-load';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * Issue 16 (break 5): SIGTERM to `npm start` — what a container runtime sends — while a load
 * balancer keeps a steady stream of requests on its kept-alive connections. The server must stop
 * accepting, answer every request that reached it (the later ones with `Connection: close`), reset
 * none, and exit well inside a 30 s grace period.
 */
let database: OwnDatabase;
let proxy: TcpProxy;

beforeAll(async () => {
  ensureBuilt();
  database = await createPostgresDatabase();
  proxy = await startTcpProxy({ port: Number(new URL(database.url).port || 5432) });
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  await database?.drop();
});

/** Resolves once `condition` holds; polls the test's own state, never the clock alone. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

test('SIGTERM under a steady load: no request reset, every one that reached the server answered, exit within 10 s', async () => {
  const server = await startProductionServer(
    {
      DATABASE_URL: proxy.rewriteUrl(database.url),
      DEMO_SEED: 'on',
      LOG_LEVEL: 'info',
      SESSION_SECRET: 'shutdown-test-secret-0123456789',
    },
    { viaNpm: true },
  );
  const created = runCompiledCli('admin', ['apikey', 'create', 'load', '--scope', 'owner'], { DATABASE_URL: database.url });
  expect(created.status).toBe(0);
  const key = created.stdout.trim().split('\n').pop() as string;
  // Each database round trip takes 2 × 5 ms more: requests are always in flight when the signal comes.
  proxy.setLatency(5);

  const load = startSteadyLoad({
    url: `${server.baseUrl}/api/v1/campaigns`,
    headers: { authorization: `Bearer ${key}` },
    rate: 100,
    connections: 16,
  });
  // Warm (connections open, code compiled) and steady before the signal.
  await until(() => load.answered >= 200);
  const signalled = performance.now();
  const sentBefore = load.sent;
  const answeredBefore = load.answered;
  server.child.kill('SIGTERM');
  const code = await server.exited;
  const exitMs = Math.round(performance.now() - signalled);
  const report = await load.stop();
  const drained = /"msg":"http drained"/.test(server.output())
    ? server.output().match(/\{[^\n]*"msg":"http drained"[^\n]*\}/)?.[0]
    : null;

  console.log(
    `SIGTERM to npm start under 100 req/s on 16 kept-alive connections: exit ${code} after ${exitMs} ms; ` +
      `sent ${report.sent} (${sentBefore} before the signal, ${answeredBefore} of them answered by then), answered ${JSON.stringify(report.answered)}, ` +
      `answered with Connection: close ${report.answeredWithClose}, refused ${report.refused}, reset ${report.reset}, other ${report.other.length}\n` +
      `drain: ${drained}`,
  );
  expect(code).toBe(0);
  expect(report.reset).toBe(0);
  expect(report.other).toEqual([]);
  const answered = Object.values(report.answered).reduce((a, b) => a + b, 0);
  expect(report.answered[200]).toBe(answered);
  expect(answered + report.refused).toBe(report.sent);
  // Kept-alive connections were told to close rather than cut.
  expect(report.answeredWithClose).toBeGreaterThan(0);
  expect(drained).toContain('"forced":0');
  expect(exitMs).toBeLessThan(10_000);
}, 120_000);
