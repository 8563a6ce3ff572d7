import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { SlackInstallationData, SlackInstallations } from '../../src/services/slack-installations';

/**
 * Bolt's installation store over our PostgreSQL table (src/services/slack-installations.ts), so
 * every instance serves every workspace that installed the app. Bolt's objects are stored whole.
 */
export function createInstallationStore(installations: SlackInstallations): InstallationStore {
  return {
    async storeInstallation(installation) {
      await installations.save({
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        botUserId: installation.bot?.userId ?? null,
        data: JSON.parse(JSON.stringify(installation)) as SlackInstallationData,
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const data = await installations.find(toQuery(query));
      // Bolt turns this into an AuthorizationError: the event is acknowledged, nothing runs.
      if (!data) throw new Error(`No Slack installation for ${query.teamId ?? query.enterpriseId ?? 'unknown workspace'}`);
      return data as unknown as Installation<'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.remove(toQuery(query));
    },
  };
}

const toQuery = (q: InstallationQuery<boolean>) => ({
  teamId: q.teamId ?? null,
  enterpriseId: q.enterpriseId ?? null,
  isEnterpriseInstall: q.isEnterpriseInstall,
});

/** The bot token of a stored installation (what proactive sends and downloads need). */
export function botTokenOf(data: unknown): string | null {
  const bot = (data as { bot?: { token?: unknown } } | null)?.bot;
  return typeof bot?.token === 'string' ? bot.token : null;
}
