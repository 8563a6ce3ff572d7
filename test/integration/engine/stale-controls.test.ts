import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

/**
 * Issue 14, stale controls: a pressed question's message is handed back to the adapter as spent
 * (`retire`), so channels that can edit a message disable its buttons; browsing buttons (paging,
 * Open) keep their message live.
 */
jest.setTimeout(30_000);

let ee: EngineEnv;
let f: Fixture;
let campaignName: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  campaignName = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
});
afterAll(() => ee.close());

test('answering a question by its button marks that message spent; the answer itself stays live', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  await c.say('submit');
  await c.say(`Jane Dela Cruz ${uniquePhone()} ${unique('jane')}@example.com`);
  // `press` sends the pressed message's ref as msg-1.
  await c.press(campaignName);
  expect(c.last[0]?.retire).toBe('msg-1');
  expect(c.last.slice(1).every((m) => m.retire === undefined)).toBe(true);
  await c.press('Skip');
  expect(c.last[0]?.retire).toBe('msg-1');
  await c.say('cancel');
});

test('paging and opening a row leave the list live', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA2));
  for (let i = 0; i < 7; i++)
    await ee.env.services.submitCandidate(f.userA2, {
      firstName: 'Stale',
      lastName: `Tester${String.fromCharCode(97 + i)}`,
      phone: uniquePhone(),
      email: `${unique('stale')}@example.com`,
      campaignId: f.campaignId,
      channel: 'WEB',
    });
  await c.say('candidates');
  const list = c.last[0]?.body;
  if (list?.type !== 'list') throw new Error('expected a list');
  const next = list.choices.find((choice) => choice.actionId === 'page');
  await c.action('page', next?.value, { sourceMessageRef: 'msg-1' });
  expect(c.last[0]?.body.type).toBe('list');
  // Paging browses: the list it came from keeps its buttons (where the channel edits, it is replaced).
  expect(c.last[0]?.retire).toBeUndefined();
  const row = list.items.find((i) => i.actionId);
  await c.action(row?.actionId ?? '', undefined, { sourceMessageRef: 'msg-1' });
  expect(c.last[0]?.body.type).toBe('card');
  expect(c.last[0]?.retire).toBeUndefined();
});
