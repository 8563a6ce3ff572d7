import express, { type NextFunction, type Request, type Response } from 'express';
import type { Mount } from '../../src/http/app';
import type { Logger } from '../../src/logger';
import { EVENTS_PATH } from './config';
import { handleSlackRequest, type EngineHandler, type HomeSource } from './handler';
import type { SlackAdapter } from './index';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySlackSignature } from './verify';

export type { EngineHandler } from './handler';

export interface SlackMountDeps {
  adapter: SlackAdapter;
  engine: EngineHandler;
  logger: Logger;
  /** The Home tab's figures; without it the Home tab is not published. */
  home?: HomeSource;
  now?: () => number;
}

/** Events, interactivity and slash commands are small; files arrive as URLs, never as bytes. */
const BODY_LIMIT = '1mb';

/**
 * POST /slack/events: our signature check on the raw bytes (401 and nothing else on failure), then
 * Bolt's receiver (url_verification, parsing, ack), then the handler after the ack. With OAuth
 * configured the receiver also serves GET /slack/install and /slack/oauth_redirect.
 */
export function mountSlack(deps: SlackMountDeps): Mount {
  const { adapter, logger } = deps;
  const now = deps.now ?? Date.now;
  adapter.app.use(async (args) => {
    await handleSlackRequest(deps, args);
  });
  adapter.app.error(async (error) => {
    logger.error({ err: error.message, code: error.code }, 'slack: bolt error');
  });
  return (app) => {
    app.post(
      EVENTS_PATH,
      express.raw({ type: () => true, limit: BODY_LIMIT }),
      (req: Request, res: Response, next: NextFunction) => {
        const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const verdict = verifySlackSignature({
          signingSecret: adapter.config.signingSecret,
          timestamp: req.get(TIMESTAMP_HEADER),
          signature: req.get(SIGNATURE_HEADER),
          rawBody,
          nowMs: now(),
        });
        if (verdict !== 'ok') {
          logger.warn({ requestId: res.locals.requestId, verdict }, 'slack: request signature refused');
          res.status(401).json({ error: 'unauthorized', message: 'Missing, stale or wrong X-Slack-Signature.' });
          return;
        }
        // Bolt's receiver reads `rawBody` when present instead of the (already consumed) stream.
        Object.assign(req, { rawBody });
        next();
      },
    );
    app.use(adapter.receiver.router);
  };
}
