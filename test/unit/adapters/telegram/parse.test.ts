import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CallbackDataCodec } from '../../../../adapters/telegram/callback-data';
import { largestPhoto, messageRef, parseMessageRef, parseUpdate } from '../../../../adapters/telegram/parse';

const FIXTURES = path.resolve(__dirname, '../../../../../shared/fixtures/telegram');
const sample = (name: string): Record<string, unknown> => {
  const data = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
  delete data._COMPOSED_NOTE;
  return data;
};
const codec = new CallbackDataCodec();
const parse = (body: unknown) => parseUpdate(body, { botUsername: 'test_bot', decodeAction: (d) => codec.decode(d) });

describe('parseUpdate', () => {
  it('turns a deep link /start <token> into the start command with the token', () => {
    const event = parse(sample('update_start_deeplink.COMPOSED.json')).item?.event;
    expect(event).toMatchObject({
      platform: 'TELEGRAM',
      eventId: 'u:10001',
      identity: { workspaceId: '', platformUserId: '1111111', displayName: 'Test Firstname Test Lastname' },
      conversation: { id: '1111111', address: { chatId: 1111111 } },
      payload: { type: 'command', name: 'start', args: 'ref_abc123' },
      locale: 'en',
    });
  });

  it('treats a bare /start as opening the bot, and strips our @botname from commands', () => {
    const update = sample('update_start_deeplink.COMPOSED.json');
    const message = update.message as Record<string, unknown>;
    expect(parse({ ...update, message: { ...message, text: '/start' } }).item?.event?.payload).toEqual({ type: 'installed' });
    const mine = { ...message, text: '/Submit@test_bot now', entities: [{ type: 'bot_command', offset: 0, length: 16 }] };
    expect(parse({ ...update, message: mine }).item?.event?.payload).toEqual({ type: 'command', name: 'submit', args: 'now' });
    const theirs = { ...message, text: '/help@other_bot', entities: [{ type: 'bot_command', offset: 0, length: 15 }] };
    expect(parse({ ...update, message: theirs }).item).toBeNull();
  });

  it('keeps text without a command entity as text (the verbatim doc samples)', () => {
    expect(parse(sample('update_text_message_entities.json')).item?.event?.payload).toEqual({
      type: 'text',
      text: 'Bold and italics',
    });
    expect(parse(sample('update_start_command.json')).item?.event?.payload).toEqual({ type: 'text', text: '/start' });
  });

  it('maps a reply to `${chat_id}:${message_id}` of the replied message', () => {
    const event = parse(sample('update_message_reply.json')).item?.event;
    expect(event?.replyTo).toBe('1111111:1334');
  });

  it('passes a document as a file with its size, so the engine refuses big ones before any download', () => {
    const event = parse(sample('update_document_pdf.json')).item?.event;
    expect(event?.payload).toEqual({
      type: 'file',
      file: { name: 'Testfile.pdf', contentType: 'application/pdf', size: 536392, ref: 'AwADBAADbXXXXXXXXXXXGBdhD2l6_XX' },
    });
  });

  it('passes a photo as a file: the size with the most pixels within the resume limit, with the caption', () => {
    const update = sample('update_document_pdf.json');
    const { document: _document, ...message } = update.message as Record<string, unknown>;
    const photo = [
      { file_id: 'small', file_unique_id: 's', width: 90, height: 120, file_size: 2_000 },
      { file_id: 'large', file_unique_id: 'l', width: 960, height: 1280, file_size: 180_000 },
      { file_id: 'medium', file_unique_id: 'm', width: 480, height: 640, file_size: 50_000 },
    ];
    expect(parse({ ...update, message: { ...message, photo, caption: 'for the warehouse job' } }).item?.event?.payload).toEqual({
      type: 'file',
      file: { name: `photo-${String(message.message_id)}.jpg`, ref: 'large', contentType: 'image/jpeg', size: 180_000 },
      text: 'for the warehouse job',
    });
  });

  it('takes a smaller size of a photo when the largest is over the limit, and the smallest when none fits', () => {
    const sizes = [
      { file_id: 'a', width: 90, height: 120, file_size: 2_000 },
      { file_id: 'b', width: 2560, height: 3413, file_size: 12_000_000 },
      { file_id: 'c', width: 1280, height: 1706, file_size: 900_000 },
    ];
    expect(largestPhoto(sizes, 10 * 1024 * 1024)?.file_id).toBe('c');
    expect(largestPhoto(sizes, 1_000)?.file_id).toBe('a');
  });

  it('passes an image sent as a document (uncompressed) like any other file', () => {
    const update = sample('update_document_pdf.json');
    const message = update.message as Record<string, unknown>;
    const document = { file_id: 'img-doc', file_name: 'resume.png', mime_type: 'image/png', file_size: 345_678 };
    expect(parse({ ...update, message: { ...message, document } }).item?.event?.payload).toEqual({
      type: 'file',
      file: { name: 'resume.png', ref: 'img-doc', contentType: 'image/png', size: 345_678 },
    });
  });

  it('decodes a button press with the message to edit, and always asks to answer the query', () => {
    const parsed = parse(sample('update_callback_query_with_message.COMPOSED.json'));
    expect(parsed.callbackQueryId).toBe('4382bfdwdsb323b2d9');
    expect(parsed.item?.event?.payload).toEqual({ type: 'action', actionId: 'approve:42' });
    expect(parsed.item?.event?.sourceMessageRef).toBe('1111111:1367');
    // The inline-mode sample has no chat to answer in: answered, nothing else.
    const inline = parse({
      ...sample('update_callback_query.json'),
      callback_query: { id: 'q1', from: { id: 1 }, data: 'x', inline_message_id: 'i' },
    });
    expect(inline).toEqual({ updateId: 10000, item: null, callbackQueryId: 'q1' });
  });

  it('turns a stored button this process no longer holds into a stale action', () => {
    const update = sample('update_callback_query_with_message.COMPOSED.json');
    const q = { ...(update.callback_query as Record<string, unknown>), data: '~unknownkey' };
    expect(parse({ ...update, callback_query: q }).item?.event?.payload).toEqual({ type: 'action', actionId: 'stale' });
  });

  it('ignores what it does not act on and rejects what is not an Update', () => {
    expect(parse({ update_id: 5, edited_message: {} })).toEqual({ updateId: 5, item: null });
    expect(() => parse({ hello: 'world' })).toThrow();
  });
});

describe('message refs', () => {
  it('round-trips, including negative group chat ids', () => {
    expect(parseMessageRef(messageRef(-100123, 42))).toEqual({ chatId: '-100123', messageId: 42 });
    expect(parseMessageRef('nonsense')).toBeNull();
  });
});
