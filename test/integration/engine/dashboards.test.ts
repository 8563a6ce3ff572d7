import { chat, fakeChannel, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { createUser, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

let ee: EngineEnv;
let f: Fixture;
let submitter: string;
const refs: number[] = [];
let dupName: string;

beforeAll(async () => {
  ee = await openEngineEnv({ channel: fakeChannel('SLACK', { editInPlace: true }) });
  f = await seedFixture(ee.env);
  submitter = await createUser(ee.env, 'AGENCY_USER', f.agencyA);
  // The test clock stands still unless moved: one second apart gives the lists a stable order.
  const submit = (userId: string, firstName: string, phone = uniquePhone()) => {
    ee.env.clock.advance(1000);
    return ee.env.services.submitCandidate(userId, {
      firstName,
      lastName: 'Tester',
      phone,
      email: `${unique('d')}@example.com`,
      campaignId: f.campaignId,
      channel: 'WEB',
    });
  };
  for (let i = 1; i <= 7; i++) {
    const r = await submit(submitter, `Person${i}`);
    if (r.outcome === 'ADDED') refs.push(r.candidateRef);
  }
  // A duplicate of agency B's candidate, submitted by our user.
  const phone = uniquePhone();
  await submit(f.userB, 'Other', phone);
  dupName = unique('Dupe').replace(/[^A-Za-z]/g, '');
  await submit(submitter, dupName, phone);
});
afterAll(() => ee.close());

const me = async (userId = submitter) => chat(ee, await linkIdentity(ee.env, userId, 'SLACK'));

test('My Candidates: metrics, items with refs, paging that edits the list in place', async () => {
  const c = await me();
  const [page1] = await c.say('candidates');
  expect(page1).toContain('# My Candidates');
  expect(page1).toMatch(
    /Submitted in the last 30 days \([A-Z][a-z]{2} \d{1,2}, \d{4} – [A-Z][a-z]{2} \d{1,2}, \d{4}\): Added 7 · Previously Submitted 0 · Duplicate 1\n8 submissions listed \(any date, newest first\)/,
  );
  expect(page1).toContain(`${dupName} Tester (⛔ Duplicate`);
  expect(page1).toContain('page 1/2');
  expect(page1).toContain('[Next ▶]');
  expect(c.last[0]?.body).toMatchObject({
    type: 'list',
    items: expect.arrayContaining([expect.objectContaining({ actionId: `open:C-${refs[6]}` })]),
  });

  const [page2] = await c.action('page', '2', { sourceMessageRef: 'slack-ts-1' });
  expect(page2).toMatch(/^\(edit slack-ts-1\) # My Candidates/);
  expect(page2).toContain('page 2/2');
  expect(page2).toContain('[◀ Prev]');
  expect(page2).toContain(`C-${refs[0]} Person1 Tester`);
});

test('search text and outcome / stage filters come from the arguments', async () => {
  const c = await me();
  const [dups] = await c.say('candidates outcome:duplicate');
  expect(dups).toContain('My Candidates — ⛔ Duplicate');
  expect(dups).toContain(dupName);
  expect(dups).not.toContain('Person1');
  const [one] = await c.say('candidates person3 stage:new');
  expect(one).toContain(`C-${refs[2]} Person3 Tester`);
  expect(one).toContain('page 1/1');
  expect(await c.say('candidates outcome:weird')).toEqual([
    '“weird” is not an outcome. Use one of: added, previous, duplicate, insystem, blocked (e.g. outcome:duplicate).',
  ]);
  const [none] = await c.say('candidates nobody-like-this');
  expect(none).toContain('No candidates match');
});

test('Agency Pool: admins see their agency; owners name an agency or all; users may not', async () => {
  const admin = await me(f.adminA);
  const [pool] = await admin.say('pool Person');
  expect(pool).toContain('# Agency Pool');
  expect(pool).toContain('Person7');
  const owner = await me(f.ownerId);
  const agencyB = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } })).name;
  const [poolB] = await owner.say(`pool agency:"${agencyB}"`);
  expect(poolB).toContain(`Agency Pool — ${agencyB}`);
  expect(poolB).toContain('Other Tester');
  expect(poolB).not.toContain('Person1');
  expect((await owner.say('pool agency:all'))[0]).toContain('Agency Pool — all agencies');
  expect(await (await me()).say('pool')).toEqual([expect.stringContaining('“pool” is not available to you')]);
});

test('profile card, comment by button, comment by command, reply-to routing', async () => {
  const ref = refs[0] ?? 0;
  const c = await me();
  const [card] = await c.say(`candidate C-${ref}`);
  expect(card).toContain(`# C-${ref} Person1 Tester`);
  expect(card).toContain('Stage: New');
  expect(card).toMatch(/Added by: .+, Agency A/);
  expect(card).toContain('Comments (0):\nNo comments yet.');
  expect(card).toContain('[Comment]');
  expect(card).not.toContain('[Change stage]');

  expect(await c.press('Comment')).toEqual([`Type your comment on C-${ref}, up to 4,000 characters (or “cancel”).`]);
  expect(await c.say('Available from Monday: call first.')).toEqual([`💬 Comment added to C-${ref}.`]);
  expect(await c.say(`comment C-${ref} second: note`)).toEqual([`💬 Comment added to C-${ref}.`]);
  const [after] = await c.action(`open:C-${ref}`);
  expect(after).toContain('Comments (2):');
  expect(after).toContain('Available from Monday: call first.');
  expect(after).toContain('second: note');

  // A relayed recruiter comment was sent as platform message `relay-1`; replying to it comments.
  const candidate = await ee.env.deps.db.candidate.findUniqueOrThrow({ where: { ref } });
  const platformMessageId = `relay-${unique('m')}`;
  await ee.env.deps.db.notification.create({
    data: {
      kind: 'RECRUITER_COMMENT',
      candidateId: candidate.id,
      recipientId: submitter,
      channel: 'SLACK',
      payload: {},
      status: 'SENT',
      platformMessageId,
    },
  });
  expect(await c.say('Thanks, will do', { replyTo: platformMessageId })).toEqual([
    `💬 Your reply was added as a comment on C-${ref}.`,
  ]);
  expect(await ee.env.deps.db.comment.count({ where: { candidateId: candidate.id } })).toBe(3);
  // A reply to anything else is ordinary text.
  expect(await c.say('hello', { replyTo: 'unrelated' })).toEqual([expect.stringContaining('I did not catch that')]);
});

test('an agency user cannot open or comment on someone else’s candidate', async () => {
  const ref = refs[1] ?? 0;
  const c = await me(f.userA2);
  // Someone else's candidate reads as no candidate at all (no existence oracle).
  expect(await c.say(`candidate C-${ref}`)).toEqual([`There is no candidate C-${ref}. Check the reference in your list.`]);
  expect(await c.say(`comment C-${ref} hi`)).toEqual([`There is no candidate C-${ref}. Check the reference in your list.`]);
  expect(await c.say('candidate C-999999999')).toEqual([expect.stringContaining('There is no candidate C-999999999')]);
  expect(await c.say('candidate')).toEqual([expect.stringContaining('Type it like this: candidate C-1042')]);
});

test('recruiters change the stage by buttons or command; an empty comment is re-asked', async () => {
  const ref = refs[2] ?? 0;
  const r = await me(f.recruiterId);
  const [card] = await r.say(`candidate C-${ref}`);
  expect(card).toContain('[Comment] [Change stage]');
  expect((await r.press('Change stage'))[0]).toContain(`Move C-${ref} to which stage?`);
  expect(await r.press('Screening')).toEqual([`C-${ref} moved from New to Screening.`]);
  expect(await r.say(`stage C-${ref} interview`)).toEqual([`C-${ref} moved from Screening to Interview.`]);
  expect(await r.say(`stage C-${ref} interview`)).toEqual([`C-${ref} is already at Interview.`]);
  expect(await r.say(`stage C-${ref} nowhere`)).toEqual([expect.stringContaining('Type it like this: stage C-1042')]);
  await r.say(`candidate C-${ref}`);
  await r.press('Comment');
  expect(await r.say('   ')).toEqual(['A comment cannot be empty.']);
  expect(await r.say('Looks strong')).toEqual([`💬 Comment added to C-${ref}.`]);
  expect(await (await me()).say(`stage C-${ref} hired`)).toEqual([expect.stringContaining('“stage” is not available to you')]);
});
