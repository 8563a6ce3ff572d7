import type { PlatformName } from '../domain/platforms';
import { ChannelError, type ChannelAdapter, type SentMessage } from './channel';
import type { OutboundMessage } from './messages';

/**
 * The adapters of this process, by platform: one registry, shared by the engine (capabilities,
 * file downloads) and the delivery path (proactive sends). The composition root fills it; the
 * engine and src/notify never import an adapter (DESIGN §3).
 */
export interface ChannelRegistry {
  register(adapter: ChannelAdapter): void;
  /** The adapter for a platform, or undefined when that platform is not configured here. */
  get(platform: PlatformName): ChannelAdapter | undefined;
  platforms(): PlatformName[];
  /**
   * Sends to an address as stored (JSON): the platform's codec decodes it, so a stored address of
   * the wrong shape is an INVALID ChannelError, not a crash inside the adapter.
   */
  sendStored(platform: PlatformName, stored: unknown, message: OutboundMessage): Promise<SentMessage>;
}

export function createChannelRegistry(adapters: readonly ChannelAdapter[] = []): ChannelRegistry {
  const byPlatform = new Map<PlatformName, ChannelAdapter>();
  const registry: ChannelRegistry = {
    register(adapter) {
      byPlatform.set(adapter.platform, adapter);
    },
    get: (platform) => byPlatform.get(platform),
    platforms: () => [...byPlatform.keys()],
    async sendStored(platform, stored, message) {
      const adapter = byPlatform.get(platform);
      // A platform not configured in this process may be configured again later: retried, then failed.
      if (!adapter) throw new ChannelError('UNREACHABLE', `no ${platform} adapter is configured`);
      return sendTo(adapter, stored, message);
    },
  };
  adapters.forEach((a) => registry.register(a));
  return registry;
}

async function sendTo<A, T>(adapter: ChannelAdapter<A, T>, stored: unknown, message: OutboundMessage): Promise<SentMessage> {
  const address = adapter.address.decode(stored);
  if (address === null) throw new ChannelError('INVALID', `not a ${adapter.platform} conversation address`);
  return adapter.send(address, message);
}
