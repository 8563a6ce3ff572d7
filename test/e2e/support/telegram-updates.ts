import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real-format Telegram updates built from the shared fixtures (../shared/fixtures/telegram): the
 * sample is copied, its `_COMPOSED_NOTE` dropped, and only ids, text and the chat changed.
 */
export const TELEGRAM_FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/telegram');

type Json = Record<string, unknown>;

function fixture(name: string): Json {
  const data = JSON.parse(readFileSync(path.join(TELEGRAM_FIXTURES, name), 'utf8')) as Json;
  delete data._COMPOSED_NOTE;
  return data;
}

const samples = {
  deeplink: fixture('update_start_deeplink.COMPOSED.json'),
  text: fixture('update_text_message_entities.json'),
  document: fixture('update_document_pdf.json'),
  reply: fixture('update_message_reply.json'),
  callback: fixture('update_callback_query_with_message.COMPOSED.json'),
};

let nextUpdateId = 700_000 + Math.floor(Math.random() * 100_000);
let nextMessageId = 1;
const clone = <T>(v: T): T => structuredClone(v);

/** One Telegram user in a private chat with the bot (chat id = user id, as Telegram does). */
export interface TelegramPerson {
  id: number;
  firstName: string;
}

function withPerson(message: Json, person: TelegramPerson): Json {
  const from = { ...(message.from as Json), id: person.id, first_name: person.firstName };
  const chat = { ...(message.chat as Json), id: person.id, first_name: person.firstName };
  return { ...message, from, chat, message_id: nextMessageId++, date: Math.floor(Date.now() / 1000) };
}

/** `/command args` with the bot_command entity real clients attach. */
export function commandUpdate(person: TelegramPerson, command: string, args = ''): Json {
  const u = clone(samples.deeplink);
  const text = args ? `/${command} ${args}` : `/${command}`;
  const message = withPerson(u.message as Json, person);
  return {
    update_id: nextUpdateId++,
    message: { ...message, text, entities: [{ offset: 0, length: command.length + 1, type: 'bot_command' }] },
  };
}

/** Plain text (the sample's formatting entities are dropped with its text). */
export function textUpdate(person: TelegramPerson, text: string): Json {
  const u = clone(samples.text);
  const message = withPerson(u.message as Json, person);
  delete message.entities;
  return { update_id: nextUpdateId++, message: { ...message, text } };
}

/** A reply to one of the bot's messages (`messageId` in the same chat). */
export function replyUpdate(person: TelegramPerson, text: string, repliedMessageId: number): Json {
  const u = clone(samples.reply);
  const message = withPerson(u.message as Json, person);
  const replied = {
    ...(message.reply_to_message as Json),
    message_id: repliedMessageId,
    chat: message.chat,
    from: { id: 1, is_bot: true, first_name: 'Bot' },
  };
  return { update_id: nextUpdateId++, message: { ...message, text, reply_to_message: replied } };
}

/** A document (PDF by default) sent to the bot. */
export function documentUpdate(
  person: TelegramPerson,
  file: { fileId: string; name: string; size: number; mimeType?: string },
): Json {
  const u = clone(samples.document);
  const message = withPerson(u.message as Json, person);
  const document = {
    file_id: file.fileId,
    file_name: file.name,
    mime_type: file.mimeType ?? 'application/pdf',
    file_size: file.size,
  };
  return { update_id: nextUpdateId++, message: { ...message, document } };
}

/**
 * A photo sent to the bot: Telegram sends every photo in several sizes (thumbnails first), each a
 * file of its own; the document sample lends the message, its document swapped for the sizes.
 */
export function photoUpdate(
  person: TelegramPerson,
  sizes: { fileId: string; width: number; height: number; size?: number }[],
  caption?: string,
): Json {
  const u = clone(samples.document);
  const { document: _document, ...message } = withPerson(u.message as Json, person);
  const photo = sizes.map((p) => ({
    file_id: p.fileId,
    file_unique_id: `uq-${p.fileId}`,
    width: p.width,
    height: p.height,
    ...(p.size === undefined ? {} : { file_size: p.size }),
  }));
  return { update_id: nextUpdateId++, message: { ...message, photo, ...(caption ? { caption } : {}) } };
}

/** A press of an inline button with `data` on the bot's message `messageId`. */
export function callbackUpdate(person: TelegramPerson, data: string, messageId: number): Json {
  const u = clone(samples.callback);
  const q = u.callback_query as Json;
  const from = { ...(q.from as Json), id: person.id, first_name: person.firstName };
  const message = {
    ...(q.message as Json),
    message_id: messageId,
    chat: { ...((q.message as Json).chat as Json), id: person.id },
  };
  return { update_id: nextUpdateId++, callback_query: { ...q, id: `cq-${nextUpdateId}`, from, message, data } };
}
