import { ownershipOf } from '../../../src/domain/duplicates';
import { unique, uniquePhone } from '../../support/services';
import { openApiWorld, type ApiWorld } from './fixtures';

/**
 * Issue 19, "whichever came first": the employer's ATS registers people from other sources through
 * POST /api/v1/candidates, idempotent on its own id, and hears whether an agency already holds them.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(() => w.close());

const register = (body: Record<string, unknown>, key = w.keys.owner) => w.api.call('post', '/candidates', { key, body });
const applicant = (over: Record<string, unknown> = {}) => ({
  externalId: unique('ats'),
  source: 'direct',
  firstName: 'Dana',
  lastName: 'Direct',
  phone: '+63 917 ' + uniquePhone().slice(-7),
  email: `  ${unique('Dana')}@Example.COM `,
  ...over,
});
const count = () => w.env.deps.db.externalCandidate.count();

test('registers a direct applicant: 201, phone in E.164, email lower-cased, no agency holds them', async () => {
  const body = applicant();
  const response = await register(body);
  expect(response.status).toBe(201);
  expect(await response.json()).toEqual({
    id: expect.any(String),
    externalId: body.externalId,
    source: 'direct',
    firstName: 'Dana',
    lastName: 'Direct',
    phone: (body.phone as string).replace(/\s/g, ''),
    email: (body.email as string).trim().toLowerCase(),
    registeredAt: expect.any(String),
    ownership: null,
  });
});

test('the same externalId and details again: 200, the same record, nothing created', async () => {
  const body = applicant({ source: 'referral' });
  const first = (await (await register(body)).json()) as { id: string };
  const before = await count();
  const again = await register(body);
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual(first);
  expect(await count()).toBe(before);
});

test('the same person written differently under the same externalId is the same registration', async () => {
  const body = applicant({ phone: '+63 917 555 0101', email: 'Same.Person@Example.com' });
  await register(body);
  const again = await register({ ...body, phone: '+639175550101', email: 'same.person@example.com' });
  expect(again.status).toBe(200);
});

test('the same externalId with other details: a 409 problem, and nothing changes', async () => {
  const body = applicant();
  const first = (await (await register(body)).json()) as { id: string; lastName: string };
  const before = await count();
  const conflict = await register({ ...body, lastName: 'Someone Else' });
  expect(conflict.status).toBe(409);
  expect(conflict.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await conflict.json()).toMatchObject({
    type: 'https://endorse.dev/problems/conflict',
    status: 409,
    detail: expect.stringContaining(`The candidate ${body.externalId} is already registered with other details.`),
  });
  expect(await count()).toBe(before);
  const kept = await w.env.deps.db.externalCandidate.findUniqueOrThrow({ where: { id: first.id } });
  expect(kept.lastName).toBe('Direct');
});

test('a direct application of someone an agency holds is reported: which agency, and until when', async () => {
  const phone = uniquePhone();
  const submitted = await w.env.services.submitCandidate(w.f.userA, {
    firstName: 'Held',
    lastName: 'ByAgency',
    phone,
    email: `${unique('held')}@example.com`,
    campaignId: w.f.campaignId,
    channel: 'WEB',
  });
  expect(submitted.outcome).toBe('ADDED');
  const candidate = await w.env.deps.db.candidate.findFirstOrThrow({ where: { phone } });
  const agency = await w.env.deps.db.agency.findUniqueOrThrow({ where: { id: w.f.agencyA } });

  const response = await register(applicant({ phone, email: undefined }));
  expect(response.status).toBe(201);
  expect(((await response.json()) as { ownership: unknown }).ownership).toEqual({
    ownedByAgency: true,
    agencyId: w.f.agencyA,
    agency: agency.name,
    until: ownershipOf(candidate, 6).until.toISOString(),
  });
});

test('an agency submission after the registration is ALREADY_IN_SYSTEM: recorded, no candidate, nothing told', async () => {
  const body = applicant();
  await register(body);
  const result = await w.env.services.submitCandidate(w.f.userB, {
    firstName: 'Dana',
    lastName: 'Agency',
    phone: body.phone as string,
    email: `${unique('other')}@example.com`,
    campaignId: w.f.campaignId,
    channel: 'WEB',
  });
  expect(result).toEqual({
    outcome: 'ALREADY_IN_SYSTEM',
    submissionId: expect.any(String),
    ownership: null,
    outboxEventId: expect.any(String),
  });
  const submission = await w.env.deps.db.submission.findUniqueOrThrow({
    where: { id: result.outcome === 'ALREADY_IN_SYSTEM' ? result.submissionId : '' },
    include: { externalCandidate: true },
  });
  expect(submission).toMatchObject({ outcome: 'ALREADY_IN_SYSTEM', candidateId: null, agencyId: w.f.agencyB });
  expect(submission.externalCandidate?.externalId).toBe(body.externalId);
});

test('both sides are matched on the canonical email: a Gmail variant of the ATS’s address is ALREADY_IN_SYSTEM', async () => {
  const local = unique('dana').replace(/-/g, '');
  await register(applicant({ phone: undefined, email: `${local}+jobs@googlemail.com` }));
  const result = await w.env.services.submitCandidate(w.f.userB, {
    firstName: 'Dana',
    lastName: 'Agency',
    phone: uniquePhone(),
    email: `${local.slice(0, 2)}.${local.slice(2)}@gmail.com`,
    campaignId: w.f.campaignId,
    channel: 'WEB',
  });
  expect(result.outcome).toBe('ALREADY_IN_SYSTEM');
});

test('a registration by a Gmail variant of an agency candidate’s address reports the agency’s hold', async () => {
  const local = unique('held').replace(/-/g, '');
  await w.env.services.submitCandidate(w.f.userA, {
    firstName: 'Held',
    lastName: 'ByGmail',
    phone: uniquePhone(),
    email: `${local}@gmail.com`,
    campaignId: w.f.campaignId,
    channel: 'WEB',
  });
  const response = await register(applicant({ phone: undefined, email: `${local.slice(0, 3)}.${local.slice(3)}+ats@gmail.com` }));
  expect(((await response.json()) as { ownership: { agencyId: string } | null }).ownership?.agencyId).toBe(w.f.agencyA);
});

test('the candidates list filters on outcome ALREADY_IN_SYSTEM and counts it in the metrics', async () => {
  const body = applicant();
  await register(body);
  await w.env.services.submitCandidate(w.f.userB, {
    firstName: 'Listed',
    lastName: unique('InSystem'),
    phone: body.phone as string,
    email: `${unique('listed')}@example.com`,
    campaignId: w.f.campaignId,
    channel: 'WEB',
  });
  const response = await w.api.call('get', `/candidates?outcome=ALREADY_IN_SYSTEM&agencyId=${w.f.agencyB}`, {
    key: w.keys.owner,
  });
  expect(response.status).toBe(200);
  const page = (await response.json()) as {
    rows: { outcome: string; candidateRef: unknown; stage: unknown }[];
    metrics: Record<string, number>;
  };
  expect(page.rows.length).toBeGreaterThan(0);
  for (const row of page.rows) expect(row).toMatchObject({ outcome: 'ALREADY_IN_SYSTEM', candidateRef: null, stage: null });
  expect(page.metrics.alreadyInSystem).toBeGreaterThanOrEqual(1);
});

test('neither phone nor email: 400 saying to give one', async () => {
  const response = await register(applicant({ phone: undefined, email: undefined }));
  expect(response.status).toBe(400);
  expect(((await response.json()) as { detail: string }).detail).toContain('Give phone, email or both');
});

test('a phone without its country code is refused with the example, like an agency submission', async () => {
  const response = await register(applicant({ phone: '0917 123 4567' }));
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({
    errors: [{ path: 'body.phone', message: expect.stringContaining('+63 917 123 4567') }],
  });
});

test('an unknown source is a 400', async () => {
  expect((await register(applicant({ source: 'agency' }))).status).toBe(400);
});

test('a recruiter key registers too', async () => {
  expect((await register(applicant(), w.keys.recruiter)).status).toBe(201);
});

test('an agency submission and a registration of the same person racing: whichever came first, consistently', async () => {
  for (let round = 0; round < 5; round += 1) {
    const phone = uniquePhone();
    const [submitted, registered] = await Promise.all([
      w.env.services.submitCandidate(w.f.userA, {
        firstName: 'Race',
        lastName: 'Condition',
        phone,
        email: `${unique('race')}@example.com`,
        campaignId: w.f.campaignId,
        channel: 'WEB',
      }),
      register(applicant({ phone, email: undefined })).then(async (r) => (await r.json()) as { ownership: unknown }),
    ]);
    // Either the agency was first (ADDED, and the ATS hears it holds the person) or the ATS was.
    if (submitted.outcome === 'ADDED') expect(registered.ownership).toMatchObject({ agencyId: w.f.agencyA });
    else expect([submitted.outcome, registered.ownership]).toEqual(['ALREADY_IN_SYSTEM', null]);
  }
});

test('PUT /duplicate-rules with directApplicant BLOCK refuses an agency submission of a registered person', async () => {
  const campaign = await w.env.deps.db.campaign.create({ data: { name: unique('API direct block') }, select: { id: true } });
  const rule = { windowMonths: 6, matchOn: 'EITHER', crossAgency: 'FLAG', sameAgency: 'FLAG', directApplicant: 'BLOCK' };
  const put = await w.api.call('put', `/duplicate-rules/${campaign.id}`, { key: w.keys.owner, body: rule });
  expect([put.status, await put.json()]).toEqual([200, { ...rule, showOwnershipEnd: true }]);
  const body = applicant();
  await register(body);

  const result = await w.env.services.submitCandidate(w.f.userA, {
    firstName: 'Dana',
    lastName: 'Blocked',
    phone: body.phone as string,
    email: `${unique('blocked')}@example.com`,
    campaignId: campaign.id,
    channel: 'WEB',
  });
  expect(result).toEqual({ outcome: 'BLOCKED', reason: 'already_in_system', ownership: null, attemptId: expect.any(String) });
});
