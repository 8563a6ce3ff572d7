import { randomUUID } from 'node:crypto';
import type { DashboardQuery } from '../../../src/services/dashboards';
import { openTestEnv, seedFixture, uniquePhone, type Fixture, type TestEnv } from '../../support/services';

/**
 * A full name is found through the table of every submitted name (SearchName, kept by triggers on
 * Submission) where the (searchName, agencyId, …) index answers alone, an agency's pool or every
 * agency's, and by the submissions' trigram index elsewhere: both find the same rows.
 */
jest.setTimeout(30_000);

let env: TestEnv;
let f: Fixture;

/** A surname of letters only, unique on the run's shared database (a word a full name can match). */
const surname = () =>
  `Quiambao${randomUUID()
    .replace(/-/g, '')
    .slice(0, 10)
    .replace(/\d/g, (d) => 'ghijklmnop'.charAt(Number(d)))}`;

const LAST = surname();
let submissionId: string;

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  const zenaida = { firstName: 'Zenaida', lastName: LAST, phone: uniquePhone(), email: `${LAST.toLowerCase()}@example.com` };
  const added = await env.services.submitCandidate(f.userA, { ...zenaida, campaignId: f.campaignId, channel: 'WEB' });
  if (added.outcome !== 'ADDED') throw new Error('Zenaida should be new');
  const rows = await env.deps.sql.query<{ id: string }>(`SELECT "id" FROM "Submission" WHERE "lastName" = $1`, [LAST]);
  submissionId = (rows[0] as { id: string }).id;
});
afterAll(() => env.close());

const names = async (actorId: string, q: DashboardQuery) =>
  (await env.services.listDashboard(actorId, { pageSize: 50, ...q })).rows.map((r) => `${r.firstName} ${r.lastName}`);

test('the database keeps every submitted full name once, lower-cased', async () => {
  const kept = await env.deps.sql.query(`SELECT "name" FROM "SearchName" WHERE "name" = $1`, [`zenaida ${LAST.toLowerCase()}`]);
  expect(kept).toHaveLength(1);
});

test.each([
  ['the agency’s pool', () => f.adminA, { view: 'pool' }],
  ['every agency, as an owner', () => f.ownerId, { view: 'pool' }],
  ['the pool with an outcome filter', () => f.adminA, { view: 'pool', outcome: 'ADDED' }],
  ['the pool with a stage filter', () => f.adminA, { view: 'pool', stage: 'NEW' }],
  ['My Candidates', () => f.userA, { view: 'mine' }],
] as [string, () => string, DashboardQuery][])(
  'a full name, its first name’s start and its last name, in %s',
  async (_view, actor, q) => {
    expect(await names(actor(), { ...q, search: `zen ${LAST}` })).toEqual([`Zenaida ${LAST}`]);
  },
);

test.each([
  ['the agency’s pool', () => f.adminA, { view: 'pool' }],
  ['every agency, as an owner', () => f.ownerId, { view: 'pool' }],
  ['My Candidates', () => f.userA, { view: 'mine' }],
] as [string, () => string, DashboardQuery][])(
  'a full name with a two-letter word, matched as typed, in %s',
  async (_view, actor, q) => {
    expect(await names(actor(), { ...q, search: `aida ${LAST.slice(0, 2)}` })).toEqual([`Zenaida ${LAST}`]);
    expect(await names(actor(), { ...q, search: `aida ${LAST.slice(1, 3)}` })).toEqual([]);
  },
);

test('a name nobody was submitted under finds nothing', async () => {
  expect(await names(f.ownerId, { view: 'pool', search: `zenaida ${LAST}x` })).toEqual([]);
});

test('a name corrected in the database is found by its new name', async () => {
  await env.deps.sql.query(`UPDATE "Submission" SET "firstName" = 'Zenaida Marie' WHERE "id" = $1`, [submissionId]);
  expect(await names(f.ownerId, { view: 'pool', search: `marie ${LAST}` })).toEqual([`Zenaida Marie ${LAST}`]);
});

test('a piece of more than a hundred names is searched as a word is, and finds the same rows newest first', async () => {
  const piece = surname().slice(-8).toLowerCase();
  // 102 people whose full names hold "<piece> q": more names than the names' path fetches every submission of.
  const firstNames = Array.from(
    { length: 102 },
    (_, i) => `Ana${'bcdefghijk'.charAt(i % 10)}${'lmnopqrstu'.charAt(Math.floor(i / 10))}${piece}`,
  );
  for (const [i, firstName] of firstNames.entries()) {
    const submitted = await env.services.submitCandidate(f.userA, {
      firstName,
      lastName: `Quinto${'bcdefghijk'.charAt(i % 10)}`,
      phone: uniquePhone(),
      email: `${firstName.toLowerCase()}@example.com`,
      campaignId: f.campaignId,
      channel: 'WEB',
    });
    expect(submitted.outcome).toBe('ADDED');
  }
  const inPool = await env.services.listDashboard(f.adminA, { view: 'pool', search: `${piece} q`, pageSize: 50 });
  expect(inPool.total).toBe(102);
  // The same rows in the same order as My Candidates' search, which never takes the names' path.
  const mine = await env.services.listDashboard(f.userA, { view: 'mine', search: `${piece} q`, pageSize: 50 });
  expect(inPool.rows.map((r) => r.submissionId)).toEqual(mine.rows.map((r) => r.submissionId));
  expect(new Set(inPool.rows.map((r) => r.firstName)).size).toBe(50);
});
