import { apiRoutes } from '../../../src/http/api';
import { openApiWorld, routesNeeding, sampleRequest, type ApiWorld } from './fixtures';

/** Issue 8, must-show 4: every endpoint with a missing, wrong, revoked and wrongly scoped key. */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(() => w.close());

const WRONG_KEY = `ek_${'x'.repeat(43)}`;

async function expectProblem(response: Response, status: number, slug: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { type: string; status: number; title: string; detail: string };
  expect(body).toMatchObject({ status, type: `https://endorse.dev/problems/${slug}` });
  expect(body.title).toBeTruthy();
  expect(body.detail).toBeTruthy();
}

describe.each(apiRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_name, route) => {
  test('missing, wrong and revoked keys get 401 and change nothing', async () => {
    const { path, body } = await sampleRequest(w, route);
    const auditBefore = await w.env.deps.db.auditLog.count();
    const commentsBefore = await w.env.deps.db.comment.count();
    for (const key of [null, WRONG_KEY, 'not-even-a-key', w.keys.revoked]) {
      const response = await w.api.call(route.method, path, { key, body });
      await expectProblem(response, 401, 'unauthorized');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(await w.env.deps.db.auditLog.count()).toBe(auditBefore);
    expect(await w.env.deps.db.comment.count()).toBe(commentsBefore);
  });

  test('the right key succeeds', async () => {
    const { path, body } = await sampleRequest(w, route);
    const key = route.scopes.includes('RECRUITER') ? w.keys.recruiter : w.keys.owner;
    const response = await w.api.call(route.method, path, { key, body });
    // The resume route answers 404 for a candidate submitted without a file, as a problem.
    if (route.operationId === 'getCandidateResume') return expectProblem(response, 404, 'not-found');
    expect(response.status).toBe(route.responses[0]?.status);
  });
});

describe.each(routesNeeding('RECRUITER').map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
  '%s with a recruiter key',
  (_name, route) => {
    test('is refused with 403 insufficient-scope', async () => {
      const { path, body } = await sampleRequest(w, route);
      const auditBefore = await w.env.deps.db.auditLog.count();
      await expectProblem(await w.api.call(route.method, path, { key: w.keys.recruiter, body }), 403, 'insufficient-scope');
      expect(await w.env.deps.db.auditLog.count()).toBe(auditBefore);
    });
  },
);

test('a key is accepted in X-API-Key too, and lastUsedAt is recorded', async () => {
  const response = await w.api.call('get', '/campaigns', { headers: { 'x-api-key': w.keys.owner } });
  expect(response.status).toBe(200);
  const keys = await w.env.services.listApiKeys('system');
  expect(keys.some((k) => k.lastUsedAt !== null)).toBe(true);
});

test('the key is stored only as its SHA-256', async () => {
  const rows = await w.env.deps.db.apiKey.findMany({ select: { keyHash: true, prefix: true } });
  for (const row of rows) {
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.prefix.length).toBeLessThan(12);
  }
  expect(rows.some((r) => r.keyHash.includes(w.keys.owner.slice(3, 20)))).toBe(false);
});
