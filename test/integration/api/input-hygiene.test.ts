import { unique } from '../../support/services';
import { submitCandidate } from '../../support/notify';
import { openApiWorld, type ApiWorld } from './fixtures';

/**
 * Issue 16 (breaks 6 and 10): control characters are refused with a clear 400, not a 500 from
 * the database; `%`, `_` and `\` in a search are literal characters; and an unknown author email
 * gets the very answer a known one the key may not act as gets.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(() => w.close());

interface ProblemBody {
  type: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

async function body(response: Response): Promise<ProblemBody> {
  return (await response.json()) as ProblemBody;
}

test('a NUL in a search, a path or a comment → 400 invalid-characters naming where; nothing written', async () => {
  const search = await w.api.call('get', '/candidates?search=%00', { key: w.keys.owner });
  expect(search.status).toBe(400);
  expect(await body(search)).toMatchObject({
    type: expect.stringMatching(/invalid-characters$/),
    errors: [{ path: 'query.search', message: 'Contains the control character U+0000; remove it and send again.' }],
  });

  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const before = await w.env.deps.db.comment.count();
  const comment = await w.api.call('post', `/candidates/C-${ref}/comments`, {
    key: w.keys.recruiterAsUser,
    body: { body: 'Looks good\u0000 — call her' },
  });
  expect(comment.status).toBe(400);
  expect((await body(comment)).errors?.[0]?.path).toBe('body.body');
  expect(await w.env.deps.db.comment.count()).toBe(before);

  const path = await w.api.call('get', `/candidates/C-${ref}%00`, { key: w.keys.owner });
  expect(path.status).toBe(400);
  expect((await body(path)).errors?.[0]?.path).toBe('path.ref');

  // Another control character (escape), in a nested body field.
  const stage = await w.api.call('post', `/candidates/C-${ref}/stage`, {
    key: w.keys.recruiterAsUser,
    body: { stage: 'SCREENING', note: 'x\u001b[31m' },
  });
  expect(stage.status).toBe(400);
  expect((await body(stage)).detail).toContain('U+001B');
});

test('tabs and line breaks are text, not control characters: a multi-line comment is accepted', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const response = await w.api.call('post', `/candidates/C-${ref}/comments`, {
    key: w.keys.recruiterAsUser,
    body: { body: 'Line one\r\n\tLine two' },
  });
  expect(response.status).toBe(201);
});

test('% and _ and \\ in a search match themselves, not everything', async () => {
  const tag = unique('wild').replace(/-/g, '');
  const make = async (email: string) => {
    const result = await w.env.services.submitCandidate(w.f.userA, {
      firstName: 'Wild',
      lastName: 'Card',
      phone: `+63919${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      email,
      campaignId: w.f.campaignId,
      channel: 'WEB',
    });
    if (result.outcome !== 'ADDED') throw new Error(`expected ADDED, got ${result.outcome}`);
    return result.candidateRef;
  };
  const underscore = await make(`${tag}_a@example.com`);
  const x = await make(`${tag}xa@example.com`);
  const search = async (text: string) => {
    const res = await w.api.call('get', `/candidates?search=${encodeURIComponent(text)}`, { key: w.keys.owner });
    expect(res.status).toBe(200);
    return ((await res.json()) as { rows: { candidateRef: number }[] }).rows.map((r) => r.candidateRef);
  };
  // Unescaped, `_` would match the `x` as well.
  expect(await search(`${tag}_a`)).toEqual([underscore]);
  expect(await search(`${tag}xa`)).toEqual([x]);
  expect(await search(`${tag}%`)).toEqual([]);
  expect(await search('%')).toEqual([]);
  expect(await search('\\')).toEqual([]);
});

test('the users list search escapes wildcards too', async () => {
  const all = await w.env.services.listUsers(w.f.ownerId, { search: '%' });
  expect(all.total).toBe(0);
  const underscore = await w.env.services.listUsers(w.f.ownerId, { search: '_' });
  expect(underscore.users.every((u) => u.email.includes('_') || (u.name ?? '').includes('_'))).toBe(true);
});

test('an unknown author email and a known one the key may not act as get one and the same answer', async () => {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const agencyEmail = (await w.env.deps.db.user.findUniqueOrThrow({ where: { id: w.f.userA } })).email;
  const as = async (authorEmail: string) => {
    const res = await w.api.call('post', `/candidates/C-${ref}/comments`, {
      key: w.keys.recruiter,
      body: { body: 'Pretending', authorEmail },
    });
    const { status, type, detail, errors } = await body(res);
    return { status, type, detail, errors };
  };
  const known = await as(agencyEmail);
  const unknown = await as(`${unique('nobody')}@example.com`);
  expect(known.status).toBe(403);
  expect(unknown).toEqual(known);
});
