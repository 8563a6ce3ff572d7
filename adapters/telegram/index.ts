import { Bot } from 'grammy';
import { ChannelError, type ChannelAdapter, type SentMessage } from '../../src/engine/channel';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import { CallbackDataCodec } from './callback-data';
import { toBotOptions, type TelegramConfig } from './config';
import { isEditImpossible, isNotModified, toChannelError } from './errors';
import { fetchFileBytes, TELEGRAM_DOWNLOAD_MAX_BYTES } from './files';
import { addressSchema, messageRef, parseMessageRef, parseUpdate, type ParsedUpdate } from './parse';
import { renderMessage } from './render';
import { DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from '../shared/retry';

export type { TelegramConfig } from './config';
export { toTelegramConfig, deepLink, WEBHOOK_PATH } from './config';
export { mountTelegram, type TelegramMountDeps } from './mount';
export { createTelegramChannel } from './channel';

export interface TelegramAdapterOptions {
  config: TelegramConfig;
  logger: Logger;
  /** For file downloads; default the global fetch. */
  fetch?: typeof fetch;
  /** Waits between retries; tests pass a recording one. */
  sleep?: Sleep;
  retry?: RetryPolicy;
}

/** The Telegram channel: the engine's port plus what the webhook route needs. */
export interface TelegramAdapter extends ChannelAdapter {
  readonly config: TelegramConfig;
  /** grammY's Bot, used only for its Bot API client (`bot.api`). */
  readonly bot: Bot;
  /** A webhook body → the engine's event (throws a ZodError for a body that is not an Update). */
  parse(body: unknown): ParsedUpdate;
  /** Stops the button's spinner; Telegram shows it until answered. */
  answerCallback(callbackQueryId: string): Promise<void>;
}

/**
 * Retry contract of `send`: a 429 is retried here when its retry_after is ≤ 5 s (3 tries in all);
 * otherwise it throws ChannelError RATE_LIMITED{retryAfterMs} for the queue to reschedule. 403
 * (blocked by the user) throws FORBIDDEN at once: the caller marks the identity unreachable.
 */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const { config } = options;
  const bot = new Bot(config.token, toBotOptions(config));
  const codec = new CallbackDataCodec();
  const fetchImpl = options.fetch ?? fetch;
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  const call = <T>(fn: () => Promise<T>) => withRetry(fn, policy, sleep, toChannelError);

  async function send(address: unknown, message: OutboundMessage): Promise<SentMessage> {
    const parsed = addressSchema.safeParse(address);
    if (!parsed.success) throw new ChannelError('INVALID', 'Not a Telegram conversation address');
    const { text, ...other } = renderMessage(message, (a) => codec.encode(a));
    const edit = message.edit ? parseMessageRef(message.edit) : null;
    if (edit) {
      try {
        await call(() => bot.api.editMessageText(edit.chatId, edit.messageId, text, other));
        return { messageRef: messageRef(edit.chatId, edit.messageId) };
      } catch (error) {
        const cause = error instanceof ChannelError ? error.cause : error;
        if (isNotModified(cause)) return { messageRef: messageRef(edit.chatId, edit.messageId) };
        // Too old or deleted: the page arrives as a new message instead.
        if (!isEditImpossible(cause)) throw toChannelError(error);
      }
    }
    const sent = await call(() => bot.api.sendMessage(parsed.data.chatId, text, other));
    return { messageRef: messageRef(sent.chat.id, sent.message_id) };
  }

  async function downloadFile(ref: string, maxBytes: number): Promise<Buffer> {
    const limit = Math.min(maxBytes, TELEGRAM_DOWNLOAD_MAX_BYTES);
    const file = await call(() => bot.api.getFile(ref));
    if (file.file_size !== undefined && file.file_size > limit)
      throw new ChannelError('INVALID', 'That file is larger than allowed');
    if (!file.file_path) throw new ChannelError('NOT_FOUND', 'Telegram gave no path for that file');
    const url = `${config.apiRoot}/file/bot${config.token}/${file.file_path}`;
    return fetchFileBytes(fetchImpl, url, limit);
  }

  return {
    platform: 'TELEGRAM',
    capabilities: { forms: false, editInPlace: true, files: true },
    config,
    bot,
    send,
    downloadFile,
    parse: (body) => parseUpdate(body, { botUsername: config.botUsername, decodeAction: (d) => codec.decode(d) }),
    async answerCallback(callbackQueryId) {
      try {
        await bot.api.answerCallbackQuery(callbackQueryId);
      } catch (error) {
        // An answer after Telegram's ~15 s window fails harmlessly; the press itself was handled.
        options.logger.warn({ err: toChannelError(error).message }, 'telegram: answerCallbackQuery failed');
      }
    },
  };
}
