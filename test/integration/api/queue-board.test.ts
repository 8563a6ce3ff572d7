import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../../src/http/app';
import { mountQueueBoard } from '../../../src/http/queue-board';
import { createLogger } from '../../../src/logger';
import { unique } from '../../support/services';

/** /admin/queues: bull-board over the machine's Redis (read only, a prefix of its own), behind basic auth. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let server: Server;
let url: string;
let board: ReturnType<typeof mountQueueBoard>;

beforeAll(async () => {
  const logger = createLogger('silent');
  board = mountQueueBoard({ redisUrl: REDIS_URL, prefix: unique('test-board'), user: 'ops', password: 's3cret-pass', logger });
  const app = createHttpApp({
    logger,
    health: async () => ({ ok: true, database: { ok: true, kind: 'postgres' }, queue: { ok: true, backend: 'bull' } }),
    mounts: [board.mount],
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/queues`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await board.close();
});

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

test('no or wrong credentials → 401 with a Basic challenge', async () => {
  for (const headers of [{}, basic('ops', 'wrong'), basic('admin', 's3cret-pass'), { authorization: 'Bearer x' }]) {
    const response = await fetch(url, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
  }
});

test('the right credentials open the dashboard and its API lists the endorse queue', async () => {
  const page = await fetch(url, { headers: basic('ops', 's3cret-pass') });
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<html/i);
  const api = await fetch(`${url}/api/queues`, { headers: basic('ops', 's3cret-pass') });
  expect(api.status).toBe(200);
  const body = (await api.json()) as { queues: { name: string }[] };
  expect(body.queues.map((q) => q.name)).toContain('endorse');
});
