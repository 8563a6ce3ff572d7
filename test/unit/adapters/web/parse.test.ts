import { randomUUID } from 'node:crypto';
import { inboundEventSchema } from '../../../../src/engine/messages';
import { addressCodec, parseEvent, startCommandEvent } from '../../../../adapters/web/parse';
import { WebChatError } from '../../../../adapters/web/errors';

const SESSION = 'sess-0123456789abcdef';
const FILE = { ref: 'f-1', name: 'cv.pdf', contentType: 'application/pdf', size: 10 };
const ctx = { sessionId: SESSION, lookupFile: (ref: string) => (ref === FILE.ref ? FILE : undefined) };

describe('web chat body parser', () => {
  it('turns text into a neutral event for the session identity, with the address to answer', () => {
    const eventId = randomUUID();
    const { event, echo } = parseEvent({ type: 'text', eventId, text: '  submit  ' }, ctx);
    const parsed = inboundEventSchema.parse(event);
    expect(parsed).toMatchObject({
      platform: 'WEB',
      eventId,
      identity: { workspaceId: '', platformUserId: SESSION },
      conversation: { id: SESSION, address: { sessionId: SESSION } },
      payload: { type: 'text', text: 'submit' },
    });
    expect(echo).toBe('submit');
  });

  it('carries the message a Reply answers, so the engine can route it to that candidate', () => {
    const relayed = randomUUID();
    const { event, echo } = parseEvent({ type: 'text', eventId: randomUUID(), text: 'Yes, from May', replyTo: relayed }, ctx);
    expect(inboundEventSchema.parse(event)).toMatchObject({ replyTo: relayed, payload: { type: 'text', text: 'Yes, from May' } });
    expect(echo).toBe('Yes, from May');
    // Only an entry id of this chat can be answered: anything else is refused as a bad body.
    expect(() => parseEvent({ type: 'text', eventId: randomUUID(), text: 'x', replyTo: '1:2' }, ctx)).toThrow(WebChatError);
  });

  it('takes a message up to 8,000 characters whole and refuses a longer one with its length, never cutting it', () => {
    const long = `comment C-1 ${'x'.repeat(5028)}`;
    const { event } = parseEvent({ type: 'text', eventId: randomUUID(), text: long }, ctx);
    expect(event.payload).toEqual({ type: 'text', text: long });
    expect(() => parseEvent({ type: 'text', eventId: randomUUID(), text: 'y'.repeat(8001) }, ctx)).toThrow(
      new WebChatError('INVALID', 'Messages can be at most 8,000 characters; yours has 8,001. Shorten it and send again.'),
    );
  });

  it('reads a leading slash as a command', () => {
    const { event } = parseEvent({ type: 'text', eventId: randomUUID(), text: '/Start abc def' }, ctx);
    expect(event.payload).toEqual({ type: 'command', name: 'start', args: 'abc def' });
  });

  it('carries a button press with the message it came from', () => {
    const ref = randomUUID();
    const { event, echo } = parseEvent(
      { type: 'action', eventId: randomUUID(), actionId: 'wiz:campaign', value: 'c1', label: 'Support', sourceMessageRef: ref },
      ctx,
    );
    expect(event.payload).toEqual({ type: 'action', actionId: 'wiz:campaign', value: 'c1' });
    expect(event.sourceMessageRef).toBe(ref);
    expect(echo).toBe('Support');
  });

  it('fills file details from the upload store, never from the page', () => {
    const { event } = parseEvent({ type: 'file', eventId: randomUUID(), file: { ref: 'f-1' } }, ctx);
    expect(event.payload).toEqual({ type: 'file', file: FILE });
    const form = parseEvent(
      { type: 'form', eventId: randomUUID(), formId: 'submission', values: { firstName: 'J' }, files: [{ ref: 'f-1' }] },
      ctx,
    );
    expect(form.event.payload).toMatchObject({ type: 'form', files: [FILE] });
    expect(() => parseEvent({ type: 'file', eventId: randomUUID(), file: { ref: 'other' } }, ctx)).toThrow(
      /Attach the file again/,
    );
  });

  it('refuses bad bodies with a message naming the problem', () => {
    const bad = [
      undefined,
      { type: 'text', text: 'hi' },
      { type: 'text', eventId: 'not-a-uuid', text: 'hi' },
      { type: 'text', eventId: randomUUID(), text: '   ' },
      { type: 'action', eventId: randomUUID(), actionId: 'x'.repeat(49) },
      { type: 'nope', eventId: randomUUID() },
    ];
    for (const body of bad) {
      let error: unknown;
      try {
        parseEvent(body, ctx);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WebChatError);
      expect((error as WebChatError).status).toBe(400);
      expect((error as WebChatError).message).toMatch(/^The message is not valid/);
    }
  });

  it('round-trips the conversation address and builds the invitation start command', () => {
    expect(addressCodec.decode({ sessionId: SESSION })).toEqual({ sessionId: SESSION });
    expect(addressCodec.decode({ chatId: 1 })).toBeNull();
    const start = inboundEventSchema.parse(startCommandEvent(SESSION, 'tok', randomUUID()));
    expect(start.payload).toEqual({ type: 'command', name: 'start', args: 'tok' });
  });
});
