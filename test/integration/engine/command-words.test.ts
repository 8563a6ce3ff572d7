import { chat, fakeChannel, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

/** Issue 14, journey 5: command words typed into an open dialog are commands, or the bot asks. */
jest.setTimeout(30_000);

let ee: EngineEnv;
let forms: EngineEnv;
let f: Fixture;
let campaignName: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  // Slack and Teams render the submission as one form: the same engine with the forms capability.
  forms = await openEngineEnv({ env: ee.env, channel: fakeChannel('SLACK', { forms: true }) });
  f = await seedFixture(ee.env);
  campaignName = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
});
afterAll(async () => {
  await forms.close();
  await ee.close();
});

const asUser = async (userId = f.userA) => chat(ee, await linkIdentity(ee.env, userId));
const pretty = (phone: string) => `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}`;

test('“submit please” at the name question asks which was meant, and the choice is followed', async () => {
  const c = await asUser();
  await c.say('submit');
  expect(await c.say('submit please')).toEqual([
    '“submit please” starts with the command “submit”. Did you mean the command, or is it your answer?\n[Run “submit”] [Use “submit please” as the name]',
  ]);
  expect(await c.press('Use “submit please” as the name')).toEqual([expect.stringContaining('phone number')]);
  // At the phone question the words cannot be the answer: the command runs, the old draft is dropped.
  expect(await c.say('submit please')).toEqual([
    expect.stringContaining('Let’s submit a candidate'),
    'The submission you had started is dropped; here is a new one.',
    expect.stringContaining('full name'),
  ]);
});

test('“candidates” at the last-name question lists the candidates and keeps the submission open', async () => {
  const c = await asUser();
  await c.say('submit');
  expect(await c.say('Jane')).toEqual(['And Jane’s last name?']);
  expect(await c.say('candidates')).toEqual([expect.stringContaining('[Run “candidates”] [Use “candidates” as the name]')]);
  expect(await c.press('Run “candidates”')).toEqual([
    expect.stringContaining('# My Candidates'),
    'Your submission is still open: answer the question below to go on, or type “cancel”.',
    'And Jane’s last name?',
  ]);
  expect(await c.say('Dela Cruz')).toEqual([expect.stringContaining('phone number')]);
});

test('a command word where the answer cannot be a name (the phone question) runs at once', async () => {
  const c = await asUser();
  await c.say('submit');
  await c.say('Jane Dela Cruz');
  expect(await c.say('campaigns')).toEqual([
    expect.stringContaining(campaignName),
    'Your submission is still open: answer the question below to go on, or type “cancel”.',
    expect.stringContaining('phone number'),
  ]);
});

test('at the summary, “submit” still means send', async () => {
  const c = await asUser();
  const phone = uniquePhone();
  await c.say(`submit Jane Dela Cruz ${pretty(phone)} ${unique('sum')}@example.com`);
  await c.press(campaignName);
  await c.press('Skip');
  expect((await c.say('submit'))[0]).toMatch(/^✅ New Candidate/);
});

test('“submit <name phone email>” starts a submission pre-filled, asking only for what is missing', async () => {
  const c = await asUser();
  const phone = uniquePhone();
  const email = `${unique('pre')}@example.com`;
  expect(await c.say(`submit Jane Dela Cruz ${pretty(phone)} ${email}`)).toEqual([
    expect.stringContaining('I took what you typed'),
    expect.stringContaining('Which campaign'),
  ]);
  await c.press(campaignName);
  const summary = (await c.press('Skip'))[0];
  expect(summary).toContain('First name: Jane');
  expect(summary).toContain('Last name: Dela Cruz');
  expect(summary).toContain(`Phone: ${phone}`);
  expect(summary).toContain(`Email: ${email}`);
});

test('“submit <details>” inside the wizard restarts it pre-filled, without asking', async () => {
  const c = await asUser();
  const email = `${unique('again')}@example.com`;
  await c.say('submit');
  await c.say('Maria');
  expect(await c.say(`submit Jane Dela Cruz ${email}`)).toEqual([
    expect.stringContaining('I took what you typed'),
    'The submission you had started is dropped; here is a new one.',
    expect.stringContaining('phone number'),
  ]);
  await c.say(pretty(uniquePhone()));
  await c.press(campaignName);
  const summary = (await c.press('Skip'))[0];
  expect(summary).toContain('First name: Jane');
  expect(summary).toContain(`Email: ${email}`);
});

test('a lone word after submit is talk, not a name', async () => {
  const c = await asUser();
  expect(await c.say('submit please')).toEqual([
    expect.stringContaining('Let’s submit a candidate'),
    expect.stringContaining('full name'),
  ]);
});

test('with the form open (Slack, Teams), typing “submit” asks instead of naming the candidate “submit”', async () => {
  const c = chat(forms, await linkIdentity(ee.env, f.userA, 'SLACK'));
  expect(await c.say('submit')).toEqual([expect.stringMatching(/^FORM Submit a candidate/)]);
  expect(await c.say('submit')).toEqual([expect.stringContaining('[Run “submit”] [Use “submit” as the name]')]);
  expect(await c.press('Run “submit”')).toEqual([expect.stringMatching(/^FORM Submit a candidate/)]);
});

test('on a form channel, “submit <details>” opens the form with those fields filled', async () => {
  const c = chat(forms, await linkIdentity(ee.env, f.userA, 'SLACK'));
  const phone = uniquePhone();
  const email = `${unique('form')}@example.com`;
  await c.say(`submit Jane Dela Cruz ${pretty(phone)} ${email}`);
  const form = c.last[0]?.body;
  expect(form).toMatchObject({ type: 'form' });
  const values = form?.type === 'form' ? Object.fromEntries(form.fields.map((x) => [x.name, x.value])) : {};
  expect(values).toMatchObject({ firstName: 'Jane', lastName: 'Dela Cruz', phone, email });
});
