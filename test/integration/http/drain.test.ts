import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trackConnections } from '../../../src/http/drain';

/** The drain's rules, on a bare node:http server whose requests the test holds and releases. */
let server: Server;
let port: number;
const held: (() => void)[] = [];

beforeEach(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') held.push(() => res.end('slow done'));
    else res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => server.closeAllConnections());

function get(agent: Agent, path: string): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

test('a running request finishes and is told to close; an idle connection still gets its next request answered within the grace', async () => {
  const tracker = trackConnections(server, { idleGraceMs: 60_000 });
  const busy = new Agent({ keepAlive: true, maxSockets: 1 });
  const idle = new Agent({ keepAlive: true, maxSockets: 1 });
  expect(await get(idle, '/')).toMatchObject({ status: 200, connection: 'keep-alive' });
  const slow = get(busy, '/slow');
  await until(() => held.length === 1);

  const drained = tracker.drain();
  expect(tracker.draining).toBe(true);
  // The kept-alive connection that sat idle is still open: its next request is answered, with close.
  expect(await get(idle, '/')).toEqual({ status: 200, body: 'ok', connection: 'close' });
  held.shift()?.();
  expect(await slow).toEqual({ status: 200, body: 'slow done', connection: 'close' });
  // New connections are refused: the listener is closed.
  await expect(get(new Agent(), '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  expect(await drained).toMatchObject({ answered: 2, idleClosed: 0, forced: 0 });
});

test('a connection that stays idle is closed after the grace, and the drain ends then', async () => {
  const tracker = trackConnections(server, { idleGraceMs: 50 });
  const agent = new Agent({ keepAlive: true });
  await get(agent, '/');
  expect(await tracker.drain()).toMatchObject({ answered: 0, idleClosed: 1, forced: 0 });
});

test('at the deadline a request still running is cut, and counted', async () => {
  const tracker = trackConnections(server, { idleGraceMs: 0, deadlineMs: 100 });
  const stuck = get(new Agent({ keepAlive: true }), '/slow').catch((error: NodeJS.ErrnoException) => error.code);
  await until(() => held.length === 1);
  expect(await tracker.drain()).toMatchObject({ forced: 1 });
  expect(await stuck).toBe('ECONNRESET');
  held.length = 0;
});
