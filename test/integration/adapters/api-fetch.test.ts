import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiFetch } from '../../../adapters/shared/api-fetch';

/** The Web API transport: answers like fetch for what API calls use, on a real local server. */
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler;
let server: Server;
let base: string;
const ports: number[] = [];
/** Requests seen on each connection, by the client's port. */
const perConnection = new Map<number, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const port = req.socket.remotePort ?? 0;
    ports.push(port);
    perConnection.set(port, (perConnection.get(port) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString(), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  ports.length = 0;
  perConnection.clear();
});

const apiFetch = createApiFetch({ timeoutMs: 2_000, maxResponseBytes: 1_000 });

test('sends method, headers and a form body, and answers with status, headers and body', async () => {
  let seen: { method?: string; type?: string; length?: string; auth?: string; body: string } = { body: '' };
  handler = (req, body, res) => {
    seen = {
      method: req.method,
      type: req.headers['content-type'],
      length: req.headers['content-length'],
      auth: req.headers.authorization,
      body,
    };
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.writeHead(200, 'Fine', { 'content-type': 'application/json', 'retry-after': '3' }).end('{"ok":true,"ts":"1.2"}');
  };

  const answer = await apiFetch(`${base}/api/chat.postMessage`, {
    method: 'POST',
    headers: { Authorization: 'Bearer xoxb-1', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'channel=D1&text=h%C3%A9llo',
    redirect: 'error',
  });

  expect(seen).toEqual({
    method: 'POST',
    type: 'application/x-www-form-urlencoded',
    length: String(Buffer.byteLength('channel=D1&text=h%C3%A9llo')),
    auth: 'Bearer xoxb-1',
    body: 'channel=D1&text=h%C3%A9llo',
  });
  expect(answer.status).toBe(200);
  expect(answer.statusText).toBe('Fine');
  expect(answer.headers.get('retry-after')).toBe('3');
  expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  expect(await answer.json()).toEqual({ ok: true, ts: '1.2' });
});

test('a URLSearchParams body is sent as a form', async () => {
  let type: string | undefined;
  let sent = '';
  handler = (req, body, res) => {
    type = req.headers['content-type'];
    sent = body;
    res.end('{}');
  };
  await apiFetch(new URL(`${base}/api/x`), { method: 'POST', body: new URLSearchParams({ text: 'a b' }) });
  expect(type).toBe('application/x-www-form-urlencoded;charset=UTF-8');
  expect(sent).toBe('text=a+b');
});

test('calls one after another share one kept-alive connection', async () => {
  handler = (_req, _body, res) => res.end('{}');
  for (let i = 0; i < 3; i++) await (await apiFetch(`${base}/api/auth.test`, { method: 'POST', body: '' })).text();
  expect(new Set(ports).size).toBe(1);
});

test('a server that never answers fails the call as a TimeoutError at the deadline', async () => {
  handler = () => undefined;
  const quick = createApiFetch({ timeoutMs: 50 });
  await expect(quick(`${base}/api/slow`, { method: 'POST', body: 'x' })).rejects.toMatchObject({ name: 'TimeoutError' });
});

test('the deadline covers the body: an answer that stalls half-way fails as a TimeoutError', async () => {
  handler = (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ok":');
  };
  const quick = createApiFetch({ timeoutMs: 50 });
  await expect(quick(`${base}/api/stalls`)).rejects.toMatchObject({ name: 'TimeoutError' });
});

test('a finished call leaves no timer and no abort listener behind', async () => {
  handler = (_req, _body, res) => res.end('{}');
  const slowDeadline = createApiFetch({ timeoutMs: 60_000 });
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const controller = new AbortController();
  await (await slowDeadline(`${base}/api/auth.test`, { signal: controller.signal })).text();
  expect(timers()).toBe(before);
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
});

test('a kept-alive connection left unused is closed after idleSocketMs', async () => {
  let closed!: () => void;
  const socketClosed = new Promise<void>((resolve) => (closed = resolve));
  handler = (req, _body, res) => {
    req.socket.once('close', () => closed());
    res.end('{}');
  };
  const brief = createApiFetch({ timeoutMs: 2_000, idleSocketMs: 30 });
  await (await brief(`${base}/api/auth.test`)).text();
  await socketClosed;
});

test('a reused connection the server had closed is retried once on a new one', async () => {
  handler = (req, _body, res) => {
    // The second request on a connection meets a server that already let it go.
    if (perConnection.get(req.socket.remotePort ?? 0) === 2) req.socket.destroy();
    else res.end('{"ok":true}');
  };
  const own = createApiFetch({ timeoutMs: 2_000 });
  await (await own(`${base}/api/first`)).text();
  const answer = await own(`${base}/api/second`, { method: 'POST', body: 'x=1' });
  expect(await answer.json()).toEqual({ ok: true });
  expect(ports).toHaveLength(3);
  expect(new Set(ports).size).toBe(2);
});

test('a deadline setTimeout cannot keep is refused when the fetch is made', () => {
  expect(() => createApiFetch({ timeoutMs: Infinity })).toThrow(RangeError);
  expect(() => createApiFetch({ timeoutMs: 2 ** 31 })).toThrow(/timeoutMs/);
  expect(() => createApiFetch({ timeoutMs: 1_000, idleSocketMs: 0 })).toThrow(/idleSocketMs/);
});

test('an answer over the size limit fails instead of being held', async () => {
  handler = (_req, _body, res) => res.end('x'.repeat(5_000));
  await expect(apiFetch(`${base}/api/big`)).rejects.toThrow(/over 1000 bytes/);
});

test('a 204 answers with no body', async () => {
  handler = (_req, _body, res) => res.writeHead(204).end();
  const answer = await apiFetch(`${base}/api/none`);
  expect(answer.status).toBe(204);
  expect(answer.body).toBeNull();
});

test("the caller's abort signal ends the call with its reason", async () => {
  handler = () => undefined;
  const controller = new AbortController();
  const call = apiFetch(`${base}/api/slow`, { signal: controller.signal });
  controller.abort(new Error('user gave up'));
  await expect(call).rejects.toThrow('user gave up');
});

test('a redirect is an error, unless the caller asks for it manually', async () => {
  handler = (_req, _body, res) => res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
  await expect(apiFetch(`${base}/api/moved`, { redirect: 'error' })).rejects.toThrow(/redirect \(302\)/);
  const manual = await apiFetch(`${base}/api/moved`, { redirect: 'manual' });
  expect(manual.status).toBe(302);
  expect(manual.headers.get('location')).toBe('https://elsewhere.example/');
});

test('nobody listening fails like fetch: TypeError with the cause', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/api/x`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await expect(apiFetch(url)).rejects.toMatchObject({ name: 'TypeError', cause: { code: 'ECONNREFUSED' } });
});

test('a body it does not send itself (FormData) goes to the fallback, with the deadline as its signal', async () => {
  const calls: { input: unknown; signal: AbortSignal | null | undefined }[] = [];
  const withFallback = createApiFetch({
    timeoutMs: 2_000,
    fallback: async (input, init) => {
      calls.push({ input, signal: init?.signal });
      return new Response('{"ok":true}');
    },
  });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'cv.pdf');
  const answer = await withFallback(`${base}/api/files.upload`, { method: 'POST', body: form });
  expect(await answer.json()).toEqual({ ok: true });
  expect(calls).toHaveLength(1);
  expect(calls[0]?.input).toBe(`${base}/api/files.upload`);
  expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
  expect(ports).toEqual([]);
});

test('the fallback is held to the same deadline', async () => {
  const withFallback = createApiFetch({
    timeoutMs: 20,
    fallback: (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
  });
  await expect(withFallback(`${base}/api/files.upload`, { method: 'POST', body: new FormData() })).rejects.toMatchObject({
    name: 'TimeoutError',
  });
});
