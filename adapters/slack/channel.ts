import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import { toSlackConfig } from './config';
import type { HomeSource } from './handler';
import { createSlackAdapter, type SlackAdapter } from './index';
import type { EngineHandler, SlackMountDeps } from './mount';

export interface SlackChannelDeps {
  config: Config;
  logger: Logger;
  services: Pick<Services, 'slackInstallations' | 'resolveIdentity' | 'listDashboard'>;
  engine: EngineHandler & { registerChannel(adapter: SlackAdapter): void };
}

/**
 * The Slack channel wired into a process: null when SLACK_SIGNING_SECRET is unset, else the
 * adapter registered with the engine and what its routes need.
 */
export function createSlackChannel(deps: SlackChannelDeps): SlackMountDeps | null {
  const config = toSlackConfig(deps.config);
  if (!config) return null;
  const adapter = createSlackAdapter({ config, logger: deps.logger, installations: deps.services.slackInstallations });
  deps.engine.registerChannel(adapter);
  return { adapter, engine: deps.engine, logger: deps.logger, home: homeFromServices(deps.services) };
}

/** The Home tab shows the user's My Candidates metrics for the last 30 days. */
function homeFromServices(services: SlackChannelDeps['services']): HomeSource {
  return {
    async metricsFor(teamId, userId) {
      const who = await services.resolveIdentity({ platform: 'SLACK', workspaceId: teamId, platformUserId: userId });
      if (!who?.active) return null;
      const page = await services.listDashboard(who.userId, { view: 'mine', pageSize: 1 });
      return { name: who.name ?? who.email, ...page.metrics };
    },
  };
}
