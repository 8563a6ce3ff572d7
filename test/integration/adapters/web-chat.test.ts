import { randomUUID } from 'node:crypto';
import { ChannelError } from '../../../src/engine/channel';
import { outboundMessageSchema, type OutboundMessageInput } from '../../../src/engine/messages';
import { createLogger } from '../../../src/logger';
import { createWebChatAdapter, type WebChatAdapter } from '../../../adapters/web';
import { toWebChatConfig } from '../../../adapters/web/config';
import type { WebEntry } from '../../../adapters/web/render';
import { createBroadcast, inProcessBroadcast, type Broadcast } from '../../../src/pubsub/broadcast';
import { openTestEnv, type TestEnv } from '../../support/services';

const config = toWebChatConfig({ sessionSecret: 'secret', publicUrl: 'http://localhost:3000' }, () => 'unused');
let env: TestEnv;
const broadcasts: Broadcast[] = [];

beforeAll(async () => {
  env = await openTestEnv();
});
afterAll(async () => {
  await Promise.all(broadcasts.map((b) => b.close()));
  await env.close();
});

async function adapter(broadcast: Broadcast = inProcessBroadcast()): Promise<WebChatAdapter> {
  broadcasts.push(broadcast);
  const web = createWebChatAdapter(config, { logger: createLogger('silent'), services: env.services, broadcast });
  await web.hub.listen();
  return web;
}
const session = () => `s${randomUUID().replace(/-/g, '')}`;
const msg = (input: OutboundMessageInput) => outboundMessageSchema.parse(input);
const list = (page: number) =>
  msg({ body: { type: 'list', title: 'My Candidates', items: [{ title: `row ${page}` }], page, pageCount: 2, emptyText: '-' } });

/** Waits, bounded, until `check` holds (an entry crossing Redis arrives on its own schedule). */
async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('web chat adapter', () => {
  it('offers Reply on a relayed message (one with a reply key) and on nothing else, kept in the transcript', async () => {
    const web = await adapter();
    const s = session();
    const turn = { entries: [] as WebEntry[] };
    await web.send({ sessionId: s }, msg({ body: { type: 'text', text: 'Rita commented…' }, replyKey: 'candidate:7' }), turn);
    await web.send({ sessionId: s }, msg({ body: { type: 'text', text: 'Comment added.' } }), turn);
    expect(turn.entries.map((e) => e.canReply)).toEqual([true, undefined]);
    // A page that reconnects (or another instance's page) still offers it.
    expect((await env.services.webHistory(s, 10)).map((e) => (e as unknown as WebEntry).canReply)).toEqual([true, undefined]);
  });

  it('edits a message in place: same ref, same transcript slot, pushed to open pages', async () => {
    const web = await adapter();
    const s = session();
    const seen: WebEntry[] = [];
    web.hub.subscribe(s, { push: (e) => seen.push(e), end: () => undefined });
    const turn = { entries: [] };
    await web.send({ sessionId: s }, list(1), turn);
    const [first] = turn.entries as WebEntry[];
    const edited = await web.send({ sessionId: s }, { ...list(2), edit: first?.id });
    expect(edited.messageRef).toBe(first?.id);
    const history = await env.services.webHistory(s, 10);
    expect(history).toHaveLength(1);
    expect(history[0]?.view).toMatchObject({ kind: 'list', page: 2, pageCount: 2 });
    await until(() => seen.length === 2);
    expect(seen.map((e) => e.id)).toEqual([first?.id, first?.id]);
  });

  it('shows an edit of a message the transcript does not hold as a new message', async () => {
    const web = await adapter();
    const s = session();
    const sent = await web.send({ sessionId: s }, { ...list(2), edit: 'gone-after-restart' });
    expect(sent.messageRef).not.toBe('gone-after-restart');
    expect(await env.services.webHistory(s, 10)).toHaveLength(1);
  });

  it('does not take a Telegram address for a web session', async () => {
    const web = await adapter();
    expect(web.address.decode({ chatId: 42 })).toBeNull();
    expect(web.address.decode({ sessionId: 's1' })).toEqual({ sessionId: 's1' });
  });

  it('hands out uploaded bytes to the engine, within its size limit, and says when they are gone', async () => {
    const web = await adapter();
    const s = session();
    const file = await env.services.createWebUpload({
      sessionId: s,
      filename: 'cv.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.4'),
      ttlMs: 60_000,
    });
    expect((await web.downloadFile(file.ref, 100)).toString()).toBe('%PDF-1.4');
    await expect(web.downloadFile(file.ref, 3)).rejects.toBeInstanceOf(ChannelError);
    await expect(web.downloadFile(randomUUID(), 100)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await env.services.findWebUpload('another-session', file.ref)).toBeNull();
    expect(await env.services.findWebUpload(s, file.ref)).toMatchObject({ name: 'cv.pdf', size: 8 });
  });

  it('ends open streams on close so the server can stop', async () => {
    const web = await adapter();
    const end = jest.fn();
    web.hub.subscribe(session(), { push: () => undefined, end });
    web.close?.();
    expect(end).toHaveBeenCalledTimes(1);
  });

  const shared = {
    Redis: () => ({ redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' }),
    'PostgreSQL LISTEN/NOTIFY': () => ({ databaseUrl: process.env.TEST_DATABASE_URL }),
  };
  it.each(Object.keys(shared) as (keyof typeof shared)[])(
    'pushes a reply sent by one instance to the page whose stream is open on another, once (%s)',
    async (backend) => {
      const options = { ...shared[backend](), logger: createLogger('silent') };
      const a = await adapter(createBroadcast(options));
      const b = await adapter(createBroadcast(options));
      const s = session();
      const onA: WebEntry[] = [];
      a.hub.subscribe(s, { push: (e) => onA.push(e), end: () => undefined });
      for (let i = 1; i <= 5; i++) await b.send({ sessionId: s }, msg({ body: { type: 'text', text: `reply ${i}` } }));
      await until(() => onA.length === 5);
      expect(onA.map((e) => ('text' in e.view ? e.view.text : ''))).toEqual([
        'reply 1',
        'reply 2',
        'reply 3',
        'reply 4',
        'reply 5',
      ]);
      expect(await env.services.webHistory(s, 10)).toHaveLength(5);
    },
  );

  it('ends the page’s stream instead when an entry is too big for NOTIFY; the page then reads it from the transcript', async () => {
    const options = { databaseUrl: process.env.TEST_DATABASE_URL, logger: createLogger('silent') };
    const a = await adapter(createBroadcast(options));
    const b = await adapter(createBroadcast(options));
    const s = session();
    let ended = false;
    a.hub.subscribe(s, { push: () => undefined, end: () => void (ended = true) });
    const long = 'x'.repeat(7_900);
    await b.send({ sessionId: s }, msg({ body: { type: 'text', text: long } }));
    await until(() => ended);
    const [stored] = await env.services.webHistory(s, 10);
    expect(JSON.stringify(stored?.view)).toContain(long);
  });
});
