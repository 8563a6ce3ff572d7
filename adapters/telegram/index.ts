import { Bot } from 'grammy';
import { ChannelError, type ChannelAdapter, type SentMessage } from '../../src/engine/channel';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import { CallbackDataCodec, inMemoryButtonPayloads, storedKeyOfPress, type ButtonPayloadStore } from './callback-data';
import { toBotOptions, WEBHOOK_PATH, type TelegramConfig } from './config';
import { isEditImpossible, isNotModified, toChannelError } from './errors';
import { fetchFileBytes, TELEGRAM_DOWNLOAD_MAX_BYTES } from './files';
import { addressCodec, messageRef, parseMessageRef, parseWebhookBody, type TelegramAddress } from './parse';
import { renderMessage, renderMessages, type RenderedMessage } from './render';
import { SECRET_HEADER, verifySecret } from './verify';
import { DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from '../shared/retry';

export interface TelegramAdapterDeps {
  logger: Logger;
  /** For file downloads; default the global fetch. */
  fetch?: typeof fetch;
  /** Waits between retries; tests pass a recording one. */
  sleep?: Sleep;
  retry?: RetryPolicy;
  /**
   * The webhook is answered 200 once the update is handled or after this long, whichever is first
   * (the rest goes on after the answer), so Telegram never times out and redelivers. Default 5 s.
   */
  answerWithinMs?: number;
  /**
   * Where button payloads longer than callback_data allows are kept; the database in production so
   * any instance decodes a press. Default: this process's memory (one process, tests).
   */
  buttonPayloads?: ButtonPayloadStore;
}

/** Telegram keeps a webhook request open for about 60 s; we answer well before. */
const DEFAULT_ANSWER_WITHIN_MS = 5_000;
/** An Update is small; documents arrive as file ids, never as bytes. */
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The Telegram channel (grammY's Bot API client). Retry contract of `send`: a 429 is retried here
 * when its retry_after is ≤ 5 s (3 tries in all); otherwise it throws ChannelError
 * RATE_LIMITED{retryAfterMs} for the queue to reschedule. 403 (blocked by the user) throws
 * FORBIDDEN at once: the runner marks the identity unreachable.
 */
export function createTelegramAdapter(config: TelegramConfig, deps: TelegramAdapterDeps): ChannelAdapter<TelegramAddress, void> {
  const bot = new Bot(config.token, toBotOptions(config));
  const buttonPayloads = deps.buttonPayloads ?? inMemoryButtonPayloads();
  const fetchImpl = deps.fetch ?? fetch;
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = deps.sleep ?? realSleep;
  const call = <T>(fn: () => Promise<T>) => withRetry(fn, policy, sleep, toChannelError);

  /** Drops the inline keyboard of an answered question, so its buttons cannot be pressed again. */
  async function retire(ref: string): Promise<void> {
    const pressed = parseMessageRef(ref);
    if (!pressed) return;
    try {
      await bot.api.editMessageReplyMarkup(pressed.chatId, pressed.messageId, { reply_markup: { inline_keyboard: [] } });
    } catch (error) {
      // Best effort: the answer matters more, and a late press of a kept button is answered as stale.
      const cause = error instanceof ChannelError ? error.cause : error;
      if (!isNotModified(cause) && !isEditImpossible(cause))
        deps.logger.warn({ err: toChannelError(error).message }, 'telegram: could not disable an answered keyboard');
    }
  }

  async function send(address: TelegramAddress, message: OutboundMessage): Promise<SentMessage> {
    if (message.retire) await retire(message.retire);
    const codec = new CallbackDataCodec();
    const parts = renderMessages(message, (a) => codec.encode(a));
    // Stored before the message goes out, so no press can arrive before its payload is there.
    await buttonPayloads.save(codec.pending());
    if (parts.length > 1) return sendParts(address, parts);
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
    const sent = await call(() => bot.api.sendMessage(address.chatId, text, other));
    return { messageRef: messageRef(sent.chat.id, sent.message_id) };
  }

  /** A long text in order, as new messages; its reference is the last part's, which has the buttons. */
  async function sendParts(address: TelegramAddress, parts: RenderedMessage[]): Promise<SentMessage> {
    let ref = '';
    for (const { text, ...other } of parts) {
      const sent = await call(() => bot.api.sendMessage(address.chatId, text, other));
      ref = messageRef(sent.chat.id, sent.message_id);
    }
    return { messageRef: ref };
  }

  async function downloadFile(ref: string, maxBytes: number): Promise<Buffer> {
    const limit = Math.min(maxBytes, TELEGRAM_DOWNLOAD_MAX_BYTES);
    const file = await call(() => bot.api.getFile(ref));
    if (file.file_size !== undefined && file.file_size > limit)
      throw new ChannelError('TOO_LARGE', 'That file is larger than allowed');
    if (!file.file_path) throw new ChannelError('NOT_FOUND', 'Telegram gave no path for that file');
    const url = `${config.apiRoot}/file/bot${config.token}/${file.file_path}`;
    return fetchFileBytes(fetchImpl, url, limit);
  }

  /** Stops the button's spinner; Telegram shows it until answered. */
  async function answerCallback(callbackQueryId: string): Promise<void> {
    try {
      await bot.api.answerCallbackQuery(callbackQueryId);
    } catch (error) {
      // An answer after Telegram's ~15 s window fails harmlessly; the press itself was handled.
      deps.logger.warn({ err: toChannelError(error).message }, 'telegram: answerCallbackQuery failed');
    }
  }

  return {
    platform: 'TELEGRAM',
    capabilities: { forms: false, editInPlace: true, files: true, replies: 'reply' },
    address: addressCodec,
    send,
    downloadFile,
    webhooks: [
      {
        path: WEBHOOK_PATH,
        bodyLimitBytes: BODY_LIMIT_BYTES,
        answerWithinMs: deps.answerWithinMs ?? DEFAULT_ANSWER_WITHIN_MS,
        // The secret is checked before the body is even parsed: a forged request costs us nothing.
        verify: (req) =>
          verifySecret(req.headers[SECRET_HEADER], config.webhookSecret)
            ? { ok: true }
            : { ok: false, status: 401, reason: 'Wrong or missing X-Telegram-Bot-Api-Secret-Token.' },
        async parse(req) {
          const codec = new CallbackDataCodec();
          const key = storedKeyOfPress(req.rawBody);
          const stored = key ? await buttonPayloads.find(key) : null;
          if (key && stored) codec.remember(key, stored);
          const parsed = parseWebhookBody(req.rawBody, { botUsername: config.botUsername, decodeAction: (d) => codec.decode(d) });
          if (!parsed) return { ok: false, status: 400, reason: 'The body is not a Telegram Update.' };
          const { item, callbackQueryId } = parsed;
          return {
            ok: true,
            value: {
              items: item ? [item] : [],
              turn: undefined,
              answer: { status: 200 },
              // Answered beside the engine: the spinner stops sooner, and a repeat still gets it.
              ...(callbackQueryId ? { alongside: () => answerCallback(callbackQueryId) } : {}),
            },
          };
        },
      },
    ],
    async check() {
      // Answers, and takes the token (a revoked one is 401).
      await call(() => bot.api.getMe());
    },
  };
}
