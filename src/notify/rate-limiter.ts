/**
 * Per-platform and per-conversation send limits (DESIGN §2), so we stay under what each platform
 * accepts instead of collecting 429s. A generic cell rate algorithm: every key has an interval and
 * a burst; `acquire` reserves the next free slot on both keys at once, so concurrent senders queue
 * in order. Limits are per process: across instances the platform's own 429 (with `pause`) is the
 * backstop.
 */
export interface RateLimit {
  /** Sustained messages per second. */
  perSecond: number;
  /** Messages allowed back to back before the rate applies. Default 1. */
  burst?: number;
}

export interface ChannelLimits {
  /** For the whole bot on that platform. */
  platform?: RateLimit;
  /** For one conversation (one chat identity's DM). */
  conversation?: RateLimit;
}

/**
 * Published limits of each platform, with a margin: Telegram 30 msg/s per bot and about 1 msg/s per
 * chat; Slack about 1 msg/s per channel; Bot Framework 7 msg/s per conversation; the web chat is ours.
 */
export const DEFAULT_CHANNEL_LIMITS: Readonly<Record<string, ChannelLimits>> = {
  TELEGRAM: { platform: { perSecond: 25, burst: 25 }, conversation: { perSecond: 1, burst: 3 } },
  SLACK: { conversation: { perSecond: 1, burst: 3 } },
  TEAMS: { platform: { perSecond: 40, burst: 40 }, conversation: { perSecond: 6, burst: 6 } },
  EMAIL: { platform: { perSecond: 10, burst: 10 } },
};

export interface RateLimiter {
  /** Resolves when one message may be sent on `channel` to `conversation`. */
  acquire(channel: string, conversation: string): Promise<void>;
  /** The platform said 429: nothing more to that conversation (and platform) for `ms`. */
  pause(channel: string, conversation: string, ms: number): void;
}

export interface RateLimiterOptions {
  limits?: Readonly<Record<string, ChannelLimits>>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limits = options.limits ?? DEFAULT_CHANNEL_LIMITS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Theoretical arrival time per key (GCRA); keys of idle conversations are dropped once past.
  const tat = new Map<string, number>();
  // Until when a conversation is paused after a 429, whether or not its channel has limits.
  const pausedUntil = new Map<string, number>();

  const keysOf = (channel: string, conversation: string): [string, RateLimit][] => {
    const l = limits[channel];
    const keys: [string, RateLimit][] = [];
    if (l?.platform) keys.push([channel, l.platform]);
    if (l?.conversation) keys.push([`${channel}:${conversation}`, l.conversation]);
    return keys;
  };

  return {
    async acquire(channel, conversation) {
      const keys = keysOf(channel, conversation);
      const t = now();
      let start = Math.max(t, pausedUntil.get(`${channel}:${conversation}`) ?? 0);
      for (const [key, limit] of keys) {
        const interval = 1000 / limit.perSecond;
        const allowedAt = (tat.get(key) ?? t) - ((limit.burst ?? 1) - 1) * interval;
        start = Math.max(start, allowedAt);
      }
      for (const [key, limit] of keys) tat.set(key, Math.max(tat.get(key) ?? start, start) + 1000 / limit.perSecond);
      if (tat.size > 10_000) for (const [key, at] of tat) if (at < t) tat.delete(key);
      if (pausedUntil.size > 10_000) for (const [key, at] of pausedUntil) if (at < t) pausedUntil.delete(key);
      if (start > t) await sleep(start - t);
    },
    pause(channel, conversation, ms) {
      const key = `${channel}:${conversation}`;
      pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, now() + ms));
    },
  };
}
