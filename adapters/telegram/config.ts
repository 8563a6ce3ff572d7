import type { BotConfig, Context } from 'grammy';
import type { Config } from '../../src/config';

type UserFromGetMe = NonNullable<BotConfig<Context>['botInfo']>;

/** What the Telegram adapter needs from the process config (STYLE.md §3: pure, no I/O). */
export interface TelegramConfig {
  /** BotFather's token, `123456789:AA…`; its numeric prefix is the bot's user id. */
  token: string;
  /** Sent by Telegram as X-Telegram-Bot-Api-Secret-Token once setWebhook was given it. */
  webhookSecret: string;
  /** Bot API base URL without a trailing slash; tests point it at a local fake. */
  apiRoot: string;
  /** The bot's @username without the @, for `/cmd@bot` and t.me deep links; null when not configured. */
  botUsername: string | null;
  /** Public base URL of this app; the webhook is `${publicUrl}/telegram/webhook`. */
  publicUrl: string;
}

export const WEBHOOK_PATH = '/telegram/webhook';

/** The adapter's config, or null when TELEGRAM_BOT_TOKEN is unset (the adapter is not mounted). */
export function toTelegramConfig(config: Config): TelegramConfig | null {
  const t = config.telegram;
  if (!t) return null;
  return { ...t, apiRoot: t.apiRoot.replace(/\/+$/, ''), publicUrl: config.publicUrl };
}

/**
 * grammY's `botInfo`, built from the token and the configured username so that the process never
 * calls getMe at start (a Bot API outage must not stop the app from booting).
 */
export function botInfoOf(config: Pick<TelegramConfig, 'token' | 'botUsername'>): UserFromGetMe {
  const id = Number(config.token.split(':')[0]);
  // grammY needs some username; we never use its command matching, so a placeholder is harmless.
  const username = config.botUsername ?? 'endorse_bot';
  return {
    id: Number.isSafeInteger(id) ? id : 0,
    is_bot: true,
    first_name: username,
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** grammY's Bot options: our botInfo and API root. */
export function toBotOptions(config: TelegramConfig) {
  return { botInfo: botInfoOf(config), client: { apiRoot: config.apiRoot } };
}

/** The invitation deep link, `https://t.me/<bot>?start=<token>`. */
export function deepLink(botUsername: string, token: string): string {
  return `https://t.me/${encodeURIComponent(botUsername)}?start=${encodeURIComponent(token)}`;
}
