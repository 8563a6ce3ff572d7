import { Bot } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import { toBotCommands } from './commands';
import { toBotOptions, WEBHOOK_PATH, type TelegramConfig } from './config';
import { toChannelError } from './errors';

/** The only update kinds the adapter reads; Telegram then skips sending the rest. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface SetupResult {
  webhookUrl: string;
  commands: number;
}

/**
 * Points Telegram at our webhook (with the secret it must echo) and publishes the command menu.
 * Idempotent: run it again after changing PUBLIC_URL, the secret or the commands. Telegram itself
 * refuses a webhook that is not https:// (its message is passed on).
 */
export async function setupTelegram(
  config: TelegramConfig,
  commands: readonly { name: string; help: string }[],
  /** The same menu per Telegram `language_code` (users whose app is in that language see it). */
  translations: readonly { languageCode: string; commands: readonly { name: string; help: string }[] }[] = [],
): Promise<SetupResult> {
  const bot = new Bot(config.token, toBotOptions(config));
  const webhookUrl = `${config.publicUrl}${WEBHOOK_PATH}`;
  const menu = toBotCommands(commands);
  try {
    await bot.api.setWebhook(webhookUrl, { secret_token: config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
    for (const tr of translations)
      await bot.api.setMyCommands(toBotCommands(tr.commands), { language_code: tr.languageCode as LanguageCode });
    // The default menu last: it is what every other language sees.
    await bot.api.setMyCommands(menu);
  } catch (error) {
    throw toChannelError(error);
  }
  return { webhookUrl, commands: menu.length };
}
