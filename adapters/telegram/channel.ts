import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import { toTelegramConfig } from './config';
import { createTelegramAdapter } from './index';
import type { EngineHandler, TelegramMountDeps } from './mount';

export interface TelegramChannelDeps {
  config: Config;
  logger: Logger;
  services: Pick<Services, 'markIdentityUnreachable'>;
  engine: EngineHandler & { registerChannel(adapter: ReturnType<typeof createTelegramAdapter>): void };
}

/**
 * The Telegram channel wired into a process: null when TELEGRAM_BOT_TOKEN is unset, else the
 * adapter registered with the engine and what its webhook route needs.
 */
export function createTelegramChannel(deps: TelegramChannelDeps): TelegramMountDeps | null {
  const config = toTelegramConfig(deps.config);
  if (!config) return null;
  const adapter = createTelegramAdapter({ config, logger: deps.logger });
  deps.engine.registerChannel(adapter);
  return {
    adapter,
    engine: deps.engine,
    logger: deps.logger,
    markUnreachable: (platformUserId) =>
      deps.services.markIdentityUnreachable({ platform: 'TELEGRAM', workspaceId: '', platformUserId }),
  };
}
