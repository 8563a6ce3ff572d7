import type { ChannelRegistry } from '../engine/channel-registry';
import { EventDeferred } from '../engine/errors';
import type { InboundEventInput } from '../engine/messages';
import type { PlatformName } from '../domain/platforms';
import type { EventParking, ParkedEvent, ReplayOutcome } from '../jobs/parking';
import { sendReplies, type WebhookRunnerDeps } from './webhook';

export interface ReplayDeps extends Omit<WebhookRunnerDeps, 'parking'> {
  parking: EventParking;
  channels: ChannelRegistry;
  /** How often waiting events are tried again (and, on Redis, the shared list looked at). Default 1 s. */
  intervalMs?: number;
}

/** The default pause between replay rounds: how long after the database is back the first parked event is answered. */
const REPLAY_INTERVAL_MS = 1_000;

/**
 * Replays the events the webhooks parked while the database was out of reach, in the order they
 * came, once it answers again: each through the engine as a replay (its id may already be
 * recorded by the attempt that failed), its replies through the adapter without a turn (the
 * request it came with was answered long ago). One that is deferred again ends the round; the
 * next round tries it again. Returns the function that stops it.
 */
export function startReplaying(deps: ReplayDeps): () => void {
  const replay = (parked: ParkedEvent) => replayOne(deps, parked);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    // In memory, nothing to look at while nothing waits; on Redis, another instance (or a dead one) may have parked.
    if (deps.parking.backend === 'memory' && !deps.parking.waiting) return;
    running = true;
    deps.parking
      .drain(replay)
      .then((done) => done > 0 && deps.logger.info({ replayed: done }, 'parked events replayed'))
      .catch((error: unknown) => deps.logger.warn({ err: (error as Error)?.message }, 'parked events: replay round failed'))
      .finally(() => {
        running = false;
      });
  }, deps.intervalMs ?? REPLAY_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function replayOne(deps: ReplayDeps, parked: ParkedEvent): Promise<ReplayOutcome> {
  const ids = { platform: parked.platform, eventId: parked.eventId, replay: true };
  const adapter = deps.channels.get(parked.platform as PlatformName);
  const address = adapter?.address.decode(parked.address);
  if (!adapter || address === null || address === undefined) {
    deps.logger.error(ids, 'parked events: no channel for this event any more; dropped');
    return 'done';
  }
  const event = parked.event as InboundEventInput;
  try {
    const replies = await deps.engine.handle(event, { replay: true });
    await sendReplies(adapter, deps, { event, address }, replies, ids);
  } catch (error) {
    if (error instanceof EventDeferred) return 'deferred';
    deps.logger.error({ ...ids, err: (error as Error)?.message }, 'parked events: replay failed');
  }
  return 'done';
}
