import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServices, SYSTEM_ACTOR, type Services } from '../../../src/services';
import { openNotifyEnv, linkChat, submitCandidate, type NotifyEnv } from '../../support/notify';
import { createUser, openTestEnv, seedFixture, uniquePhone, unique, type Fixture, type TestEnv } from '../../support/services';

/**
 * Issue 16 (break 10): comments, stage changes and new candidates write an outbox event in their
 * own transaction. Bare services (no notifier attached) play a process that died right after
 * the commit; the relay then fans the event out, and relaying it again (a crash after the fan-out,
 * before the event was marked) adds nothing: one message, one ATS webhook.
 */
let env: TestEnv;
/** Bare services: they leave their outbox events for the relay, as a process that died would. */
let bare: Services;
let f: Fixture;
let n: NotifyEnv;
let ats: Server;
const posts: { type: string; id: string; data: { candidateRef?: number; externalId?: string } }[] = [];

beforeAll(async () => {
  env = await openTestEnv();
  bare = createServices(env.deps);
  f = await seedFixture(env);
  ats = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      posts.push(JSON.parse(body) as (typeof posts)[number]);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => ats.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(ats.address() as AddressInfo).port}/hooks`;
  n = await openNotifyEnv(env, { ats: { url, secret: 'outbox-test-secret-0123456789' } });
});
afterAll(async () => {
  await n.close();
  await new Promise<void>((resolve) => ats.close(() => resolve()));
  await env.close();
});

const eventOf = (kind: string, field: string, value: string) =>
  env.deps.db.outboxEvent.findFirstOrThrow({ where: { kind, payload: { path: [field], equals: value } } });
/** A crash after the fan-out but before the event was marked: the relay will see it again. */
const unmark = (id: string) => env.deps.db.outboxEvent.update({ where: { id }, data: { processedAt: null, lockedUntil: null } });

async function relayEverything(): Promise<void> {
  await n.notifier.relayPending();
  await n.queue.idle();
}

test('a stage change whose process died after the commit is delivered by the relay, once even when relayed twice', async () => {
  const userId = await createUser(env, 'AGENCY_USER', f.agencyA, 'outbox');
  const identityId = await linkChat(env, userId, 'WEB');
  const { address } = await env.deps.db.chatIdentity.findUniqueOrThrow({ where: { id: identityId } });
  const ref = await submitCandidate(env, userId, f.campaignId);
  const toUser = () => n.web.sent.filter((s) => JSON.stringify(s.address) === JSON.stringify(address));

  const changed = await bare.changeStage(f.recruiterId, ref, 'INTERVIEW');
  expect(changed.outboxEventId).toEqual(expect.any(String));
  expect(await env.deps.db.notification.count({ where: { candidate: { ref } } })).toBe(0);

  await relayEverything();
  expect(toUser()).toHaveLength(1);
  expect(await env.deps.db.outboxEvent.findUniqueOrThrow({ where: { id: changed.outboxEventId as string } })).toMatchObject({
    processedAt: expect.any(Date),
    attempts: 1,
  });

  await unmark(changed.outboxEventId as string);
  await relayEverything();
  expect(toUser()).toHaveLength(1);
  expect(await env.deps.db.notification.count({ where: { candidate: { ref }, kind: 'STAGE_CHANGE' } })).toBe(1);
});

test('a new candidate left in the outbox reaches the ATS once, with a delivery id of its event, even relayed twice', async () => {
  const submitted = await bare.submitCandidate(f.userA, {
    firstName: 'Nina',
    lastName: unique('Outbox'),
    phone: uniquePhone(),
    email: `${unique('nina')}@example.com`,
    campaignId: f.campaignId,
    channel: 'WEB',
  });
  if (submitted.outcome !== 'ADDED') throw new Error(`expected ADDED, got ${submitted.outcome}`);
  const event = await eventOf('candidate.submitted', 'submissionId', submitted.submissionId);
  expect(event.id).toBe(submitted.outboxEventId);

  await relayEverything();
  await unmark(event.id);
  await relayEverything();
  const ours = posts.filter((p) => p.type === 'candidate.submitted' && p.data.candidateRef === submitted.candidateRef);
  expect(ours.map((p) => p.id)).toEqual([`ats-${event.id}`]);
});

test('a submission of a record the ATS holds, left in the outbox, reaches the ATS once, even relayed twice', async () => {
  const phone = uniquePhone();
  const externalId = unique('ats-outbox');
  await n.services.registerExternalCandidate(SYSTEM_ACTOR, {
    externalId,
    source: 'DIRECT',
    firstName: 'Omar',
    lastName: 'Direct',
    phone,
  });
  const submitted = await bare.submitCandidate(f.userB, {
    firstName: 'Omar',
    lastName: 'Agency',
    phone,
    email: `${unique('omar')}@example.com`,
    campaignId: f.campaignId,
    channel: 'WEB',
  });
  if (submitted.outcome !== 'ALREADY_IN_SYSTEM') throw new Error(`expected ALREADY_IN_SYSTEM, got ${submitted.outcome}`);
  const event = await eventOf('candidate.submitted', 'submissionId', submitted.submissionId);
  expect(event.id).toBe(submitted.outboxEventId);

  await relayEverything();
  await unmark(event.id);
  await relayEverything();
  const ours = posts.filter((p) => p.type === 'candidate.already_in_system' && p.data.externalId === externalId);
  expect(ours.map((p) => p.id)).toEqual([`ats-${event.id}`]);
});

test('through the notifying services the event is relayed at once (the fast path), nothing left for the relay', async () => {
  const ref = await submitCandidate(env, f.userA, f.campaignId);
  const added = await n.services.addComment(f.recruiterId, ref, 'Fast path');
  expect(await env.deps.db.outboxEvent.findUniqueOrThrow({ where: { id: added.outboxEventId as string } })).toMatchObject({
    processedAt: expect.any(Date),
  });
  expect(await env.deps.db.notification.count({ where: { candidate: { ref }, kind: 'RECRUITER_COMMENT' } })).toBeGreaterThan(0);
});
