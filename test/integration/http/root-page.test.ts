import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../../src/http/app';
import { mountRootPage } from '../../../src/http/root-page';
import { createLogger } from '../../../src/logger';

async function get(webChat: boolean): Promise<Response> {
  const health = async () => ({ ok: true, database: { ok: true, kind: 'test' }, queue: { ok: true, backend: 'inline' } });
  const server = createHttpApp({ logger: createLogger('silent'), health, mounts: [mountRootPage({ webChat })] }).listen(0);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  try {
    return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { redirect: 'manual' });
  } finally {
    server.close();
  }
}

test('the bare address leads to the web chat when it is on', async () => {
  const res = await get(true);
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/chat');
});

test('without the web chat the bare address is a page that links to health and the API docs, not a JSON 404', async () => {
  const res = await get(false);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const page = await res.text();
  expect(page).toContain('href="/healthz"');
  expect(page).toContain('href="/api/v1/openapi.json"');
});
