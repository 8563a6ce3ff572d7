import { linkChat, submitCandidate } from '../../support/notify';
import { openApiWorld, type ApiWorld } from './fixtures';

/**
 * Issue 8, must-show 2 end to end: a recruiter comment posted through the API reaches the
 * submitting agency user and the agency admins on every channel they linked (two recording
 * channels); the agency user's answer reaches the campaign's recruiters; a stage change set
 * through the API notifies the submitter.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(() => w.close());

const chatOf = async (identityId: string) =>
  ((await w.env.deps.db.chatIdentity.findUniqueOrThrow({ where: { id: identityId } })).address as { chat: string }).chat;
const to = (sent: { address: unknown }[], chat: string) => sent.filter((s) => (s.address as { chat: string }).chat === chat);
const text = (s: { message: { body: unknown } }) => (s.message.body as { text: string }).text;

test('comment via API → agency user (web + telegram) and admin; reply → recruiter; stage via API → submitter', async () => {
  const user = {
    web: await chatOf(await linkChat(w.env, w.f.userA, 'WEB')),
    tg: await chatOf(await linkChat(w.env, w.f.userA, 'TELEGRAM')),
  };
  const admin = { tg: await chatOf(await linkChat(w.env, w.f.adminA, 'TELEGRAM')) };
  const recruiter = { web: await chatOf(await linkChat(w.env, w.f.recruiterId, 'WEB')) };
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const mark = () => ({ web: w.n.web.sent.length, tg: w.n.telegram.sent.length });

  let before = mark();
  const posted = await w.api.call('post', `/candidates/C-${ref}/comments`, {
    key: w.keys.recruiterAsUser,
    body: { body: 'Is her notice period 30 days?' },
  });
  expect(posted.status).toBe(201);
  await w.n.queue.idle();
  let web = w.n.web.sent.slice(before.web);
  let tg = w.n.telegram.sent.slice(before.tg);
  expect(to(web, user.web)).toHaveLength(1);
  expect(to(tg, user.tg)).toHaveLength(1);
  expect(to(tg, admin.tg)).toHaveLength(1);
  expect(web.length + tg.length).toBe(3);
  expect(text(tg[0]!)).toContain('Is her notice period 30 days?');
  expect(tg[0]!.message.replyKey).toBe(`candidate:${ref}`);

  // The agency user answers (in chat the engine calls the same notifying services).
  before = mark();
  await w.n.services.addComment(w.f.userA, ref, 'Yes, 30 days.');
  await w.n.queue.idle();
  web = w.n.web.sent.slice(before.web);
  expect(to(web, recruiter.web)).toHaveLength(1);
  expect(text(web[0]!)).toContain('Yes, 30 days.');
  expect(w.n.telegram.sent.length).toBe(before.tg);

  before = mark();
  const staged = await w.api.call('post', `/candidates/${ref}/stage`, {
    key: w.keys.recruiterAsUser,
    body: { stage: 'INTERVIEW' },
  });
  expect(staged.status).toBe(200);
  expect(await staged.json()).toEqual({ candidateRef: ref, from: 'NEW', to: 'INTERVIEW' });
  await w.n.queue.idle();
  web = w.n.web.sent.slice(before.web);
  tg = w.n.telegram.sent.slice(before.tg);
  expect(to(web, user.web)).toHaveLength(1);
  expect(to(tg, user.tg)).toHaveLength(1);
  expect(to(tg, admin.tg)).toHaveLength(0);
});
