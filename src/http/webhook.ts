import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import {
  ChannelError,
  type ChannelAdapter,
  type ChannelWebhook,
  type InboundItem,
  type WebhookAnswer,
  type WebhookRequest,
} from '../engine/channel';
import type { SendLater } from '../engine/context';
import { EventDeferred } from '../engine/errors';
import type { InboundEventInput, OutboundMessage } from '../engine/messages';
import type { EventParking } from '../jobs/parking';
import type { PlatformName } from '../domain/platforms';
import type { Logger } from '../logger';
import type { Mount } from './app';
import type { Metrics } from '../metrics/metrics';

/** The engine as the runner sees it: one event in, the direct replies out, in order. */
export interface EventHandler {
  /** Throws EventDeferred when the event cannot be handled now (the database is out of reach). */
  handle(event: InboundEventInput, options?: { replay?: boolean }): Promise<OutboundMessage[]>;
}

export interface WebhookRunnerDeps {
  engine: EventHandler;
  /**
   * Where replies go that the platform would not take now (429 past the inline wait, 5xx, the
   * network): the delivery path, which waits out Retry-After, backs off, and keeps their order.
   */
  sendLater: SendLater;
  /** A reply answered FORBIDDEN (the user blocked the bot, or uninstalled it): stop sending there. */
  markUnreachable(identity: { platform: PlatformName; workspaceId: string; platformUserId: string }): Promise<void>;
  /**
   * Where an event the engine deferred (the database out of reach) waits to be handled again
   * (src/http/replay.ts). Without it, such an event is answered with a 503 the platform redelivers on.
   */
  parking?: EventParking;
  /**
   * A channel whose platform is unreachable or refuses our credentials (src/http/channel-status.ts):
   * its webhooks answer 503 with Retry-After until it is back. Absent: always served.
   */
  channelDown?: (platform: PlatformName) => { retryAfterS: number; reason: string } | null;
  logger: Logger;
  /** Counts inbound events and times their replies (GET /metrics); default counts nothing. */
  metrics?: Pick<Metrics, 'inboundEvent' | 'replyLatency'>;
}

/** How long a platform is asked to wait before redelivering an event we could neither handle nor keep. */
const REDELIVER_AFTER_S = 5;

/**
 * The one inbound pipeline (DESIGN §3), the same for every platform: verify → 401; parse → 400;
 * each event to the engine (which drops a repeat); the replies sent in order through the adapter;
 * FORBIDDEN → the identity is marked unreachable; the platform answered within its deadline (at
 * once for Slack, when done or at the deadline for the others; the work goes on after the answer).
 * A failure of ours is logged with ids only and still answered 2xx: the platform would otherwise
 * redeliver, forever, an event that fails the same way each time. An event the engine deferred
 * (the database out of reach) is parked and handled when the database is back — answered 2xx
 * too, since it is kept; only when it cannot be kept either is the answer a 503 with Retry-After,
 * which Telegram and Slack redeliver on (and Bot Framework may).
 */
export function mountChannel<A, T>(adapter: ChannelAdapter<A, T>, deps: WebhookRunnerDeps): Mount {
  return (app: Express) => {
    for (const hook of adapter.webhooks)
      app.post(
        hook.path,
        express.raw({ type: () => true, limit: hook.bodyLimitBytes }),
        runner(adapter, hook, deps),
        bodyError(adapter.platform, deps),
      );
    adapter.routes?.(app);
  };
}

function runner<A, T>(adapter: ChannelAdapter<A, T>, hook: ChannelWebhook<A, T>, deps: WebhookRunnerDeps) {
  const { logger } = deps;
  const platform = adapter.platform;
  const unkept = new RedeliveryBook();
  return async (req: Request, res: Response): Promise<void> => {
    const request = toWebhookRequest(req, res);
    const down = deps.channelDown?.(platform);
    if (down)
      return answer(res, {
        status: 503,
        headers: { 'Retry-After': String(down.retryAfterS) },
        body: { error: 'unavailable', message: `This channel is not serving until its platform answers again (${down.reason}).` },
      });
    const verdict = await hook.verify(request);
    if (!verdict.ok) {
      logger.warn({ platform, requestId: request.requestId, status: verdict.status }, 'webhook: request refused');
      const error = verdict.status === 503 ? 'unavailable' : verdict.status === 403 ? 'forbidden' : 'unauthorized';
      return answer(res, verdict.answer ?? { status: verdict.status, body: { error, message: verdict.reason } });
    }
    const parsed = await hook.parse(request, verdict);
    if (!parsed.ok) {
      logger.warn({ platform, requestId: request.requestId, status: parsed.status }, 'webhook: body not understood');
      return answer(res, parsed.answer ?? { status: parsed.status, body: { error: 'invalid', message: parsed.reason } });
    }
    const { items, turn, alongside } = parsed.value;
    const beside = alongside?.().catch((error: unknown) =>
      logger.warn({ platform, requestId: request.requestId, err: (error as Error)?.message }, 'webhook: side work failed'),
    );
    let refused = false;
    const work = (async () => {
      for (const item of items)
        if ((await runItem(adapter, hook, deps, item, turn, request.requestId, unkept)) === 'unkept') refused = true;
      await beside;
    })();
    if (parsed.value.answerFirst) {
      answer(res, parsed.value.answer);
      await work;
      return;
    }
    const done = await within(work, hook.answerWithinMs);
    if (!done) hook.answeredEarly?.(turn);
    if (done && refused)
      return answer(res, {
        status: 503,
        headers: { 'Retry-After': String(REDELIVER_AFTER_S) },
        body: { error: 'unavailable', message: 'The database is out of reach; send this event again shortly.' },
      });
    answer(res, done && hook.answerAfter ? hook.answerAfter(turn) : parsed.value.answer);
  };
}

/**
 * One event: prepared, handled, its replies sent in order; or, when the engine defers it (or
 * deferred ones wait already, which it must not overtake), parked. Never throws: failures are
 * logged with ids. 'unkept': deferred, and the parking could not keep it either.
 */
async function runItem<A, T>(
  adapter: ChannelAdapter<A, T>,
  hook: ChannelWebhook<A, T>,
  deps: WebhookRunnerDeps,
  item: InboundItem<A>,
  turn: T,
  requestId: string,
  unkept: RedeliveryBook,
): Promise<'handled' | 'parked' | 'unkept'> {
  const ids = { platform: adapter.platform, requestId, eventId: item.event.eventId };
  let prepared: InboundItem<A> | undefined;
  const started = process.hrtime.bigint();
  deps.metrics?.inboundEvent(adapter.platform, item.event.payload.type);
  try {
    prepared = hook.prepare ? await hook.prepare(item, turn) : item;
    // Behind events of this conversation that wait (a store out of reach counts as holding them).
    if (deps.parking?.waiting && (await deps.parking.holds(conversationOf(prepared.event)).catch(() => true)))
      return await park(adapter, deps, prepared, ids);
    // A redelivery of an event answered 503 here: the attempt that failed may have recorded its id.
    const replay = unkept.take(prepared.event.eventId);
    const replies = await deps.engine.handle(prepared.event, { replay });
    await sendReplies(adapter, deps, prepared, replies, ids, turn);
    deps.metrics?.replyLatency(adapter.platform, Number(process.hrtime.bigint() - started) / 1e9);
  } catch (error) {
    if (error instanceof EventDeferred && prepared) {
      const outcome = await park(adapter, deps, prepared, ids);
      if (outcome === 'unkept') unkept.add(prepared.event.eventId);
      return outcome;
    }
    const err = error as Error;
    // A reply that failed stops the ones after it: they would read out of order without it.
    deps.logger.error({ ...ids, err: err?.message, code: (error as ChannelError)?.code }, 'webhook: event failed');
  }
  return 'handled';
}

async function park<A>(
  adapter: ChannelAdapter<A>,
  deps: WebhookRunnerDeps,
  item: InboundItem<A>,
  ids: Record<string, unknown>,
): Promise<'parked' | 'unkept'> {
  if (!deps.parking) return 'unkept';
  try {
    const kept = await deps.parking.park({
      platform: adapter.platform,
      eventId: item.event.eventId,
      conversation: conversationOf(item.event),
      event: item.event,
      address: adapter.address.encode(item.address),
      parkedAt: new Date().toISOString(),
    });
    deps.logger.warn({ ...ids, repeat: !kept }, 'webhook: event parked until the database is back');
    return 'parked';
  } catch (error) {
    deps.logger.error({ ...ids, err: (error as Error)?.message }, 'webhook: event could neither be handled nor parked');
    return 'unkept';
  }
}

/** The conversation and the person in it: the order parked events keep, and later ones queue behind. */
function conversationOf(event: InboundEventInput): string {
  return JSON.stringify([event.platform, event.identity.workspaceId ?? '', event.conversation.id, event.identity.platformUserId]);
}

/**
 * The replies of one event, in order, through the adapter; those the platform will not take now
 * go to the delivery path. Throws on anything else (logged by the caller with ids).
 */
export async function sendReplies<A, T>(
  adapter: ChannelAdapter<A, T>,
  deps: Pick<WebhookRunnerDeps, 'logger' | 'markUnreachable' | 'sendLater'>,
  { event, address }: InboundItem<A>,
  replies: OutboundMessage[],
  ids: Record<string, unknown>,
  turn?: T,
): Promise<void> {
  const identity = { workspaceId: event.identity.workspaceId ?? '', platformUserId: event.identity.platformUserId };
  for (const [index, reply] of replies.entries()) {
    try {
      await adapter.send(address, reply, turn);
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      if (error.code === 'FORBIDDEN') {
        deps.logger.warn(ids, 'webhook: the user cannot be reached any more; identity marked unreachable');
        await deps.markUnreachable({ platform: adapter.platform, ...identity });
        return;
      }
      if (error.code !== 'RATE_LIMITED' && error.code !== 'UNREACHABLE') throw error;
      // This reply and the ones after it go out later, in order, instead of being lost.
      deps.logger.warn(
        { ...ids, code: error.code, left: replies.length - index },
        'webhook: replies handed to the delivery path',
      );
      const rest = replies.slice(index).map(({ edit: _edit, ...message }) => message);
      await deps.sendLater({ platform: adapter.platform, address: adapter.address.encode(address), identity }, rest);
      return;
    }
  }
}

/**
 * The ids of events answered 503 (neither handled nor parked) that this process expects the
 * platform to redeliver: a redelivery is handled as a replay, not dropped as a repeat of the
 * attempt that failed. Bounded; a redelivery that reaches another instance is not covered.
 */
class RedeliveryBook {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 10_000) {}
  add(eventId: string): void {
    this.ids.add(eventId);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
  }
  take(eventId: string): boolean {
    return this.ids.delete(eventId);
  }
}

/** Resolves true when `work` settles within `ms`, false when the deadline comes first. */
async function within(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function toWebhookRequest(req: Request, res: Response): WebhookRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: req.method,
    headers,
    params: req.params as Record<string, string>,
    rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    requestId: String(res.locals.requestId ?? ''),
  };
}

function answer(res: Response, value: WebhookAnswer): void {
  if (res.headersSent) return;
  for (const [name, v] of Object.entries(value.headers ?? {})) res.setHeader(name, v);
  res.status(value.status);
  if (value.body === undefined) res.end();
  else if (typeof value.body === 'string') res.send(value.body);
  else res.json(value.body);
}

/** A body too large or unreadable never reaches the adapter: 413 / 400, said in JSON. */
function bodyError(platform: PlatformName, deps: WebhookRunnerDeps) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large') {
      res.setHeader('Connection', 'close');
      return answer(res, {
        status: 413,
        body: { error: 'too_large', message: 'The request body is larger than this endpoint takes.' },
      });
    }
    if (type === 'request.aborted' || type === 'entity.verify.failed' || type === 'encoding.unsupported')
      return answer(res, { status: 400, body: { error: 'invalid', message: 'The request body could not be read.' } });
    deps.logger.error({ platform, requestId: res.locals.requestId, err: (error as Error)?.message }, 'webhook: route error');
    next(error);
  };
}
