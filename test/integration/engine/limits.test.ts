import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

/** Issue 14, journey 6: long text is refused with its length, never cut or echoed whole. */
jest.setTimeout(30_000);

let ee: EngineEnv;
let f: Fixture;
let ref: number;
let candidateId: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  const r = await ee.env.services.submitCandidate(f.userA, {
    firstName: 'Long',
    lastName: 'Text',
    phone: uniquePhone(),
    email: `${unique('long')}@example.com`,
    campaignId: f.campaignId,
    channel: 'WEB',
  });
  if (r.outcome !== 'ADDED') throw new Error('fixture candidate not added');
  ref = r.candidateRef;
  candidateId = (await ee.env.deps.db.candidate.findUniqueOrThrow({ where: { ref } })).id;
});
afterAll(() => ee.close());

const asUser = async () => chat(ee, await linkIdentity(ee.env, f.userA));
/** Prose of exactly `n` characters, as the 5,040-character comment of the report. */
const prose = (n: number) => 'All good so far, she answered every question. '.repeat(Math.ceil(n / 46)).slice(0, n);
const comments = () => ee.env.deps.db.comment.count({ where: { candidateId } });

test('a 5,040-character comment is refused with its length, and nothing is saved', async () => {
  const c = await asUser();
  const before = await comments();
  expect(await c.say(`comment C-${ref} ${prose(5040)}`)).toEqual([
    'Comments can be at most 4,000 characters; yours has 5,040. Shorten it and send again.',
  ]);
  expect(await comments()).toBe(before);
});

test('in the comment dialog, a too-long comment keeps the question open for the shortened one', async () => {
  const c = await asUser();
  await c.say(`candidate C-${ref}`);
  expect(await c.press('Comment')).toEqual([`Type your comment on C-${ref}, up to 4,000 characters (or “cancel”).`]);
  expect(await c.say(prose(4001))).toEqual([
    'Comments can be at most 4,000 characters; yours has 4,001. Shorten it and send again.',
  ]);
  const body = prose(4000).trim();
  expect(await c.say(body)).toEqual([`💬 Comment added to C-${ref}.`]);
  // Stored whole: the longest comment allowed is not cut either.
  const saved = await ee.env.deps.db.comment.findFirstOrThrow({ where: { candidateId }, orderBy: { createdAt: 'desc' } });
  expect(saved.body).toBe(body);
});

test('a too-long reply to a relayed comment is refused the same way', async () => {
  const c = await asUser();
  const platformMessageId = `relay-${unique('m')}`;
  await ee.env.deps.db.notification.create({
    data: {
      kind: 'RECRUITER_COMMENT',
      candidateId,
      recipientId: f.userA,
      channel: 'WEB',
      payload: {},
      status: 'SENT',
      platformMessageId,
    },
  });
  const before = await comments();
  expect(await c.say(prose(4500), { replyTo: platformMessageId })).toEqual([
    'Comments can be at most 4,000 characters; yours has 4,500. Shorten it and send again.',
  ]);
  expect(await comments()).toBe(before);
});

test('an over-long wrong answer is quoted back shortened, not whole', async () => {
  const c = await asUser();
  await c.say('submit');
  await c.say('Jane Dela Cruz');
  await c.say(uniquePhone());
  const wrong = prose(3000);
  const [problem] = await c.say(wrong);
  expect(problem).toMatch(/^“All good so far, she answered every question\. All good so…” is not an email address\./);
  expect(problem?.length).toBeLessThan(200);
});
