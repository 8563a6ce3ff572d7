import type { ChannelAdapter } from '../engine/channel';
import type { PlatformName } from '../domain/platforms';
import type { Logger } from '../logger';

/** One channel as `/healthz` and `/readyz` show it. */
export interface ChannelState {
  ok: boolean;
  /** Why it is down, and when it is tried again. */
  detail?: string;
}

export interface ChannelStatus {
  /** Null while the channel serves (or nothing is known against it yet); else when to come back, in seconds. */
  down(platform: PlatformName): { retryAfterS: number; reason: string } | null;
  /** Every checked channel, by platform. */
  report(): Record<string, ChannelState>;
  /** Checks every channel now, then keeps checking (see {@link ChannelStatusOptions}); returns the stopper. */
  start(): () => void;
}

export interface ChannelStatusOptions {
  channels: readonly ChannelAdapter[];
  logger: Logger;
  /** The first wait after a failed check; doubled after each further one. Default 1 s. */
  firstRetryMs?: number;
  /** The longest wait between checks of a channel that is down. Default 30 s. */
  maxRetryMs?: number;
  /** How often a channel that is up is checked again (a token revoked later). Default 5 min. */
  recheckMs?: number;
}

interface Tracked {
  adapter: ChannelAdapter;
  down: { reason: string; nextAt: number; waitMs: number } | null;
  timer?: NodeJS.Timeout;
}

/**
 * Channels start and fail independently (issue 16): each adapter's `check` runs at start without
 * holding the start up; a channel whose platform is unreachable or refuses our credentials is
 * logged, shown in `/healthz` and `/readyz`, checked again with backoff, and its webhooks answer
 * 503 with Retry-After until a check passes. Every other channel and the REST API go on serving.
 */
export function createChannelStatus(options: ChannelStatusOptions): ChannelStatus {
  const firstRetryMs = options.firstRetryMs ?? 1_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const recheckMs = options.recheckMs ?? 300_000;
  const tracked = new Map<PlatformName, Tracked>();
  for (const adapter of options.channels) if (adapter.check) tracked.set(adapter.platform, { adapter, down: null });
  let stopped = false;

  const run = async (entry: Tracked): Promise<void> => {
    const platform = entry.adapter.platform;
    let next: number;
    try {
      await entry.adapter.check?.();
      if (entry.down) options.logger.info({ platform }, 'channel: the platform answers again; serving');
      entry.down = null;
      next = recheckMs;
    } catch (error) {
      const err = error as { code?: string; message?: string };
      const waitMs = entry.down ? Math.min(entry.down.waitMs * 2, maxRetryMs) : firstRetryMs;
      const reason = `${err?.code ?? 'ERROR'}: ${err?.message ?? String(error)}`;
      options.logger.error(
        { platform, code: err?.code, err: err?.message, retryInMs: waitMs },
        'channel: down; its webhooks answer 503',
      );
      entry.down = { reason, waitMs, nextAt: Date.now() + waitMs };
      next = waitMs;
    }
    if (stopped) return;
    entry.timer = setTimeout(() => void run(entry), next);
    entry.timer.unref();
  };

  return {
    down(platform) {
      const entry = tracked.get(platform)?.down;
      if (!entry) return null;
      return { reason: entry.reason, retryAfterS: Math.max(1, Math.ceil((entry.nextAt - Date.now()) / 1000)) };
    },
    report() {
      const out: Record<string, ChannelState> = {};
      for (const [platform, entry] of tracked)
        out[platform] = entry.down
          ? { ok: false, detail: `${entry.down.reason}; tried again in ${Math.max(0, entry.down.nextAt - Date.now())} ms` }
          : { ok: true };
      return out;
    },
    start() {
      for (const entry of tracked.values()) void run(entry);
      return () => {
        stopped = true;
        for (const entry of tracked.values()) clearTimeout(entry.timer);
      };
    },
  };
}
