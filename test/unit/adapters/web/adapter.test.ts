import { ChannelError } from '../../../../src/engine/channel';
import { outboundMessageSchema, type OutboundMessageInput } from '../../../../src/engine/messages';
import { createLogger } from '../../../../src/logger';
import { createWebChatAdapter } from '../../../../adapters/web';
import { toWebChatConfig } from '../../../../adapters/web/config';
import type { WebEntry } from '../../../../adapters/web/render';

const config = toWebChatConfig({ sessionSecret: 'secret', publicUrl: 'http://localhost:3000' }, () => 'unused');
const adapter = () =>
  createWebChatAdapter(config, {
    logger: createLogger('silent'),
    services: {
      resolveIdentity: async () => null,
      bindDemoWebIdentity: async () => Promise.reject(new Error('not in this test')),
    },
    now: () => new Date('2026-11-24T12:00:00Z'),
  });
const msg = (input: OutboundMessageInput) => outboundMessageSchema.parse(input);
const list = (page: number) =>
  msg({ body: { type: 'list', title: 'My Candidates', items: [{ title: `row ${page}` }], page, pageCount: 2, emptyText: '-' } });

describe('web chat adapter', () => {
  it('edits a message in place: same ref, same transcript slot, pushed to open pages', async () => {
    const web = adapter();
    const seen: WebEntry[] = [];
    web.hub.subscribe('s1', { push: (e) => seen.push(e), end: () => undefined });
    const turn = { entries: [] };
    await web.send({ sessionId: 's1' }, list(1), turn);
    const [first] = turn.entries as WebEntry[];
    const edited = await web.send({ sessionId: 's1' }, { ...list(2), edit: first?.id });
    expect(edited.messageRef).toBe(first?.id);
    const history = web.hub.history('s1');
    expect(history).toHaveLength(1);
    expect(history[0]?.view).toMatchObject({ kind: 'list', pageLabel: 'Page 2 of 2' });
    expect(seen.map((e) => e.id)).toEqual([first?.id, first?.id]);
  });

  it('offers Reply on a relayed message (one with a reply key) and on nothing else', async () => {
    const web = adapter();
    const turn = { entries: [] as WebEntry[] };
    await web.send({ sessionId: 's1' }, msg({ body: { type: 'text', text: 'Rita commented…' }, replyKey: 'candidate:7' }), turn);
    await web.send({ sessionId: 's1' }, msg({ body: { type: 'text', text: 'Comment added.' } }), turn);
    expect(turn.entries.map((e) => e.canReply)).toEqual([true, undefined]);
  });

  it('shows an edit of a message it does not hold as a new message', async () => {
    const web = adapter();
    const sent = await web.send({ sessionId: 's1' }, { ...list(2), edit: 'gone-after-restart' });
    expect(sent.messageRef).not.toBe('gone-after-restart');
    expect(web.hub.history('s1')).toHaveLength(1);
  });

  it('does not take a Telegram address for a web session', () => {
    expect(adapter().address.decode({ chatId: 42 })).toBeNull();
    expect(adapter().address.decode({ sessionId: 's1' })).toEqual({ sessionId: 's1' });
  });

  it('hands out uploaded bytes to the engine, within its size limit, and says when they are gone', async () => {
    const web = adapter();
    const file = web.uploads.put('s1', 'cv.pdf', 'application/pdf', Buffer.from('%PDF-1.4'));
    expect((await web.downloadFile(file.ref, 100)).toString()).toBe('%PDF-1.4');
    await expect(web.downloadFile(file.ref, 3)).rejects.toBeInstanceOf(ChannelError);
    await expect(web.downloadFile('nope', 100)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(web.uploads.lookup('another-session', file.ref)).toBeUndefined();
  });

  it('ends open streams on close so the server can stop', () => {
    const web = adapter();
    const end = jest.fn();
    web.hub.subscribe('s1', { push: () => undefined, end });
    web.close?.();
    expect(end).toHaveBeenCalledTimes(1);
  });
});
