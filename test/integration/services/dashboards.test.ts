import type { DashboardQuery } from '../../../src/services/dashboards';
import { openTestEnv, seedFixture, unique, uniquePhone, type Fixture, type TestEnv } from '../../support/services';

// Creating databases and fixtures can be slow on a loaded machine; this bounds hooks, it times nothing.
jest.setTimeout(30_000);

let env: TestEnv;
let f: Fixture;

const DAY_MS = 86_400_000;
let T0: Date;

interface Person {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
}
const person = (firstName: string, lastName: string): Person => ({
  firstName,
  lastName,
  phone: uniquePhone(),
  email: `${unique(firstName.toLowerCase())}@example.com`,
});

const alice = person('Alice', 'Santos');
const bob = person('Bob', 'Reyes');
const carla = person('Carla', 'Cruz');
const diego = person('Diego', 'Lopez');
const elena = person('Elena', 'Garcia');
let diegoRefInB: number;
let bobRef: number;

/** Submits one second after the previous submission, so "newest first" is well defined. */
async function submit(userId: string, p: Person) {
  env.clock.advance(1000);
  return env.services.submitCandidate(userId, { ...p, campaignId: f.campaignId, channel: 'WEB' });
}

beforeAll(async () => {
  env = await openTestEnv();
  T0 = env.clock.now();
  f = await seedFixture(env);

  // 40 days ago: outside the default 30-day metrics period.
  env.clock.set(new Date(T0.getTime() - 40 * DAY_MS));
  expect((await submit(f.userA, elena)).outcome).toBe('ADDED');
  env.clock.set(T0);

  expect((await submit(f.userA, alice)).outcome).toBe('ADDED');
  const b = await submit(f.userA, bob);
  if (b.outcome !== 'ADDED') throw new Error('Bob should be new');
  bobRef = b.candidateRef;
  expect((await submit(f.userA2, carla)).outcome).toBe('ADDED');
  const d = await submit(f.userB, diego);
  if (d.outcome !== 'ADDED') throw new Error('Diego should be new');
  diegoRefInB = d.candidateRef;
  expect((await submit(f.userA, alice)).outcome).toBe('PREVIOUSLY_SUBMITTED');
  expect((await submit(f.userA, { ...diego, firstName: 'Diego', lastName: 'Lopez' })).outcome).toBe('DUPLICATE');

  await env.services.changeStage(f.recruiterId, bobRef, 'SCREENING');
  await env.services.changeStage(f.recruiterId, diegoRefInB, 'INTERVIEW');
});
afterAll(() => env.close());

const names = (page: { rows: { firstName: string; outcome: string }[] }) => page.rows.map((r) => `${r.firstName}:${r.outcome}`);
const list = (actorId: string, q: DashboardQuery) => env.services.listDashboard(actorId, { pageSize: 50, ...q });

describe('scopes', () => {
  test('My Candidates lists what I submitted, newest first', async () => {
    expect(names(await list(f.userA, { view: 'mine' }))).toEqual([
      'Diego:DUPLICATE',
      'Alice:PREVIOUSLY_SUBMITTED',
      'Bob:ADDED',
      'Alice:ADDED',
      'Elena:ADDED',
    ]);
  });

  test('My Candidates does not show a colleague’s submissions', async () => {
    expect(names(await list(f.userA2, { view: 'mine' }))).toEqual(['Carla:ADDED']);
  });

  test('an admin’s My Candidates is only what the admin submitted', async () => {
    expect(await list(f.adminA, { view: 'mine' })).toMatchObject({ rows: [], total: 0 });
  });

  test('the Agency Pool lists everything the agency submitted, by any of its users', async () => {
    expect(names(await list(f.adminA, { view: 'pool' }))).toEqual([
      'Diego:DUPLICATE',
      'Alice:PREVIOUSLY_SUBMITTED',
      'Carla:ADDED',
      'Bob:ADDED',
      'Alice:ADDED',
      'Elena:ADDED',
    ]);
  });

  test('the Agency Pool of an admin does not include another agency’s submissions', async () => {
    expect(names(await list(f.adminB, { view: 'pool' }))).toEqual(['Diego:ADDED']);
  });

  test('an owner picks the agency whose pool to see', async () => {
    expect(names(await list(f.ownerId, { view: 'pool', agencyId: f.agencyB }))).toEqual(['Diego:ADDED']);
  });

  test('an owner without an agency sees every agency’s submissions', async () => {
    const page = await env.services.listDashboard(f.ownerId, { view: 'pool', search: diego.email });
    expect(names(page).sort()).toEqual(['Diego:ADDED', 'Diego:DUPLICATE']);
  });

  test('an admin naming another agency’s pool is refused', async () => {
    await expect(list(f.adminA, { view: 'pool', agencyId: f.agencyB })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('an agency user has no Agency Pool', async () => {
    await expect(list(f.userA, { view: 'pool' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('a row says who submitted it, to which campaign, and when', async () => {
    const page = await list(f.adminA, { view: 'pool', search: 'Carla' });
    const carlaUser = await env.deps.db.user.findUniqueOrThrow({ where: { id: f.userA2 } });
    const campaign = await env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } });
    expect(page.rows).toEqual([
      expect.objectContaining({
        firstName: 'Carla',
        lastName: 'Cruz',
        submittedBy: carlaUser.name,
        campaign: campaign.name,
        stage: 'NEW',
        candidateRef: expect.any(Number),
        submittedAt: expect.any(Date),
      }),
    ]);
  });
});

describe('search', () => {
  test.each([
    ['first name, any case', 'aLiCe', ['Alice:PREVIOUSLY_SUBMITTED', 'Alice:ADDED']],
    ['last name', 'reyes', ['Bob:ADDED']],
    ['part of a name', 'arc', ['Elena:ADDED']],
    ['first and last name', 'Bob Reyes', ['Bob:ADDED']],
    ['the start of a first name and a last name', 'ali  santos', ['Alice:PREVIOUSLY_SUBMITTED', 'Alice:ADDED']],
    ['two words out of order', 'santos alice', []],
    ['a long word whose ends match but not its middle', 'elena gardecia', []],
    ['first and last name, long words', 'ELENA GARCIA', ['Elena:ADDED']],
    ['a full name with a short word, as typed', 'bob re', ['Bob:ADDED']],
    ['email, any case', () => carla.email.toUpperCase(), ['Carla:ADDED']],
    ['phone in E.164', () => bob.phone, ['Bob:ADDED']],
    [
      'phone typed with spaces and dashes',
      () => `${bob.phone.slice(3, 6)} ${bob.phone.slice(6, 9)}-${bob.phone.slice(9)}`,
      ['Bob:ADDED'],
    ],
    ['nothing that matches', 'Zygmunt', []],
  ] as [string, string | (() => string), string[]][])('by %s', async (_what, text, expected) => {
    const search = typeof text === 'function' ? text() : text;
    expect(names(await list(f.adminA, { view: 'pool', search }))).toEqual(expected);
  });

  test('search stays inside the scope', async () => {
    expect(names(await list(f.userA, { view: 'mine', search: 'Carla' }))).toEqual([]);
  });

  test('by candidate reference, as C-123 or the bare number', async () => {
    expect(names(await list(f.adminA, { view: 'pool', search: `C-${bobRef}` }))).toEqual(['Bob:ADDED']);
    expect(names(await list(f.adminA, { view: 'pool', search: String(bobRef) }))).toContain('Bob:ADDED');
  });

  test('the other agency’s reference does not find my cross-agency duplicate', async () => {
    expect(names(await list(f.adminA, { view: 'pool', search: `C-${diegoRefInB}` }))).toEqual([]);
  });

  test('by campaign name: every submission to it', async () => {
    const campaign = await env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } });
    const page = await list(f.adminA, { view: 'pool', search: campaign.name.slice(2).toUpperCase() });
    expect(page.total).toBe(6);
  });

  test('LIKE wildcards in the text match only themselves', async () => {
    expect(names(await list(f.adminA, { view: 'pool', search: '%' }))).toEqual([]);
    expect(names(await list(f.adminA, { view: 'pool', search: 'A_ice' }))).toEqual([]);
  });
});

describe('filters', () => {
  test.each([
    ['ADDED', ['Carla:ADDED', 'Bob:ADDED', 'Alice:ADDED', 'Elena:ADDED']],
    ['PREVIOUSLY_SUBMITTED', ['Alice:PREVIOUSLY_SUBMITTED']],
    ['DUPLICATE', ['Diego:DUPLICATE']],
  ] as const)('outcome %s', async (outcome, expected) => {
    expect(names(await list(f.adminA, { view: 'pool', outcome }))).toEqual(expected);
  });

  test('stage filter matches the candidate’s current stage', async () => {
    expect(names(await list(f.adminA, { view: 'pool', stage: 'SCREENING' }))).toEqual(['Bob:ADDED']);
  });

  test('stage NEW includes a previous submission of a candidate still at NEW', async () => {
    expect(names(await list(f.adminA, { view: 'pool', stage: 'NEW' }))).toEqual([
      'Alice:PREVIOUSLY_SUBMITTED',
      'Carla:ADDED',
      'Alice:ADDED',
      'Elena:ADDED',
    ]);
  });

  test('a stage filter never matches a DUPLICATE by the other agency’s stage', async () => {
    expect(names(await list(f.adminA, { view: 'pool', stage: 'INTERVIEW' }))).toEqual([]);
  });

  test('filters and search combine', async () => {
    expect(names(await list(f.adminA, { view: 'pool', search: 'Alice', outcome: 'ADDED' }))).toEqual(['Alice:ADDED']);
  });
});

describe('paging', () => {
  test('pages split the list newest first without overlap', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => env.services.listDashboard(f.adminA, { view: 'pool', page, pageSize: 2 })),
    );
    expect(pages.map((p) => names(p))).toEqual([
      ['Diego:DUPLICATE', 'Alice:PREVIOUSLY_SUBMITTED'],
      ['Carla:ADDED', 'Bob:ADDED'],
      ['Alice:ADDED', 'Elena:ADDED'],
    ]);
    expect(pages.map((p) => [p.page, p.total, p.pageCount])).toEqual([
      [1, 6, 3],
      [2, 6, 3],
      [3, 6, 3],
    ]);
  });

  test('a page past the end is empty but keeps the totals', async () => {
    expect(await env.services.listDashboard(f.adminA, { view: 'pool', page: 9, pageSize: 2 })).toMatchObject({
      rows: [],
      total: 6,
      pageCount: 3,
    });
  });

  test('the total counts the filtered rows', async () => {
    expect(await env.services.listDashboard(f.adminA, { view: 'pool', outcome: 'ADDED', pageSize: 3 })).toMatchObject({
      total: 4,
      pageCount: 2,
    });
  });

  test('an empty list has one page', async () => {
    expect(await list(f.adminA, { view: 'mine' })).toMatchObject({ total: 0, pageCount: 1 });
  });

  test('a page size over 50 is refused', async () => {
    await expect(env.services.listDashboard(f.adminA, { view: 'pool', pageSize: 51 })).rejects.toMatchObject({ code: 'INVALID' });
  });
});

describe('metrics', () => {
  test('the default period is the last 30 days up to now, now included', async () => {
    const page = await list(f.adminA, { view: 'pool' });
    expect(page.metrics).toEqual({
      added: 3,
      previouslySubmitted: 1,
      duplicate: 1,
      alreadyInSystem: 0,
      from: new Date(env.clock.now().getTime() - 30 * DAY_MS),
      to: env.clock.now(),
    });
  });

  test('an explicit period counts only the submissions inside it', async () => {
    const from = new Date(T0.getTime() - 41 * DAY_MS);
    const to = new Date(T0.getTime() - 39 * DAY_MS);
    expect((await list(f.adminA, { view: 'pool', from, to })).metrics).toMatchObject({
      added: 1,
      previouslySubmitted: 0,
      duplicate: 0,
    });
  });

  test('the period is half-open: a submission exactly at `to` is not counted', async () => {
    // Alice's first submission is at T0 + 1 s, Bob's at T0 + 2 s.
    const from = new Date(T0.getTime() + 1000);
    const to = new Date(T0.getTime() + 2000);
    expect((await list(f.adminA, { view: 'pool', from, to })).metrics).toMatchObject({
      added: 1,
      previouslySubmitted: 0,
      duplicate: 0,
    });
  });

  test('My Candidates metrics are the user’s own', async () => {
    expect((await list(f.userA2, { view: 'mine' })).metrics).toMatchObject({ added: 1, previouslySubmitted: 0, duplicate: 0 });
  });

  test('metrics ignore the search and filters (they describe the whole scope)', async () => {
    expect((await list(f.adminA, { view: 'pool', search: 'Carla', outcome: 'ADDED' })).metrics).toMatchObject({
      added: 3,
      previouslySubmitted: 1,
      duplicate: 1,
    });
  });
});

describe('a DUPLICATE row reveals nothing of the other agency', () => {
  test('it carries no candidate ref and no stage', async () => {
    const [row] = (await list(f.userA, { view: 'mine', outcome: 'DUPLICATE' })).rows;
    expect(row).toMatchObject({ outcome: 'DUPLICATE', candidateRef: null, stage: null, firstName: 'Diego' });
  });

  test('neither the other agency’s ref nor its stage appears anywhere in the page', async () => {
    for (const view of ['mine', 'pool'] as const) {
      const actor = view === 'mine' ? f.userA : f.adminA;
      const page = await list(actor, { view, search: 'Diego' });
      const json = JSON.stringify(page.rows);
      expect(json).not.toContain('INTERVIEW');
      expect(page.rows.map((r) => r.candidateRef)).not.toContain(diegoRefInB);
    }
  });

  test('the row shows who in my agency submitted it', async () => {
    const me = await env.deps.db.user.findUniqueOrThrow({ where: { id: f.userA } });
    const [row] = (await list(f.adminA, { view: 'pool', outcome: 'DUPLICATE' })).rows;
    expect(row?.submittedBy).toBe(me.name);
  });
});
