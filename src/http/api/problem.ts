import type { Response } from 'express';
import { z } from 'zod';
import { RateLimitedError, ServiceError, type ServiceErrorCode } from '../../services/errors';

/**
 * Every API error is an RFC 9457 problem details object, served as `application/problem+json`.
 * `type` names the kind of problem (stable, for programs); `detail` is for the person reading it.
 */
export const problemSchema = z
  .object({
    type: z.string().describe('URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** The request id, to quote when asking for help. */
    requestId: z.string().optional(),
    /** For a refused body or query: each problem with where it is. */
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_TYPE_BASE = 'https://endorse.dev/problems/';

/** A problem a handler raises on purpose; anything else thrown becomes a 500 problem. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: Problem['errors']; retryAfterMs?: number } = {},
  ) {
    super(detail ?? title);
  }
}

const SERVICE_STATUS: Record<ServiceErrorCode, [number, string, string]> = {
  FORBIDDEN: [403, 'forbidden', 'Not allowed'],
  NOT_FOUND: [404, 'not-found', 'Not found'],
  INVALID: [422, 'invalid-input', 'Invalid input'],
  CONFLICT: [409, 'conflict', 'Conflict'],
  RATE_LIMITED: [429, 'rate-limited', 'Too many requests'],
  EXPIRED: [410, 'expired', 'Expired'],
};

export function invalidRequest(where: 'body' | 'query' | 'path', error: z.ZodError): ApiProblem {
  const errors = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  return new ApiProblem(
    400,
    'invalid-request',
    'Invalid request',
    `The request ${where} is not valid: ${errors[0]?.message ?? ''}`,
    {
      errors,
    },
  );
}

/** Maps what a handler threw onto a problem; `internal` is true for a bug (logged by the caller). */
export function toProblem(error: unknown): { problem: ApiProblem; internal: boolean } {
  if (error instanceof ApiProblem) return { problem: error, internal: false };
  if (error instanceof ServiceError) {
    const [status, slug, title] = SERVICE_STATUS[error.code];
    const field = 'field' in error && typeof error.field === 'string' ? error.field : undefined;
    return {
      problem: new ApiProblem(status, slug, title, error.message, {
        errors: field ? [{ path: `body.${field}`, message: error.message }] : undefined,
        retryAfterMs: error instanceof RateLimitedError ? error.retryAfterMs : undefined,
      }),
      internal: false,
    };
  }
  // body-parser's errors carry a status and a type (unparsable JSON, body too large).
  const http = error as { status?: number; type?: string; message?: string };
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
    const tooLarge = http.type === 'entity.too.large';
    return {
      problem: new ApiProblem(
        http.status,
        tooLarge ? 'body-too-large' : 'malformed-body',
        tooLarge ? 'Body too large' : 'Malformed body',
        tooLarge ? 'The request body is larger than the API accepts (1 MB).' : 'The request body is not valid JSON.',
      ),
      internal: false,
    };
  }
  return {
    problem: new ApiProblem(500, 'internal', 'Internal error', 'Something went wrong on our side; try again.'),
    internal: true,
  };
}

export function sendProblem(res: Response, problem: ApiProblem, instance: string): void {
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${problem.slug}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
    requestId: typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined,
    errors: problem.extra.errors,
  };
  if (problem.extra.retryAfterMs !== undefined)
    res.setHeader('retry-after', String(Math.ceil(problem.extra.retryAfterMs / 1000)));
  if (problem.status === 401) res.setHeader('www-authenticate', 'Bearer realm="endorse-api"');
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
}
