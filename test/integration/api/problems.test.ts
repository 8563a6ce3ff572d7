import { submitCandidate } from '../../support/notify';
import { openApiWorld, type ApiWorld } from './fixtures';

/** Issue 8, must-show 4: malformed input gets RFC 9457 problem details, and changes nothing. */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(() => w.close());

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}

async function problem(response: Response, status: number): Promise<ProblemBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as ProblemBody;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^https:\/\/endorse\.dev\/problems\//);
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  return body;
}

test('unparsable JSON → 400 malformed-body', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const response = await w.api.call('post', `/candidates/${ref}/comments`, {
    key: w.keys.owner,
    rawBody: '{"body": "unterminated',
    headers: { 'content-type': 'application/json' },
  });
  expect((await problem(response, 400)).type).toMatch(/malformed-body$/);
});

test('a body of the wrong shape → 400 invalid-request naming each field', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const before = await w.env.deps.db.comment.count();
  const response = await w.api.call('post', `/candidates/${ref}/comments`, {
    key: w.keys.owner,
    body: { body: 42, authorEmail: 'not-an-email', extra: true },
  });
  const body = await problem(response, 400);
  expect(body.type).toMatch(/invalid-request$/);
  const paths = (body.errors ?? []).map((e) => e.path);
  expect(paths).toEqual(expect.arrayContaining(['body.body', 'body.authorEmail']));
  expect(body.instance).toBe(`/api/v1/candidates/${ref}/comments`);
  expect(await w.env.deps.db.comment.count()).toBe(before);
});

test('a body that is not JSON at all → 415', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const response = await w.api.call('post', `/candidates/${ref}/comments`, {
    key: w.keys.owner,
    rawBody: 'body=hello',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await problem(response, 415);
});

test('bad path and query values → 400; unknown candidate → 404; unknown route → 404; wrong method → 405', async () => {
  expect((await problem(await w.api.call('get', '/candidates/abc', { key: w.keys.owner }), 400)).errors?.[0]?.path).toBe(
    'path.ref',
  );
  await problem(await w.api.call('get', '/candidates?page=0', { key: w.keys.owner }), 400);
  await problem(await w.api.call('get', '/deliveries?status=lost', { key: w.keys.owner }), 400);
  await problem(await w.api.call('get', '/candidates/C-999999999', { key: w.keys.owner }), 404);
  await problem(await w.api.call('get', '/nothing-here', { key: w.keys.owner }), 404);
  await problem(await w.api.call('delete', '/campaigns', { key: w.keys.owner }), 405);
});

test('a business rule refusal is a problem too: same stage → 422; comment by a key with no author → 422', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const same = await w.api.call('post', `/candidates/${ref}/stage`, { key: w.keys.recruiterAsUser, body: { stage: 'NEW' } });
  expect((await problem(same, 422)).detail).toMatch(/already at New/);
  const noAuthor = await w.api.call('post', `/candidates/${ref}/comments`, { key: w.keys.recruiter, body: { body: 'Hi' } });
  expect((await problem(noAuthor, 422)).errors?.[0]?.path).toBe('body.authorEmail');
});

test('a recruiter key cannot speak for an agency user or an owner', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const agencyEmail = (await w.env.deps.db.user.findUniqueOrThrow({ where: { id: w.f.userA } })).email;
  const response = await w.api.call('post', `/candidates/${ref}/comments`, {
    key: w.keys.recruiter,
    body: { body: 'Pretending', authorEmail: agencyEmail },
  });
  await problem(response, 403);
});

test('the original resume file comes back with its type and name', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const file = await w.env.services.storeFile({
    filename: 'cv.pdf',
    contentType: 'application/pdf',
    data: Buffer.from('%PDF-1.4 test'),
  });
  await w.env.deps.db.candidate.update({ where: { ref }, data: { resumeFileId: file.id } });
  const response = await w.api.call('get', `/candidates/C-${ref}/resume`, { key: w.keys.recruiter });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="cv.pdf"');
  expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('%PDF-1.4 test');
});
