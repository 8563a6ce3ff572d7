import express, { type Express, type NextFunction, type Request, type Response } from 'express';

export type { Express };
import { randomUUID } from 'node:crypto';
import { redactTokens, type Logger } from '../logger';
import type { HealthReport, ReadinessReport } from './health';

export type { HealthReport };

/** A part of the product that brings its own routes: an adapter, the web chat, the REST API. */
export type Mount = (app: Express) => void;

export interface HttpAppOptions {
  logger: Logger;
  health: () => Promise<HealthReport>;
  /** Behind `/readyz`; without it readiness is the health report's `ok`. */
  readiness?: () => Promise<ReadinessReport>;
  mounts: readonly Mount[];
}

/**
 * The one express app of the process. Every adapter mounts its routes here; body parsing stays
 * with each route because webhook verification needs the raw bytes.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = req.get('x-request-id') ?? randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Paths can carry live tokens (`/invite/<token>/web`): the access log never keeps them.
      options.logger.debug({ requestId, method: req.method, path: redactTokens(req.path), status: res.statusCode, ms }, 'http');
    });
    next();
  });

  // Both answer within a second whatever the database does (src/http/health.ts). /healthz: is this
  // process and what it depends on working; /readyz: may a load balancer send it requests (not
  // while it drains for shutdown).
  app.get('/healthz', async (_req, res) => {
    const report = await options.health();
    res
      .status(report.ok ? 200 : 503)
      .set('cache-control', 'no-store')
      .json(report);
  });
  app.get('/readyz', async (_req, res) => {
    const report = options.readiness
      ? await options.readiness()
      : await options.health().then((h) => ({ ready: h.ok, draining: false, database: h.database, queue: h.queue }));
    res
      .status(report.ready ? 200 : 503)
      .set('cache-control', 'no-store')
      .json(report);
  });

  for (const mount of options.mounts) mount(app);

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', message: 'No such route. See the README for the routes Endorse serves.' });
  });
  // A bug in a handler is logged with its request id and answered 500 without internals.
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    options.logger.error({ requestId: res.locals.requestId, err: error.message, stack: error.stack }, 'unhandled error');
    if (!res.headersSent) res.status(500).json({ error: 'internal', message: 'Something went wrong on our side; try again.' });
  });
  return app;
}
