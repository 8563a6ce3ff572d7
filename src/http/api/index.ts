import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { findControlCharacter } from '../../domain/control-characters';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import type { Mount } from '../app';
import { authenticate } from './auth';
import { API_BASE_PATH, buildOpenApi } from './openapi';
import { ApiProblem, invalidRequest, sendProblem, toProblem } from './problem';
import type { ApiRoute } from './route';
import { adminRoutes } from './routes-admin';
import { candidateRoutes } from './routes-candidates';
import { disputeRoutes } from './routes-disputes';

export { API_BASE_PATH, buildOpenApi } from './openapi';
export type { ApiRoute } from './route';

/** Every operation of the API; the router, the OpenAPI document and the tests walk this table. */
export const apiRoutes: readonly ApiRoute[] = [...candidateRoutes, ...disputeRoutes, ...adminRoutes];

export interface ApiDeps {
  /** The services with notifications attached (`withNotifications`), so API writes reach chat. */
  services: Services;
  logger: Logger;
  publicUrl?: string;
  version?: string;
}

const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

function parseInput(route: ApiRoute, req: Request) {
  const parse = (where: 'path' | 'query' | 'body', schema: ApiRoute['params'], raw: unknown) => {
    if (!schema) return undefined;
    refuseControlCharacters(where, raw);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw invalidRequest(where, parsed.error);
    return parsed.data;
  };
  return {
    params: parse('path', route.params, req.params),
    query: parse('query', route.query, { ...(req.query as Record<string, unknown>) }),
    body: parse('body', route.body, req.body),
  };
}

/**
 * A control character (U+0000 above all, which PostgreSQL refuses in text) is refused before any
 * schema sees the input: a clear 400 that says where, instead of a 500 from the database.
 */
function refuseControlCharacters(where: 'path' | 'query' | 'body', raw: unknown): void {
  const found = findControlCharacter(raw);
  if (!found) return;
  const path = [where, ...found.path].join('.');
  const message = `Contains the control character ${found.codePoint}; remove it and send again.`;
  throw new ApiProblem(400, 'invalid-characters', 'Invalid characters', `${path}: ${message}`, {
    errors: [{ path, message }],
  });
}

/** The REST API under /api/v1 (issue 8): API-key auth, zod-validated input, problem details. */
export function mountApi(deps: ApiDeps): Mount {
  const openapi = JSON.stringify(buildOpenApi(apiRoutes, { version: deps.version ?? '1.0.0', serverUrl: deps.publicUrl }));
  return (app) => {
    const router = Router();
    router.get('/openapi.json', (_req, res) => void res.type('application/json').send(openapi));
    const json = express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] });
    for (const route of apiRoutes) {
      // Authenticate before reading the body: an unauthenticated caller gets 401, whatever it sent.
      router[route.method](expressPath(route.path), async (req: Request, res: Response, next: NextFunction) => {
        try {
          const principal = await authenticate(deps.services, req, route.scopes);
          if (route.body) {
            await new Promise<void>((resolve, reject) =>
              json(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
            );
            if (req.body === undefined)
              throw new ApiProblem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the body as application/json.');
          }
          const input = parseInput(route, req);
          const result = await route.handler({ ...input, principal, services: deps.services, logger: deps.logger, req, res });
          if ('json' in result) return void res.status(result.status).json(result.json);
          res.status(result.status).type(result.contentType);
          res.setHeader('content-disposition', `attachment; filename="${result.filename.replace(/["\\\r\n]/g, '_')}"`);
          res.send(result.bytes);
        } catch (error) {
          next(error);
        }
      });
    }
    router.use((req: Request, _res: Response, next: NextFunction) => {
      const known = apiRoutes.some((r) => new RegExp(`^${expressPath(r.path).replace(/:\w+/g, '[^/]+')}$`).test(req.path));
      next(
        known
          ? new ApiProblem(405, 'method-not-allowed', 'Method not allowed', `${req.method} is not supported on ${req.path}.`)
          : new ApiProblem(404, 'no-such-route', 'No such route', `See ${API_BASE_PATH}/openapi.json for the routes.`),
      );
    });
    router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
      const { problem, internal } = toProblem(error);
      if (internal) {
        const err = error as Error;
        deps.logger.error(
          { requestId: res.locals.requestId, path: req.path, err: err.message, stack: err.stack },
          'api: unhandled error',
        );
      }
      sendProblem(res, problem, req.originalUrl.split('?')[0] ?? req.originalUrl);
    });
    app.use(API_BASE_PATH, router);
  };
}
