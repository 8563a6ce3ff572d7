import Ajv2020 from 'ajv/dist/2020';
import { apiRoutes } from '../../../src/http/api';
import { openApiWorld, sampleRequest, type ApiWorld } from './fixtures';

/**
 * Issue 8, must-show 4: the OpenAPI document is well formed (structure, resolvable refs, every
 * schema a valid JSON Schema 2020-12), matches the routes one to one, and the API's real answers
 * validate against the schemas it documents.
 */
let w: ApiWorld;
type Json = Record<string, unknown>;
let doc: Json;

beforeAll(async () => {
  w = await openApiWorld();
  const response = await w.api.call('get', '/openapi.json');
  expect(response.status).toBe(200);
  doc = (await response.json()) as Json;
});
afterAll(() => w.close());

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );

function resolve(ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
}

function* walk(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const n of node) yield* walk(n);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const v of Object.values(node)) yield* walk(v);
  }
}

test('the document has the OpenAPI 3.1 structure', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  expect(Array.isArray(doc.servers)).toBe(true);
  const ids = new Set<string>();
  for (const { path, op } of operations()) {
    expect(path.startsWith('/')).toBe(true);
    expect(typeof op.operationId).toBe('string');
    expect(ids.has(op.operationId as string)).toBe(false);
    ids.add(op.operationId as string);
    const responses = op.responses as Record<string, Json>;
    expect(Object.keys(responses).length).toBeGreaterThan(0);
    for (const [status, r] of Object.entries(responses)) {
      expect(status).toMatch(/^[1-5]\d\d$/);
      expect(typeof r.description).toBe('string');
    }
    // Every {param} in the path is declared as a required path parameter, and nothing else is.
    const declared = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path');
    const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    expect(declared.map((p) => p.name).sort()).toEqual(inPath.sort());
    declared.forEach((p) => expect(p.required).toBe(true));
    for (const s of (op.security ?? []) as Json[])
      for (const name of Object.keys(s)) expect((doc.components as Json).securitySchemes).toHaveProperty(name);
  }
  for (const node of walk(doc)) if (typeof node.$ref === 'string') expect(resolve(node.$ref)).toBeDefined();
});

/** A schema of the document made compilable on its own: its `#/components/...` refs resolve inside it. */
const standalone = (schema: Json): Json => ({ allOf: [schema], components: doc.components });

test('every schema in it compiles as JSON Schema 2020-12, components included', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const schemas = [...walk(doc)].filter((n) => n.schema && typeof n.schema === 'object').map((n) => n.schema as Json);
  expect(schemas.length).toBeGreaterThan(10);
  for (const schema of schemas) expect(() => ajv.compile(standalone(schema))).not.toThrow();
  for (const schema of Object.values((doc.components as { schemas: Record<string, Json> }).schemas))
    expect(() => ajv.compile(standalone(schema))).not.toThrow();
});

test('the documented operations are exactly the routes the API serves', async () => {
  const documented = operations()
    .map(({ path, method }) => `${method} ${path}`)
    .sort();
  expect(documented).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
  // And each documented operation is routed: with no key it reaches auth (401), not the 404 fallback.
  for (const { path, method } of operations()) {
    const concrete = path.replace(/\{\w+\}/g, '1');
    const response = await w.api.call(method, concrete);
    expect([method, path, response.status]).toEqual([method, path, 401]);
  }
});

test('real answers validate against the documented response schemas', async () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  for (const route of apiRoutes) {
    const status = route.responses[0]?.status;
    const schema = (doc.paths as Record<string, Record<string, Json>>)[route.path]?.[route.method]?.responses as Record<
      string,
      Json
    >;
    const json = (schema[String(status)]?.content as Record<string, { schema: Json }> | undefined)?.['application/json'];
    if (!json) continue;
    const { path, body } = await sampleRequest(w, route);
    const key = route.scopes.includes('RECRUITER') ? w.keys.recruiter : w.keys.owner;
    const response = await w.api.call(route.method, path, { key, body });
    expect(response.status).toBe(status);
    const validate = ajv.compile(standalone(json.schema));
    const answer: unknown = await response.json();
    expect([route.operationId, validate(answer) ? 'valid' : validate.errors]).toEqual([route.operationId, 'valid']);
  }
});

test('the document describes direct applicants: POST /candidates with 201, 200 and 409, and the ALREADY_IN_SYSTEM outcome', () => {
  const post = (doc.paths as Record<string, Record<string, Json>>)['/candidates']?.post as Json;
  expect(Object.keys(post.responses as Json)).toEqual(expect.arrayContaining(['200', '201', '409']));
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
  const row = schemas.CandidateRow as { properties: { outcome: { enum: string[] } } };
  expect(row.properties.outcome.enum).toContain('ALREADY_IN_SYSTEM');
  const page = schemas.CandidatePage as { properties: { metrics: { properties: Json } } };
  expect(page.properties.metrics.properties).toHaveProperty('alreadyInSystem');
  const rule = schemas.DuplicateRuleInput as { properties: Json };
  expect(rule.properties).toHaveProperty('directApplicant');
  const registered = schemas.ExternalCandidate as { properties: Json };
  expect(registered.properties).toHaveProperty('ownership');
});
