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
import type { InboundEventInput, OutboundMessage } from '../engine/messages';
import type { PlatformName } from '../domain/platforms';
import type { Logger } from '../logger';
import type { Mount } from './app';
import type { Metrics } from '../metrics/metrics';

/** The engine as the runner sees it: one event in, the direct replies out, in order. */
export interface EventHandler {
  handle(event: InboundEventInput): Promise<OutboundMessage[]>;
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
  logger: Logger;
  /** Counts inbound events and times their replies (GET /metrics); default counts nothing. */
  metrics?: Pick<Metrics, 'inboundEvent' | 'replyLatency'>;
}

/**
 * The one inbound pipeline (DESIGN §3), the same for every platform: verify → 401; parse → 400;
 * each event to the engine (which drops a repeat); the replies sent in order through the adapter;
 * FORBIDDEN → the identity is marked unreachable; the platform answered within its deadline (at
 * once for Slack, when done or at the deadline for the others; the work goes on after the answer).
 * A failure of ours is logged with ids only and still answered 2xx: the platform would otherwise
 * redeliver, forever, an event that fails the same way each time.
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
  return async (req: Request, res: Response): Promise<void> => {
    const request = toWebhookRequest(req, res);
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
    const work = (async () => {
      for (const item of items) await runItem(adapter, hook, deps, item, turn, request.requestId);
      await beside;
    })();
    if (parsed.value.answerFirst) {
      answer(res, parsed.value.answer);
      await work;
      return;
    }
    const done = await within(work, hook.answerWithinMs);
    if (!done) hook.answeredEarly?.(turn);
    answer(res, done && hook.answerAfter ? hook.answerAfter(turn) : parsed.value.answer);
  };
}

/** One event: prepared, handled, its replies sent in order. Never throws: failures are logged with ids. */
async function runItem<A, T>(
  adapter: ChannelAdapter<A, T>,
  hook: ChannelWebhook<A, T>,
  deps: WebhookRunnerDeps,
  item: InboundItem<A>,
  turn: T,
  requestId: string,
): Promise<void> {
  const ids = { platform: adapter.platform, requestId, eventId: item.event.eventId };
  const started = process.hrtime.bigint();
  deps.metrics?.inboundEvent(adapter.platform, item.event.payload.type);
  try {
    const { event, address } = hook.prepare ? await hook.prepare(item, turn) : item;
    const replies = await deps.engine.handle(event);
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
    deps.metrics?.replyLatency(adapter.platform, Number(process.hrtime.bigint() - started) / 1e9);
  } catch (error) {
    // A reply that failed stops the ones after it: they would read out of order without it.
    const err = error as Error;
    deps.logger.error({ ...ids, err: err?.message, code: (error as ChannelError)?.code }, 'webhook: event failed');
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
