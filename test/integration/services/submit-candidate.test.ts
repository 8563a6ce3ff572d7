import { openTestEnv, seedFixture, uniquePhone, unique, type Fixture, type TestEnv } from '../../support/services';

let env: TestEnv;
let f: Fixture;

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
});
afterAll(() => env.close());

const person = (phone: string, email = `${unique('jane')}@example.com`) => ({
  firstName: 'Jane',
  lastName: 'Dela Cruz',
  phone,
  email,
  campaignId: f.campaignId,
  channel: 'WEB' as const,
});

test('20 concurrent submissions of one phone from two agencies give exactly one ADDED', async () => {
  const phone = uniquePhone();
  const submitters = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? f.userA : f.userB));
  const results = await Promise.all(submitters.map((id) => env.services.submitCandidate(id, person(phone))));

  expect(results.filter((r) => r.outcome === 'ADDED')).toHaveLength(1);
  const winner = submitters[results.findIndex((r) => r.outcome === 'ADDED')];
  results.forEach((r, i) => {
    if (r.outcome === 'ADDED') return;
    expect(r.outcome).toBe(submitters[i] === winner ? 'PREVIOUSLY_SUBMITTED' : 'DUPLICATE');
  });
  expect(await env.deps.db.candidate.count({ where: { phone } })).toBe(1);
  expect(await env.deps.db.submission.count({ where: { phone } })).toBe(20);
});

test('20 concurrent submissions of Gmail variants of one address from two agencies give exactly one ADDED', async () => {
  const local = unique('race').replace(/-/g, '');
  const variant = (i: number) =>
    i % 3 === 0
      ? `${local}@gmail.com`
      : i % 3 === 1
        ? `${local.slice(0, 2)}.${local.slice(2)}+${i}@gmail.com`
        : `${local.slice(0, 4)}.${local.slice(4)}@googlemail.com`;
  const submitters = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? f.userA : f.userB));
  const results = await Promise.all(
    submitters.map((id, i) => env.services.submitCandidate(id, person(uniquePhone(), variant(i)))),
  );

  expect(results.filter((r) => r.outcome === 'ADDED')).toHaveLength(1);
  expect(await env.deps.db.candidate.count({ where: { emailKey: `${local}@gmail.com` } })).toBe(1);
  // Each submission keeps the address as it was typed.
  const typed = await env.deps.db.submission.findMany({
    where: { email: { contains: local.slice(4) } },
    select: { email: true },
  });
  expect(new Set(typed.map((t) => t.email))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => variant(i))));
});

test('a possible duplicate is stored for recruiters and changes nothing in the outcome', async () => {
  const phone = uniquePhone();
  const lastName = unique('Near');
  const first = await env.services.submitCandidate(f.userA, { ...person(phone), lastName });
  const second = await env.services.submitCandidate(f.userB, { ...person(`+1212${phone.slice(-7)}`), lastName });
  if (first.outcome !== 'ADDED' || second.outcome !== 'ADDED') throw new Error('expected two ADDED');
  // The agency's answer is exactly a plain ADDED: no flag, nothing of the other candidate.
  expect(Object.keys(second).sort()).toEqual([
    'candidateId',
    'candidateRef',
    'outboxEventId',
    'outcome',
    'ownership',
    'submissionId',
  ]);
  const stored = await env.deps.db.candidate.findUniqueOrThrow({
    where: { id: second.candidateId },
    select: { possibleDuplicateOfId: true, phoneTail: true },
  });
  expect(stored).toEqual({ possibleDuplicateOfId: first.candidateId, phoneTail: phone.slice(-7) });
});

test('a phone typed with spaces and an email in capitals match their normalized forms', async () => {
  const email = `${unique('mixed')}@example.com`;
  await env.services.submitCandidate(f.userA, person('+63 917 555 0101'.replace('0101', String(Date.now()).slice(-4)), email));
  const again = await env.services.submitCandidate(f.userB, person(uniquePhone(), `  ${email.toUpperCase()} `));
  expect(again.outcome).toBe('DUPLICATE');
});

test('a duplicate reveals nothing of the other agency', async () => {
  const phone = uniquePhone();
  await env.services.submitCandidate(f.userA, person(phone));
  const dup = await env.services.submitCandidate(f.userB, person(phone));
  // Only that another agency holds the person, and until when: no id, ref, agency or user of theirs.
  expect(dup).toEqual({
    outcome: 'DUPLICATE',
    submissionId: expect.any(String),
    ownership: { yours: false, until: expect.any(Date) },
  });
});

describe('the window', () => {
  const MONTH_AGO = (months: number, extraDays: number) => {
    const d = new Date(env.clock.now());
    d.setUTCMonth(d.getUTCMonth() - months);
    d.setUTCDate(d.getUTCDate() - extraDays);
    return d;
  };

  async function existingCandidateAt(submittedAt: Date): Promise<string> {
    const phone = uniquePhone();
    await env.deps.db.candidate.create({
      data: {
        firstName: 'Old',
        lastName: 'Match',
        phone,
        email: `${unique('old')}@example.com`,
        channel: 'WEB',
        agencyId: f.agencyA,
        submittedById: f.userA,
        campaignId: f.campaignId,
        submittedAt,
      },
    });
    return phone;
  }

  test('a match 6 months and 1 day old does not count', async () => {
    const phone = await existingCandidateAt(MONTH_AGO(6, 1));
    expect((await env.services.submitCandidate(f.userB, person(phone))).outcome).toBe('ADDED');
  });

  test('a match 5 months 30 days old counts', async () => {
    const d = MONTH_AGO(5, 30);
    const phone = await existingCandidateAt(d);
    expect((await env.services.submitCandidate(f.userB, person(phone))).outcome).toBe('DUPLICATE');
  });
});

test('a campaign rule that blocks cross-agency matches gives BLOCKED and creates nothing', async () => {
  const campaign = await env.services.createCampaign(f.ownerId, { name: unique('Strict') });
  await env.services.setDuplicateRule(f.ownerId, campaign.id, {
    windowMonths: 6,
    matchOn: 'EITHER',
    crossAgency: 'BLOCK',
    sameAgency: 'FLAG',
  });
  const phone = uniquePhone();
  await env.services.submitCandidate(f.userA, { ...person(phone), campaignId: campaign.id });
  const before = { candidates: await env.deps.db.candidate.count(), submissions: await env.deps.db.submission.count() };

  const blocked = await env.services.submitCandidate(f.userB, { ...person(phone), campaignId: campaign.id });

  expect(blocked).toEqual({
    outcome: 'BLOCKED',
    reason: 'cross_agency',
    ownership: { yours: false, until: expect.any(Date) },
    // The attempt's audit row: what the agency disputes the block by (issue 19).
    attemptId: expect.any(String),
  });
  expect(await env.deps.db.candidate.count()).toBe(before.candidates);
  expect(await env.deps.db.submission.count()).toBe(before.submissions);
});

test('a phone without a country code is refused with an example', async () => {
  await expect(env.services.submitCandidate(f.userA, person('0917 123 4567'))).rejects.toMatchObject({
    code: 'INVALID',
    field: 'phone',
    message: expect.stringContaining('+63 917 123 4567'),
  });
});
