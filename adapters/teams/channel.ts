import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import { toTeamsConfig } from './config';
import { createTeamsAdapter, type TeamsAdapter } from './index';
import type { EngineHandler, TeamsMountDeps } from './mount';

export interface TeamsChannelDeps {
  config: Config;
  logger: Logger;
  services: Pick<Services, 'markIdentityUnreachable'>;
  engine: EngineHandler & { registerChannel(adapter: TeamsAdapter): void };
}

/**
 * The Teams channel wired into a process: null unless MICROSOFT_APP_ID or TEAMS_ENABLED=true, else
 * the adapter registered with the engine and what its route needs. Throws in production without
 * an app id (the config refuses that too).
 */
export function createTeamsChannel(deps: TeamsChannelDeps): TeamsMountDeps | null {
  const config = toTeamsConfig(deps.config);
  if (!config) return null;
  const adapter = createTeamsAdapter({ config, logger: deps.logger });
  if (adapter.authMode === 'local')
    deps.logger.warn(
      "TEAMS: MICROSOFT_APP_ID is unset, so /api/messages runs in the Bot Framework Emulator's UNAUTHENTICATED local mode: anyone who can reach it can act as any Teams user. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD before exposing it.",
    );
  deps.engine.registerChannel(adapter);
  return {
    adapter,
    engine: deps.engine,
    logger: deps.logger,
    markUnreachable: (workspaceId, platformUserId) =>
      deps.services.markIdentityUnreachable({ platform: 'TEAMS', workspaceId, platformUserId }),
  };
}
