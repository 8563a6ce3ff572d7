import { z } from 'zod';
import type { AddressCodec, InboundItem } from '../../src/engine/channel';
import type { InboundEventInput } from '../../src/engine/messages';
import type { ButtonAction } from './callback-data';

/**
 * Telegram updates → the engine's InboundEvent (pure). Only the fields we read are declared; zod
 * drops the rest. An update we do not act on (an edit, a sticker, a membership change) parses to
 * `event: null` and is still acknowledged.
 */
const userSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const chatSchema = z.object({ id: z.number().int(), type: z.string().optional() });
const entitySchema = z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() });
const documentSchema = z.object({
  file_id: z.string().min(1),
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
  file_size: z.number().int().nonnegative().optional(),
});
/** One size of a photo: Telegram sends each photo in several sizes, smallest first. */
const photoSizeSchema = z.object({
  file_id: z.string().min(1),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  file_size: z.number().int().nonnegative().optional(),
});
type PhotoSize = z.infer<typeof photoSizeSchema>;
const messageSchema = z.object({
  message_id: z.number().int(),
  from: userSchema.optional(),
  chat: chatSchema,
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entitySchema).optional(),
  document: documentSchema.optional(),
  photo: z.array(photoSizeSchema).optional(),
  reply_to_message: z.object({ message_id: z.number().int() }).optional(),
});
const callbackQuerySchema = z.object({
  id: z.string().min(1),
  from: userSchema,
  message: z.object({ message_id: z.number().int(), chat: chatSchema }).optional(),
  data: z.string().optional(),
});
export const updateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  callback_query: callbackQuerySchema.optional(),
});
export type TelegramUpdate = z.infer<typeof updateSchema>;
type TelegramMessage = z.infer<typeof messageSchema>;
type TelegramUser = z.infer<typeof userSchema>;

/** Where a conversation lives: stored on the chat identity for proactive sends. */
export const addressSchema = z.object({
  // A numeric chat id, or Telegram's `@channelusername` form.
  chatId: z.union([z.number().int(), z.string().regex(/^(-?\d+|@\w{5,})$/)]),
});
export type TelegramAddress = z.infer<typeof addressSchema>;

export const addressCodec: AddressCodec<TelegramAddress> = {
  encode: (address) => ({ chatId: address.chatId }),
  decode: (stored) => {
    const parsed = addressSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  },
};

export interface ParsedUpdate {
  updateId: number;
  /** The event and the chat its replies go to; null for an update we only acknowledge. */
  item: InboundItem<TelegramAddress> | null;
  /** Set for a button press: it is answered (answerCallbackQuery) whatever else happens. */
  callbackQueryId?: string;
}

export interface ParseOptions {
  /** Our bot's username: `/cmd@OtherBot` in a group is not for us. Null: every mention is taken as ours. */
  botUsername: string | null;
  decodeAction(data: string): ButtonAction | null;
  /** A photo's size is taken only up to this many bytes (the largest size that fits); default 10 MB, the resume limit. */
  photoMaxBytes?: number;
}

const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The platform message ref used everywhere: `${chat_id}:${message_id}` (send, edit, replyTo). */
export const messageRef = (chatId: number | string, messageId: number): string => `${chatId}:${messageId}`;

export function parseMessageRef(ref: string): { chatId: string; messageId: number } | null {
  const match = /^(-?\d+|@\w+):(\d+)$/.exec(ref);
  if (!match?.[1] || !match[2]) return null;
  return { chatId: match[1], messageId: Number(match[2]) };
}

/** Parses the raw webhook bytes; null for a body that is not JSON or not an Update. */
export function parseWebhookBody(rawBody: Buffer, options: ParseOptions): ParsedUpdate | null {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return null;
  }
  try {
    return parseUpdate(body, options);
  } catch (error) {
    if (error instanceof z.ZodError) return null;
    throw error;
  }
}

/** Parses one webhook body; throws a ZodError for a body that is not an Update. */
export function parseUpdate(body: unknown, options: ParseOptions): ParsedUpdate {
  const update = updateSchema.parse(body);
  const updateId = update.update_id;
  const eventId = `u:${updateId}`;
  if (update.callback_query) {
    const q = update.callback_query;
    const action = q.data === undefined ? null : options.decodeAction(q.data);
    // A button on an inline-mode message has no chat to answer in: only the spinner is stopped.
    if (!q.message) return { updateId, item: null, callbackQueryId: q.id };
    const event: InboundEventInput = {
      ...base(eventId, q.from, q.message.chat.id),
      // A stale stored button still reaches the engine, which says so in the user's language.
      payload: action ? { type: 'action', ...action } : { type: 'action', actionId: 'stale' },
      sourceMessageRef: messageRef(q.message.chat.id, q.message.message_id),
    };
    return { updateId, item: { event, address: { chatId: q.message.chat.id } }, callbackQueryId: q.id };
  }
  const message = update.message;
  if (!message?.from || message.from.is_bot) return { updateId, item: null };
  const payload = payloadOf(message, options);
  if (!payload) return { updateId, item: null };
  const event: InboundEventInput = { ...base(eventId, message.from, message.chat.id), payload };
  if (message.reply_to_message) event.replyTo = messageRef(message.chat.id, message.reply_to_message.message_id);
  return { updateId, item: { event, address: { chatId: message.chat.id } } };
}

function base(eventId: string, from: TelegramUser, chatId: number) {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username;
  return {
    platform: 'TELEGRAM' as const,
    eventId,
    identity: { workspaceId: '', platformUserId: String(from.id), ...(displayName ? { displayName } : {}) },
    conversation: { id: String(chatId), address: { chatId } },
    locale: from.language_code ?? 'en',
  };
}

/**
 * The sharpest size of a photo that may be taken: the most pixels among the sizes within
 * `maxBytes` (a size Telegram gives no byte count for is taken as fitting). When none fits, the
 * smallest, so that the engine can say the file is too large.
 */
export function largestPhoto(sizes: PhotoSize[], maxBytes: number): PhotoSize | null {
  const pixels = (p: PhotoSize) => p.width * p.height;
  const fitting = sizes.filter((p) => p.file_size === undefined || p.file_size <= maxBytes);
  const pool = fitting.length > 0 ? fitting : sizes;
  const pick = fitting.length > 0 ? (a: PhotoSize, b: PhotoSize) => pixels(b) - pixels(a) : (a: PhotoSize, b: PhotoSize) => pixels(a) - pixels(b);
  return [...pool].sort(pick)[0] ?? null;
}

function payloadOf(message: TelegramMessage, options: ParseOptions): InboundEventInput['payload'] | null {
  const botUsername = options.botUsername;
  if (message.document) {
    const d = message.document;
    const file = { name: d.file_name ?? 'document', ref: d.file_id, ...(d.mime_type ? { contentType: d.mime_type } : {}) };
    return {
      type: 'file',
      file: d.file_size === undefined ? file : { ...file, size: d.file_size },
      ...(message.caption ? { text: message.caption } : {}),
    };
  }
  const photo = message.photo && message.photo.length > 0 ? largestPhoto(message.photo, options.photoMaxBytes ?? PHOTO_MAX_BYTES) : null;
  if (photo) {
    const file = { name: `photo-${message.message_id}.jpg`, ref: photo.file_id, contentType: 'image/jpeg' };
    return {
      type: 'file',
      file: photo.file_size === undefined ? file : { ...file, size: photo.file_size },
      ...(message.caption ? { text: message.caption } : {}),
    };
  }
  const text = message.text;
  if (text === undefined) return null;
  const command = message.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!command) return { type: 'text', text };
  const [name, mention] = text.slice(1, command.length).split('@');
  if (!name) return { type: 'text', text };
  // In a group, `/help@OtherBot` is another bot's command.
  if (mention && botUsername && mention.toLowerCase() !== botUsername.toLowerCase()) return null;
  const args = text.slice(command.length).trim();
  // `/start` alone is Telegram's "the user opened the bot"; with a payload it is a deep link.
  if (name.toLowerCase() === 'start' && args === '') return { type: 'installed' };
  return { type: 'command', name: name.toLowerCase(), args };
}
