import { z } from 'zod';
import { problemSchema } from './problem';
import type { ApiRoute } from './route';

export const API_BASE_PATH = '/api/v1';
type JsonObject = Record<string, unknown>;

/**
 * Schemas named with `.meta({ id })` land in components.schemas and are referenced from there: zod
 * puts them under the schema's own `$defs`, which in an OpenAPI document would resolve against the
 * document root, so they are moved and the refs rewritten. Request side for inputs, output side
 * for responses (a name gets an `Input` suffix where the two differ).
 */
function createSchemaCollector() {
  const components: Record<string, JsonObject> = {};
  const rewrite = (node: unknown, suffix: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, suffix));
    if (!node || typeof node !== 'object') return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema') continue;
      out[key] =
        key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')
          ? `#/components/schemas/${value.slice('#/$defs/'.length)}${suffix}`
          : rewrite(value, suffix);
    }
    return out;
  };
  return {
    components,
    toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
      const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
      const suffix = io === 'input' ? 'Input' : '';
      const { $defs, ...root } = json;
      for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonObject>)) {
        components[`${name}${suffix}`] = rewrite(def, suffix) as JsonObject;
      }
      return rewrite(root, suffix) as JsonObject;
    },
  };
}

type ToSchema = (schema: z.ZodType, io: 'input' | 'output') => JsonObject;

/** Path and query schemas become OpenAPI parameters, one per property. */
function parametersOf(toSchema: ToSchema, schema: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The OpenAPI 3.1 document, generated from the same route table and zod schemas the router
 * validates with (issue 8), served at /api/v1/openapi.json.
 */
export function buildOpenApi(routes: readonly ApiRoute[], options: { version: string; serverUrl?: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const { components, toSchema } = createSchemaCollector();
  const problem = toSchema(problemSchema, 'output');
  for (const route of routes) {
    const responses: Record<string, JsonObject> = {};
    for (const r of route.responses) {
      responses[String(r.status)] = r.schema
        ? { description: r.description, content: { 'application/json': { schema: toSchema(r.schema, 'output') } } }
        : {
            description: r.description,
            content: {
              [r.contentType ?? 'application/octet-stream']: {
                schema: { type: 'string', contentMediaType: r.contentType ?? 'application/octet-stream' },
              },
            },
          };
    }
    responses['400'] = problemResponse('Malformed request (body, query or path)');
    responses['401'] = problemResponse('Missing, unknown or revoked API key');
    responses['403'] = problemResponse('The key’s scope does not allow this, or the action is not allowed');
    responses['404'] = problemResponse('Not found');
    if (route.body) responses['422'] = problemResponse('Refused by a business rule');
    for (const p of route.problems ?? []) responses[String(p.status)] = problemResponse(p.description);
    (paths[route.path] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: [{ apiKey: [] }],
      'x-endorse-scopes': route.scopes,
      parameters: [...parametersOf(toSchema, route.params, 'path'), ...parametersOf(toSchema, route.query, 'query')],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Endorse API',
      version: options.version,
      description:
        'For the employer’s systems (ATS): candidates, comments, stages, the agencies’ disputes of duplicate outcomes, campaigns and duplicate rules. Authenticate with an API key (`npm run admin -- apikey create`). Errors are RFC 9457 problem details.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: options.serverUrl ? `${options.serverUrl}${API_BASE_PATH}` : API_BASE_PATH }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An Endorse API key (ek_…)' } },
      schemas: { ...components, ...(problem.$ref ? {} : { Problem: problem }) },
    },
  };
}
