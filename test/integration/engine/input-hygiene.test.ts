import { chat, linkIdentity, openEngineEnv, strangerIdentity, type EngineEnv } from '../../support/engine';
import { submitCandidate } from '../../support/notify';
import { seedFixture, type Fixture } from '../../support/services';

/**
 * Issue 16 (break 6): a NUL or another control character in a chat message used to reach
 * PostgreSQL and come back as "something went wrong". What a person typed is cleaned of them (no
 * one means one); a platform id carrying one is refused, never altered.
 */
let ee: EngineEnv;
let f: Fixture;
beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
});
afterAll(() => ee.close());

test('a command with a NUL in it works as typed without it', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const [reply] = await c.say('hel\u0000p');
  expect(reply).not.toMatch(/went wrong/i);
  expect(reply).toEqual((await c.say('help'))[0]);
});

test('a comment with control characters is saved without them', async () => {
  const ref = await submitCandidate(ee.env, f.userA, f.campaignId);
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const [reply] = await c.say(`comment C-${ref} Great\u0000 fit,\u0007 call\ther\nMonday`);
  expect(reply).not.toMatch(/went wrong/i);
  const saved = await ee.env.deps.db.comment.findFirstOrThrow({ where: { candidate: { ref } }, select: { body: true } });
  expect(saved.body).toBe('Great fit, call\ther\nMonday');
});

test('a wizard field with a NUL is read without it', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  await c.say('submit');
  const [reply] = await c.say('Ma\u0000ria');
  expect(reply).not.toMatch(/went wrong/i);
  const state = await ee.env.deps.db.conversation.findFirstOrThrow({
    where: { conversationId: { startsWith: c.conversationId } },
    select: { state: true },
  });
  expect(JSON.stringify(state.state)).toContain('Maria');
  expect(JSON.stringify(state.state)).not.toContain('\\u0000');
});

test('an event whose platform user id carries a NUL is refused, not read as another id', async () => {
  const c = chat(ee, { ...strangerIdentity(), platformUserId: 'u-\u0000x' });
  expect(await c.say('help')).toEqual([]);
});
