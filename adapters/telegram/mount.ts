import express, { type NextFunction, type Request, type Response } from 'express';
import { ZodError } from 'zod';
import { ChannelError } from '../../src/engine/channel';
import type { InboundEventInput, OutboundMessage } from '../../src/engine/messages';
import type { Mount } from '../../src/http/app';
import type { Logger } from '../../src/logger';
import { WEBHOOK_PATH } from './config';
import type { TelegramAdapter } from './index';
import type { ParsedUpdate } from './parse';
import { SECRET_HEADER, verifySecret } from './verify';

/** The engine as the webhook sees it: events in, direct replies out. */
export interface EngineHandler {
  handle(event: InboundEventInput): Promise<OutboundMessage[]>;
}

export interface TelegramMountDeps {
  adapter: TelegramAdapter;
  engine: EngineHandler;
  logger: Logger;
  /** Called when Telegram answers 403 to a reply: the user blocked the bot. */
  markUnreachable?(platformUserId: string): Promise<void>;
  /**
   * The webhook answers 200 once the update is handled or after this long, whichever is first
   * (the rest goes on after the answer), so Telegram never times out and redelivers. Default 5 s.
   */
  ackWithinMs?: number;
}

const DEFAULT_ACK_WITHIN_MS = 5_000;
/** An Update is small; documents arrive as file ids, never as bytes. */
const BODY_LIMIT = '256kb';

/** POST /telegram/webhook: verify the secret, parse, hand to the engine, send the replies, answer 200. */
export function mountTelegram(deps: TelegramMountDeps): Mount {
  const { adapter, logger } = deps;
  const ackWithinMs = deps.ackWithinMs ?? DEFAULT_ACK_WITHIN_MS;
  return (app) => {
    const router = express.Router();
    // The secret is checked before the body is even parsed: a forged request costs us nothing.
    router.use((req: Request, res: Response, next: NextFunction) => {
      if (verifySecret(req.headers[SECRET_HEADER], adapter.config.webhookSecret)) return next();
      logger.warn({ requestId: res.locals.requestId }, 'telegram: webhook secret mismatch');
      res.status(401).json({ error: 'unauthorized', message: 'Wrong or missing X-Telegram-Bot-Api-Secret-Token.' });
    });
    router.use(express.json({ limit: BODY_LIMIT }));
    router.post('/', async (req: Request, res: Response) => {
      let parsed: ParsedUpdate;
      try {
        parsed = adapter.parse(req.body);
      } catch (error) {
        if (!(error instanceof ZodError)) throw error;
        res.status(400).json({ error: 'invalid', message: 'The body is not a Telegram Update.' });
        return;
      }
      const work = handleUpdate(deps, parsed).catch((error: unknown) => {
        // A bug of ours is logged and still answered 200: Telegram would redeliver it forever.
        logger.error({ updateId: parsed.updateId, err: (error as Error)?.message }, 'telegram: update failed');
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ackWithinMs)))]);
      clearTimeout(timer);
      res.status(200).end();
    });
    router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const type = (error as { type?: unknown } | null)?.type;
      const status = type === 'entity.parse.failed' ? 400 : type === 'entity.too.large' ? 413 : 500;
      if (status === 500)
        logger.error({ requestId: res.locals.requestId, err: (error as Error)?.message }, 'telegram: webhook error');
      if (!res.headersSent)
        res
          .status(status)
          .json({ error: status === 500 ? 'internal' : 'invalid', message: 'The webhook could not take that body.' });
    });
    app.use(WEBHOOK_PATH, router);
  };
}

async function handleUpdate(deps: TelegramMountDeps, parsed: ParsedUpdate): Promise<void> {
  const { adapter, engine, logger } = deps;
  // Answered in parallel with the engine: the spinner stops sooner, and a repeat still gets it.
  const answered = parsed.callbackQueryId ? adapter.answerCallback(parsed.callbackQueryId) : Promise.resolve();
  try {
    const event = parsed.event;
    if (!event) return;
    const replies = await engine.handle(event);
    for (const reply of replies) {
      try {
        await adapter.send(event.conversation.address, reply);
      } catch (error) {
        if (error instanceof ChannelError && error.code === 'FORBIDDEN') {
          logger.warn({ updateId: parsed.updateId }, 'telegram: user blocked the bot; identity marked unreachable');
          await deps.markUnreachable?.(event.identity.platformUserId);
          return;
        }
        // Later replies would read out of order without this one: stop here.
        throw error;
      }
    }
  } finally {
    await answered;
  }
}
