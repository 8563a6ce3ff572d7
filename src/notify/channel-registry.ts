import type { ChannelAdapter } from '../engine/channel';
import type { PlatformName } from '../domain/platforms';

/**
 * The adapters notifications can be sent through, by platform. The composition root (product.ts)
 * registers here the same adapters it registers with the engine, so the pipeline never imports an
 * adapter (DESIGN §3).
 */
export interface ChannelRegistry {
  register(adapter: ChannelAdapter): void;
  /** The adapter for a platform, or undefined when that platform is not configured here. */
  get(platform: PlatformName): ChannelAdapter | undefined;
  platforms(): PlatformName[];
}

export function createChannelRegistry(adapters: readonly ChannelAdapter[] = []): ChannelRegistry {
  const byPlatform = new Map<PlatformName, ChannelAdapter>();
  const registry: ChannelRegistry = {
    register(adapter) {
      byPlatform.set(adapter.platform, adapter);
    },
    get: (platform) => byPlatform.get(platform),
    platforms: () => [...byPlatform.keys()],
  };
  adapters.forEach((a) => registry.register(a));
  return registry;
}
