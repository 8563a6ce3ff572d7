import { randomBytes } from 'node:crypto';
import { createWebChatAdapter, mountInvitePage, mountWebChat, toWebChatConfig, type WebChatMountDeps } from '../adapters/web';
import type { Core } from './app';
import { inviteChannels } from './domain/invite-channels';
import { createEngine } from './engine';
import type { Mount } from './http/app';
import { createNotifications } from './notify/wiring';

/**
 * The product on top of the core: the notification pipeline, one engine, every configured channel
 * registered with both, and their routes. Adding a platform is one adapter here; the engine and the
 * services never learn of it. Called once per process by createEndorse, before the queue starts,
 * so the jobs the engine and the pipeline register are in place. A platform's adapter (and its
 * SDK: 25-40 MB of memory each) is loaded only when that platform is configured.
 */
export async function composeProduct(core: Core): Promise<Mount[]> {
  // The engine gets the notifying services (comments, stage changes and submissions reach chat), and
  // every adapter registered with it is registered for notifications too.
  const notifications = createNotifications(core);
  core.onStop(() => notifications.close());
  const engine = notifications.withChannels(
    createEngine({ services: notifications.services, queue: core.queue, logger: core.logger }),
  );
  const mounts: Mount[] = [notifications.mount];

  let webChat: WebChatMountDeps | null = null;
  if (core.config.webChatEnabled) {
    const config = toWebChatConfig(core.config, () => randomBytes(32).toString('base64url'));
    if (config.secretIsEphemeral)
      core.logger.warn(
        'SESSION_SECRET is unset: web chat sessions end when this process stops; set it when running two instances',
      );
    const adapter = createWebChatAdapter({ config, logger: core.logger });
    engine.registerChannel(adapter);
    // Open event streams never end on their own; end them so shutdown does not wait on browsers.
    core.onStop(() => adapter.close());
    webChat = { adapter, engine, services: core.services, demoUsers: core.demoUsers, logger: core.logger };
  }
  const channelsFor = (token: string) =>
    inviteChannels(token, {
      publicUrl: core.config.publicUrl,
      telegramBotUsername: core.config.telegram?.botUsername ?? undefined,
      slack: core.config.slack !== null,
      teams: core.config.teams !== null,
      webChat: webChat !== null,
    });
  mounts.push(mountInvitePage({ webChat, channels: channelsFor }));
  if (webChat) mounts.push(mountWebChat(webChat));

  const channelDeps = { config: core.config, logger: core.logger, services: core.services, engine };
  if (core.config.telegram) {
    const { createTelegramChannel, mountTelegram } = await import('../adapters/telegram');
    const telegram = createTelegramChannel(channelDeps);
    if (telegram) mounts.push(mountTelegram(telegram));
  }
  if (core.config.slack) {
    const { createSlackChannel, mountSlack } = await import('../adapters/slack');
    const slack = createSlackChannel(channelDeps);
    if (slack) mounts.push(mountSlack(slack));
  }
  if (core.config.teams) {
    const { createTeamsChannel, mountTeams } = await import('../adapters/teams');
    const teams = createTeamsChannel(channelDeps);
    if (teams) mounts.push(mountTeams(teams));
  }
  return mounts;
}
