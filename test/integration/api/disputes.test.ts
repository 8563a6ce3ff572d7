import { linkChat } from '../../support/notify';
import { createUser, dropDisputeNotifications, unique, uniquePhone } from '../../support/services';
import { openApiWorld, openSampleDispute, type ApiWorld } from './fixtures';

/**
 * Issue 19 through the REST API: the employer's systems list and read the agencies' disputes, fetch
 * the evidence, and decide; a decision reaches the disputing agency in chat like one made in chat.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(async () => {
  await w.n.queue.idle();
  await dropDisputeNotifications(w.env);
  await w.close();
});

type Json = Record<string, unknown>;
const json = async (response: Response): Promise<Json> => (await response.json()) as Json;

test('GET /disputes lists them newest first, filtered by status, campaign and disputing agency', async () => {
  const id = await openSampleDispute(w);
  const key = w.keys.recruiter;
  const all = await json(
    await w.api.call('get', `/disputes?status=open&campaignId=${w.f.campaignId}&agencyId=${w.f.agencyB}`, { key }),
  );
  const rows = all.rows as Json[];
  expect(rows[0]).toMatchObject({
    id,
    status: 'OPEN',
    outcome: 'DUPLICATE',
    reason: 'We introduced her to the employer first.',
    agency: { id: w.f.agencyB },
    ownerAgency: { id: w.f.agencyA },
    campaign: { id: w.f.campaignId },
    evidence: { filename: 'email-thread.pdf', contentType: 'application/pdf' },
    decision: null,
  });
  expect(rows.every((r) => r.status === 'OPEN' && (r.agency as Json).id === w.f.agencyB)).toBe(true);
  const none = await json(await w.api.call('get', `/disputes?agencyId=${w.f.agencyA}&campaignId=${w.f.campaignId}`, { key }));
  expect(none.rows).toEqual([]);
  const bad = await w.api.call('get', '/disputes?status=maybe', { key });
  expect(bad.status).toBe(400);
});

test('GET /disputes/{id} answers by id and by D-reference; the evidence comes as the file', async () => {
  const id = await openSampleDispute(w);
  const byId = await json(await w.api.call('get', `/disputes/${id}`, { key: w.keys.owner }));
  const byRef = await json(await w.api.call('get', `/disputes/D-${String(byId.ref)}`, { key: w.keys.owner }));
  expect(byRef).toEqual(byId);
  const file = await w.api.call('get', `/disputes/${id}/evidence`, { key: w.keys.owner });
  expect(file.status).toBe(200);
  expect(file.headers.get('content-disposition')).toBe('attachment; filename="email-thread.pdf"');
  expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.4 evidence');
  expect((await w.api.call('get', '/disputes/D-999999999', { key: w.keys.owner })).status).toBe(404);
});

test('POST /disputes/{id}/decision transfers: the candidate is the agency’s, the agency is told in chat, a second decision is a conflict', async () => {
  const agencyChat = await linkChat(w.env, w.f.userB, 'TELEGRAM');
  const address = (
    (await w.env.deps.db.chatIdentity.findUniqueOrThrow({ where: { id: agencyChat } })).address as { chat: string }
  ).chat;
  const id = await openSampleDispute(w);
  const before = w.n.telegram.sent.length;

  const response = await w.api.call('post', `/disputes/${id}/decision`, {
    key: w.keys.recruiterAsUser,
    body: { decision: 'transfer', reason: 'Their introduction email is older.' },
  });
  expect(response.status).toBe(200);
  const decided = await json(response);
  expect(decided).toMatchObject({
    status: 'TRANSFERRED',
    decision: { decision: 'transfer', reason: 'Their introduction email is older.', ownershipUntil: expect.any(String) },
  });
  const candidate = await w.env.deps.db.candidate.findUniqueOrThrow({ where: { id: (decided.candidate as Json).id as string } });
  expect(candidate.agencyId).toBe(w.f.agencyB);
  expect(
    await w.env.deps.db.auditLog.count({ where: { action: 'dispute.decided', targetId: id, actorId: w.f.recruiterId } }),
  ).toBe(1);

  await w.n.queue.idle();
  const told = w.n.telegram.sent.slice(before).filter((s) => (s.address as { chat: string }).chat === address);
  expect(told).toHaveLength(1);
  const text = (told[0]?.message.body as { text: string }).text;
  expect(text).toMatch(
    /^⚖️ Your dispute D-\d+ of S-[0-9a-f]{8} Dina Disputed-[0-9a-f]{8} is decided for you: C-\d+ is now your agency’s candidate, until /,
  );
  const agencyA = await w.env.deps.db.agency.findUniqueOrThrow({ where: { id: w.f.agencyA } });
  expect(text).not.toContain(agencyA.name);

  const again = await w.api.call('post', `/disputes/${id}/decision`, {
    key: w.keys.recruiterAsUser,
    body: { decision: 'uphold', reason: 'Changed my mind.' },
  });
  expect(again.status).toBe(409);
});

test('a decision needs a reason, and a recruiter of the campaign (or an owner)', async () => {
  const id = await openSampleDispute(w);
  const noReason = await w.api.call('post', `/disputes/${id}/decision`, {
    key: w.keys.recruiterAsUser,
    body: { decision: 'uphold', reason: '  ' },
  });
  expect(noReason.status).toBe(400);
  const stranger = await createUser(w.env, 'RECRUITER', null, 'other-recruiter');
  const strangerEmail = (await w.env.deps.db.user.findUniqueOrThrow({ where: { id: stranger } })).email;
  const refused = await w.api.call('post', `/disputes/${id}/decision`, {
    key: w.keys.recruiter,
    body: { decision: 'uphold', reason: 'Not mine to say.', authorEmail: strangerEmail },
  });
  expect(refused.status).toBe(403);
  expect(await w.env.deps.db.dispute.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'OPEN' });
});

test('ALREADY_IN_SYSTEM: the ATS’s own record is the holder; GET filters by outcome, a transfer creates the agency’s candidate and supersedes the record', async () => {
  const externalId = unique('ats-api');
  const person = { firstName: 'Iris', lastName: unique('Applied'), phone: uniquePhone(), email: `${unique('iris')}@example.com` };
  const registered = await w.api.call('post', '/candidates', {
    key: w.keys.owner,
    body: { externalId, source: 'direct', ...person },
  });
  expect(registered.status).toBe(201);
  const submitted = await w.env.services.submitCandidate(w.f.userB, { ...person, campaignId: w.f.campaignId, channel: 'WEB' });
  if (submitted.outcome !== 'ALREADY_IN_SYSTEM') throw new Error(`expected ALREADY_IN_SYSTEM, got ${submitted.outcome}`);
  const opened = await w.env.services.openDispute(w.f.userB, {
    submissionRef: `S-${submitted.submissionId.slice(0, 8)}`,
    reason: 'She signed with us before applying.',
  });
  const key = w.keys.owner;

  const listed = await json(await w.api.call('get', `/disputes?outcome=already_in_system&status=open`, { key }));
  const rows = listed.rows as Json[];
  expect(rows.every((r) => r.outcome === 'ALREADY_IN_SYSTEM')).toBe(true);
  expect(rows.find((r) => r.id === opened.disputeId)).toMatchObject({
    outcome: 'ALREADY_IN_SYSTEM',
    ownerAgency: null,
    employerRecord: { externalId, source: 'DIRECT', superseded: false },
    candidate: null,
    person: `Iris ${person.lastName}`,
    agency: { id: w.f.agencyB },
  });
  expect((await w.api.call('get', '/disputes?outcome=added', { key })).status).toBe(400);

  const response = await w.api.call('post', `/disputes/${opened.disputeId}/decision`, {
    key: w.keys.recruiterAsUser,
    body: { decision: 'transfer', reason: 'The agreement predates the application.' },
  });
  expect(response.status).toBe(200);
  const decided = await json(response);
  expect(decided).toMatchObject({
    status: 'TRANSFERRED',
    employerRecord: { externalId, superseded: true },
    candidate: { ref: expect.any(Number), name: `Iris ${person.lastName}` },
    decision: { decision: 'transfer', ownershipUntil: expect.any(String) },
  });
  const candidate = await w.env.deps.db.candidate.findUniqueOrThrow({ where: { id: (decided.candidate as Json).id as string } });
  expect(candidate).toMatchObject({ agencyId: w.f.agencyB, phone: person.phone });
  // The record no longer counts: the agency's next submission of the person is its own.
  expect(
    await w.env.services.submitCandidate(w.f.userB, { ...person, campaignId: w.f.campaignId, channel: 'WEB' }),
  ).toMatchObject({ outcome: 'PREVIOUSLY_SUBMITTED', candidateRef: candidate.ref });
});

test('BLOCKED by the ATS’s record: listed with the record as holder and its name; a record without an email is refused a transfer (409), one with both is transferred', async () => {
  const key = w.keys.owner;
  // The owner decides (the fixture's recruiter does not recruit for this campaign).
  const authorEmail = (await w.env.deps.db.user.findUniqueOrThrow({ where: { id: w.f.ownerId } })).email;
  const campaign = await w.env.deps.db.campaign.create({ data: { name: unique('API direct block') }, select: { id: true } });
  const rule = { windowMonths: 6, matchOn: 'EITHER', crossAgency: 'FLAG', sameAgency: 'FLAG', directApplicant: 'BLOCK' };
  expect((await w.api.call('put', `/duplicate-rules/${campaign.id}`, { key, body: rule })).status).toBe(200);
  /** The ATS registers the person (with or without an email); agency B's submission is blocked and disputed. */
  const blockedDispute = async (withEmail: boolean) => {
    const externalId = unique('ats-api-block');
    const person = {
      firstName: 'Iris',
      lastName: unique('Record'),
      phone: uniquePhone(),
      email: `${unique('iris')}@example.com`,
    };
    const body = { externalId, source: 'direct', firstName: person.firstName, lastName: person.lastName, phone: person.phone };
    const registered = await w.api.call('post', '/candidates', {
      key,
      body: withEmail ? { ...body, email: person.email } : body,
    });
    expect(registered.status).toBe(201);
    const typed = { ...person, lastName: 'AsTyped', campaignId: campaign.id, channel: 'WEB' as const };
    const blocked = await w.env.services.submitCandidate(w.f.userB, typed);
    if (blocked.outcome !== 'BLOCKED') throw new Error(`expected BLOCKED, got ${blocked.outcome}`);
    const opened = await w.env.services.openDispute(w.f.userB, {
      submissionRef: `S-${blocked.attemptId.slice(0, 8)}`,
      reason: 'She signed with us before applying.',
    });
    return { externalId, person, typed, opened };
  };

  const partial = await blockedDispute(false);
  const listed = await json(await w.api.call('get', `/disputes?outcome=blocked&status=open&campaignId=${campaign.id}`, { key }));
  expect((listed.rows as Json[]).find((r) => r.id === partial.opened.disputeId)).toMatchObject({
    outcome: 'BLOCKED',
    ownerAgency: null,
    employerRecord: { externalId: partial.externalId, source: 'DIRECT', superseded: false },
    candidate: null,
    // Nothing of what B typed was kept: the employer reads its own record's name.
    person: `Iris ${partial.person.lastName}`,
  });
  const refused = await w.api.call('post', `/disputes/${partial.opened.disputeId}/decision`, {
    key,
    body: { decision: 'transfer', reason: 'Ours.', authorEmail },
  });
  expect(refused.status).toBe(409);
  expect(JSON.stringify(await refused.json())).toContain(`has no email, and an agency’s candidate needs a phone and an email`);

  const full = await blockedDispute(true);
  const response = await w.api.call('post', `/disputes/${full.opened.disputeId}/decision`, {
    key,
    body: { decision: 'transfer', reason: 'The agreement predates the application.', authorEmail },
  });
  expect(response.status).toBe(200);
  const decided = await json(response);
  expect(decided).toMatchObject({
    status: 'TRANSFERRED',
    employerRecord: { externalId: full.externalId, superseded: true },
    candidate: { name: `Iris ${full.person.lastName}` },
  });
  const candidate = await w.env.deps.db.candidate.findUniqueOrThrow({ where: { id: (decided.candidate as Json).id as string } });
  expect(candidate).toMatchObject({
    agencyId: w.f.agencyB,
    phone: full.person.phone,
    email: full.person.email,
    submittedById: w.f.userB,
  });
  expect(await w.env.services.submitCandidate(w.f.userB, full.typed)).toMatchObject({
    outcome: 'PREVIOUSLY_SUBMITTED',
    candidateRef: candidate.ref,
  });
});
