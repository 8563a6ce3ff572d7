import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import type { ApiKeyScopeName, ApiPrincipal } from '../../services/api-keys';

/** What a route handler is given: validated input, the caller, and the services. */
export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: ApiPrincipal;
  services: Services;
  logger: Logger;
  req: Request;
  res: Response;
}

/** JSON with a status, or raw bytes (the resume file). */
export type RouteResult =
  { status: number; json: unknown } | { status: number; bytes: Buffer; contentType: string; filename: string };

export interface RouteResponse {
  status: number;
  description: string;
  /** JSON body schema; absent for an empty or binary body. */
  schema?: z.ZodType;
  /** Non-JSON body, e.g. `application/octet-stream`. */
  contentType?: string;
}

/**
 * One API operation, declared once: express routes it, the OpenAPI document describes it, and the
 * tests walk the same table (so the document cannot drift from the routes).
 */
export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form, relative to /api/v1: `/candidates/{ref}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Key scopes allowed to call it. */
  scopes: readonly ApiKeyScopeName[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: readonly RouteResponse[];
  /** Problems beyond the usual ones (400, 401, 403, 404, 422) the operation may answer, e.g. 409. */
  problems?: readonly { status: number; description: string }[];
  handler(ctx: RouteContext<unknown, unknown, unknown>): Promise<RouteResult>;
}

/** Typed at the declaration, erased in the table (the router validates before it calls). */
export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(
  route: Omit<ApiRoute, 'handler' | 'params' | 'query' | 'body'> & {
    params?: P;
    query?: Q;
    body?: B;
    handler(ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
  },
): ApiRoute {
  return route as unknown as ApiRoute;
}

export const BOTH_SCOPES: readonly ApiKeyScopeName[] = ['OWNER', 'RECRUITER'];
export const OWNER_ONLY: readonly ApiKeyScopeName[] = ['OWNER'];
