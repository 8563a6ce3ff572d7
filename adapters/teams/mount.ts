import type { TurnContext } from 'botbuilder';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ZodError } from 'zod';
import { ChannelError } from '../../src/engine/channel';
import type { InboundEventInput, OutboundMessage } from '../../src/engine/messages';
import type { Mount } from '../../src/http/app';
import type { Logger } from '../../src/logger';
import { MESSAGES_PATH } from './config';
import type { TeamsAdapter } from './index';
import type { ParsedActivity } from './parse';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderCard } from './render';
import { hasBearerToken } from './verify';

/** The engine as the route sees it: events in, direct replies out. */
export interface EngineHandler {
  handle(event: InboundEventInput): Promise<OutboundMessage[]>;
}

export interface TeamsMountDeps {
  adapter: TeamsAdapter;
  engine: EngineHandler;
  logger: Logger;
  /** Called when a reply meets BotNotInConversationRoster (403): the app is gone for that user. */
  markUnreachable?(workspaceId: string, platformUserId: string): Promise<void>;
}

/** An activity is small; files arrive as download links, never as bytes. */
const BODY_LIMIT = '512kb';

/**
 * POST /api/messages: refuse a missing token (JWT mode), parse, let botbuilder's CloudAdapter verify
 * the JWT and run the turn: the engine's replies go out through the turn's connector client, and
 * an invoke is answered in the HTTP response itself.
 */
export function mountTeams(deps: TeamsMountDeps): Mount {
  const { adapter, logger } = deps;
  return (app) => {
    const router = express.Router();
    router.use((req: Request, res: Response, next: NextFunction) => {
      if (adapter.authMode === 'local' || hasBearerToken(req.headers.authorization)) return next();
      logger.warn({ requestId: res.locals.requestId }, 'teams: activity without a bearer token refused');
      res.status(401).json({ error: 'unauthorized', message: 'A Bot Framework bearer token is required.' });
    });
    router.use(express.json({ limit: BODY_LIMIT }));
    router.post('/', async (req: Request, res: Response) => {
      let parsed: ParsedActivity;
      try {
        parsed = adapter.parse(req.body);
      } catch (error) {
        if (!(error instanceof ZodError)) throw error;
        res.status(400).json({ error: 'invalid', message: 'The body is not a Bot Framework activity.' });
        return;
      }
      const auth = await adapter.authenticate(req.body, req.headers.authorization ?? '');
      if (auth !== 'ok') {
        logger.warn({ requestId: res.locals.requestId, auth }, 'teams: activity refused');
        const status = auth === 'unauthorized' ? 401 : 503;
        res.status(status).json({ error: auth, message: 'The Bot Framework token could not be verified.' });
        return;
      }
      // botbuilder checks the JWT again (cheap: keys are cached) and runs the turn.
      await adapter.cloud.process(req, res, (context) => onTurn(deps, context, parsed));
    });
    router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const type = (error as { type?: unknown } | null)?.type;
      const status = type === 'entity.parse.failed' ? 400 : type === 'entity.too.large' ? 413 : 500;
      if (status === 500) logger.error({ requestId: res.locals.requestId, err: (error as Error)?.message }, 'teams: route error');
      if (!res.headersSent)
        res
          .status(status)
          .json({ error: status === 500 ? 'internal' : 'invalid', message: 'The endpoint could not take that body.' });
    });
    app.use(MESSAGES_PATH, router);
  };
}

/** The invoke answer Teams shows when the pressed card is not replaced. */
const INVOKE_DONE = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'OK' };

async function onTurn(deps: TeamsMountDeps, context: TurnContext, parsed: ParsedActivity): Promise<void> {
  const { adapter, engine, logger } = deps;
  const event = parsed.event;
  const ids = { activityId: context.activity.id, type: context.activity.type };
  let invokeBody: unknown = INVOKE_DONE;
  try {
    if (!event) return;
    const replies = await engine.handle(event);
    for (const reply of replies) {
      // Universal Actions: the pressed card is replaced by the invoke answer itself.
      if (parsed.invoke && reply.edit && reply.edit === event.sourceMessageRef && invokeBody === INVOKE_DONE) {
        invokeBody = { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: renderCard(reply.body) };
        continue;
      }
      try {
        await adapter.reply(context, reply);
      } catch (error) {
        if (error instanceof ChannelError && error.code === 'FORBIDDEN') {
          logger.warn(ids, 'teams: bot not in the conversation roster; identity marked unreachable');
          await deps.markUnreachable?.(event.identity.workspaceId ?? '', event.identity.platformUserId);
          return;
        }
        // Later replies would read out of order without this one: stop here.
        throw error;
      }
    }
  } catch (error) {
    // A bug of ours is logged and still answered 200: the channel would redeliver it otherwise.
    logger.error({ ...ids, err: (error as Error)?.message }, 'teams: activity failed');
  } finally {
    if (parsed.invoke) await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: invokeBody } });
  }
}
