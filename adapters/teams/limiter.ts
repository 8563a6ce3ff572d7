/**
 * Teams throttles a bot per conversation at 7 messages per second (and 8 per 2 s, 60 per 30 s).
 * Every send of this adapter, direct reply or proactive, takes a slot here first, so a burst (a
 * paged list, a resume summary, a few notifications at once) is spread out instead of drawing 429s.
 * Per process: across instances Teams' own 429 (retried by botbuilder) is the backstop.
 */
export interface ConversationLimiter {
  /** Resolves when one more message may go to `conversationId`. */
  acquire(conversationId: string): Promise<void>;
}

export interface ConversationLimiterOptions {
  /** Sustained messages per second per conversation. Default 6 (one under Teams' 7). */
  perSecond?: number;
  /** Messages allowed back to back before the rate applies. Default 6. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A generic cell rate limiter keyed by conversation; concurrent senders queue in call order. */
export function createConversationLimiter(options: ConversationLimiterOptions = {}): ConversationLimiter {
  const interval = 1000 / (options.perSecond ?? 6);
  const burst = options.burst ?? 6;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Theoretical arrival time per conversation; idle ones are dropped when the map grows.
  const tat = new Map<string, number>();
  return {
    async acquire(conversationId) {
      const t = now();
      const previous = tat.get(conversationId) ?? t;
      const start = Math.max(t, previous - (burst - 1) * interval);
      tat.set(conversationId, Math.max(previous, start) + interval);
      if (tat.size > 10_000) for (const [key, at] of tat) if (at < t) tat.delete(key);
      if (start > t) await sleep(start - t);
    },
  };
}
