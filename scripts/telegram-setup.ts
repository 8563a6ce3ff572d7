/**
 * `npm run telegram:setup`: registers the webhook (`${PUBLIC_URL}/telegram/webhook` with
 * TELEGRAM_WEBHOOK_SECRET) and the command menu with Telegram. Reads the same environment as the
 * app (see .env.example); prints what it did, never the token or the secret.
 */
import { toTelegramConfig } from '../adapters/telegram/config';
import { setupTelegram } from '../adapters/telegram/setup';
import { ConfigError, loadConfig } from '../src/config';
import { TELEGRAM_LANGUAGE_CODES } from '../adapters/telegram/commands';
import { commands, commandsIn } from '../src/engine/commands';

async function main(): Promise<void> {
  const config = toTelegramConfig(loadConfig());
  if (!config)
    throw new ConfigError(
      'TELEGRAM_BOT_TOKEN is unset: create a bot with @BotFather and set it (see manifests/telegram/README.md).',
    );
  const translations = Object.entries(TELEGRAM_LANGUAGE_CODES).map(([language, languageCode]) => ({
    languageCode,
    commands: commandsIn(language),
  }));
  const result = await setupTelegram(config, commands, translations);
  console.log(`Webhook set to ${result.webhookUrl} (secret token set); ${result.commands} commands published.`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
