import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

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

const asUser = async (userId = f.userA) => chat(ee, await linkIdentity(ee.env, userId));
const pretty = (phone: string) => `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}`;

/** Walks the wizard with good answers up to the summary. */
async function fillUpToSummary(c: Awaited<ReturnType<typeof asUser>>, phone: string, email: string) {
  await c.say('submit');
  await c.say('Jane Dela Cruz');
  await c.say(pretty(phone));
  await c.say(email);
  await c.press(campaignName);
  return c.press('Skip');
}

test('the whole wizard, question by question, ends in ✅ New Candidate', async () => {
  const c = await asUser();
  const phone = uniquePhone();
  const email = `${unique('jane')}@example.com`;

  expect(await c.say('Submit')).toEqual([
    expect.stringContaining('Let’s submit a candidate'),
    expect.stringContaining('full name'),
  ]);
  expect(await c.say('Jane Dela Cruz')).toEqual([expect.stringContaining('phone number, with the country code')]);
  expect(await c.say(pretty(phone))).toEqual(['Their email address?']);
  expect(await c.say(email.toUpperCase())).toEqual([expect.stringContaining('Which campaign')]);
  expect(c.last[0]?.body).toMatchObject({
    type: 'choices',
    choices: expect.arrayContaining([expect.objectContaining({ label: campaignName })]),
  });
  expect(await c.press(campaignName)).toEqual([expect.stringContaining('Send the resume')]);
  const summary = await c.press('Skip');
  expect(summary[0]).toContain('# Check the submission');
  expect(summary[0]).toContain('First name: Jane');
  expect(summary[0]).toContain('Last name: Dela Cruz');
  expect(summary[0]).toContain(`Phone: ${phone}`);
  expect(summary[0]).toContain(`Email: ${email}`);
  expect(summary[0]).toContain('[Confirm] [Edit] [Cancel]');

  const outcome = await c.press('Confirm');
  expect(outcome[0]).toMatch(
    /^✅ New Candidate\nNo one submitted this person recently: C-\d+ is now your candidate\.\nYour agency holds this candidate until \w+ \d+, \d{4}\.$/,
  );
  const candidate = await ee.env.deps.db.candidate.findFirstOrThrow({ where: { phone } });
  expect(candidate).toMatchObject({ firstName: 'Jane', lastName: 'Dela Cruz', email, channel: 'WEB', submittedById: f.userA });
  // The dialog is over: a stray answer gets the help pointer.
  expect(await c.say('Confirm')).toEqual([expect.stringContaining('Type “help”')]);
});

test('each step re-asks with a helpful line on bad input', async () => {
  const c = await asUser();
  await c.say('/submit');
  expect(await c.say('12345')).toEqual([expect.stringContaining('A name is letters only'), expect.stringContaining('full name')]);
  expect(await c.say('Jane')).toEqual(['And Jane’s last name?']);
  expect(await c.say('help')).toEqual([expect.stringContaining('Here is what you can do'), 'And Jane’s last name?']);
  expect(await c.say('D4la')).toEqual([expect.stringContaining('A name is letters only'), 'And Jane’s last name?']);
  await c.say('Dela Cruz');
  expect(await c.say('0917 123 4567')).toEqual([
    expect.stringContaining('has no country code. Start the number with + and the country code, e.g. +63 917 123 4567'),
    expect.stringContaining('phone number, with the country code'),
  ]);
  expect(await c.say('+1 23')).toEqual([
    expect.stringContaining('is not a phone number I can use'),
    expect.stringContaining('phone number'),
  ]);
  await c.say(uniquePhone());
  expect(await c.say('jane at example')).toEqual([
    expect.stringContaining('is not an email address. Type it like jane@example.com'),
    'Their email address?',
  ]);
  await c.say(`${unique('j')}@example.com`);
  expect(await c.say('Nonexistent campaign')).toEqual([
    expect.stringContaining('not one of the open campaigns'),
    expect.stringContaining('Which campaign'),
  ]);
  await c.say(campaignName);
  expect(await c.say('maybe later')).toEqual(['I am waiting for the resume file.', expect.stringContaining('Send the resume')]);
  await c.say('skip');
  expect(await c.say('what?')).toEqual([
    expect.stringContaining('Press Confirm to submit'),
    expect.stringContaining('# Check the submission'),
  ]);
  await c.say('cancel');
});

test('a pasted line fills every field it contains at once', async () => {
  const c = await asUser();
  const email = `${unique('paste')}@example.com`;
  const phone = uniquePhone();
  await c.say('submit');
  const replies = await c.say(`Jane Dela Cruz ${pretty(phone)} ${email}`);
  expect(replies).toEqual([expect.stringContaining('Which campaign')]);
  await c.press(campaignName);
  const summary = await c.press('Skip');
  expect(summary[0]).toContain(`Phone: ${phone}`);
  expect(summary[0]).toContain(`Email: ${email}`);
  expect(summary[0]).toContain('Last name: Dela Cruz');
});

test('back re-asks the previous question; at the first one it says so', async () => {
  const c = await asUser();
  await c.say('submit');
  expect(await c.say('back')).toEqual([
    'This is the first question. Type “cancel” to stop.',
    expect.stringContaining('full name'),
  ]);
  await c.say('Jane Dela Cruz');
  await c.say(uniquePhone());
  expect(await c.say('back')).toEqual([expect.stringContaining('phone number')]);
  await c.say('+1 212 555 0123');
  expect(await c.say('jane@example.com')).toEqual([expect.stringContaining('Which campaign')]);
  expect(await c.say('/back')).toEqual(['Their email address?']);
  await c.say('other@example.com');
  await c.press(campaignName);
  const summary = await c.press('Skip');
  expect(summary[0]).toContain('Phone: +12125550123');
  expect(summary[0]).toContain('Email: other@example.com');
  await c.press('Cancel');
});

test('Edit on the summary changes one field and returns to the summary', async () => {
  const c = await asUser();
  await fillUpToSummary(c, uniquePhone(), `${unique('e')}@example.com`);
  expect(await c.press('Edit')).toEqual([expect.stringContaining('What do you want to change?')]);
  expect(await c.press('Email')).toEqual(['Their email address?']);
  const summary = await c.say('edited@example.com');
  expect(summary[0]).toContain('Email: edited@example.com');
  await c.say('cancel');
});

test('cancel at any step leaves nothing half-made', async () => {
  const before = { candidates: await ee.env.deps.db.candidate.count(), submissions: await ee.env.deps.db.submission.count() };
  const c = await asUser();
  const phone = uniquePhone();
  await fillUpToSummary(c, phone, `${unique('c')}@example.com`);
  expect(await c.say('cancel')).toEqual([expect.stringContaining('Cancelled. Nothing was submitted')]);
  expect(await c.say('Confirm')).toEqual([expect.stringContaining('Type “help”')]);
  expect(await c.say('cancel')).toEqual([expect.stringContaining('Nothing to cancel')]);
  await c.say('submit');
  await c.say('Jane Dela Cruz');
  expect(await c.say('/cancel')).toEqual([expect.stringContaining('Cancelled')]);
  expect(await ee.env.deps.db.candidate.count({ where: { phone } })).toBe(0);
  expect(await ee.env.deps.db.candidate.count()).toBe(before.candidates);
  expect(await ee.env.deps.db.submission.count()).toBe(before.submissions);
});

describe('outcomes', () => {
  async function submitAs(userId: string, phone: string, email: string, campaign = campaignName) {
    const c = await asUser(userId);
    await c.say('submit');
    await c.say(`Jane Dela Cruz ${phone} ${email}`);
    await c.press(campaign);
    await c.press('Skip');
    return (await c.press('Confirm'))[0];
  }

  test('✅ New, ⚠️ Previously Submitted (same agency), ⛔ Duplicate (other agency)', async () => {
    const phone = uniquePhone();
    expect(await submitAs(f.userA, phone, `${unique('o')}@example.com`)).toMatch(/^✅ New Candidate\n/);
    expect(await submitAs(f.userA2, phone, `${unique('o')}@example.com`)).toMatch(
      /^⚠️ Previously Submitted\nYour agency already submitted this person recently \(C-\d+\)/,
    );
    expect(await submitAs(f.userB, phone, `${unique('o')}@example.com`)).toMatch(
      /^⛔ Duplicate\nAnother agency submitted this person recently; your submission is recorded and flagged\.\n/,
    );
  });

  test('each outcome says whose the person is and until when, from the owning submission', async () => {
    const phone = uniquePhone();
    const realNow = ee.env.clock.now();
    const agencyA = await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } });
    // The default rule: six calendar months from the first submission, 24 Nov 2026 → 24 May 2027.
    ee.env.clock.set(new Date('2026-11-24T09:30:00.000Z'));
    try {
      expect(await submitAs(f.userA, phone, `${unique('w')}@example.com`)).toContain(
        '\nYour agency holds this candidate until May 24, 2027.',
      );
      // A month later the window still runs from the first submission, for the same agency and another.
      ee.env.clock.set(new Date('2026-12-28T09:30:00.000Z'));
      const day = 'May 24, 2027';
      expect(await submitAs(f.userA2, phone, `${unique('w')}@example.com`)).toContain(
        `\nYour agency holds this candidate until ${day}.`,
      );
      const duplicate = await submitAs(f.userB, phone, `${unique('w')}@example.com`);
      expect(duplicate).toContain(
        `\nAnother agency holds this candidate until ${day}; you can submit them again after that day.`,
      );
      // Nothing else of the other agency: not its name, not who submitted, not when.
      expect(duplicate).not.toContain(agencyA.name);
      expect(duplicate).not.toMatch(/C-\d+|2026/);
    } finally {
      ee.env.clock.set(realNow);
    }
  });

  test('⛔ Blocked by duplicate rules creates nothing', async () => {
    const strict = await ee.env.services.createCampaign(f.ownerId, { name: unique('Strict') });
    await ee.env.services.setDuplicateRule(f.ownerId, strict.id, {
      windowMonths: 6,
      matchOn: 'EITHER',
      crossAgency: 'BLOCK',
      sameAgency: 'FLAG',
    });
    const phone = uniquePhone();
    await submitAs(f.userA, phone, `${unique('b')}@example.com`, strict.name);
    const submissions = await ee.env.deps.db.submission.count({ where: { phone } });
    expect(await submitAs(f.userB, phone, `${unique('b')}@example.com`, strict.name)).toMatch(
      /^⛔ Blocked by duplicate rules\nThis campaign does not accept a person another agency submitted recently, so nothing was created\.\nAnother agency holds this candidate until .+; you can submit them again after that day\.\n\[⚖️ Dispute\]$/,
    );
    expect(await ee.env.deps.db.submission.count({ where: { phone } })).toBe(submissions);
  });
});

test('people who do not submit are told so', async () => {
  const c = await asUser(f.recruiterId);
  expect(await c.say('submit')).toEqual(['“submit” is not available to you. Type “help” to see what you can do.']);
});
