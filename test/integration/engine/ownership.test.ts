import { randomInt } from 'node:crypto';
import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(30_000);

/**
 * Issue 19, "ownership is told" and "near-duplicates flagged, not decided": every profile says whose
 * the person is and until when; the rule decides whether other agencies are told the end; Gmail
 * variants are one person; a possible duplicate is flagged to recruiters and never to the agency.
 */
let ee: EngineEnv;
let f: Fixture;
let campaign: string;
let agencyA: string;

/** A last name of letters only, unique to the test (the wizard takes no digits in names). */
const surname = () => `Ow${Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  // A campaign of this suite's own, so the rule set here touches no other suite's submissions.
  const own = await ee.env.services.createCampaign(f.ownerId, { name: unique('Ownership campaign') });
  f.campaignId = own.id;
  campaign = own.name;
  agencyA = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } })).name;
});
afterAll(() => ee.close());

const as = async (userId: string) => chat(ee, await linkIdentity(ee.env, userId));

/** Runs `body` with the clock at `iso`, then gives the clock back. */
async function at<T>(iso: string, body: () => Promise<T>): Promise<T> {
  const real = ee.env.clock.now();
  ee.env.clock.set(new Date(iso));
  try {
    return await body();
  } finally {
    ee.env.clock.set(real);
  }
}

/** The wizard in chat, the details pasted on one line; returns the outcome message. */
async function submitInChat(userId: string, details: { first?: string; last: string; phone: string; email: string }) {
  const c = await as(userId);
  await c.say('submit');
  await c.say(`${details.first ?? 'Jane'} ${details.last} ${details.phone} ${details.email}`);
  await c.press(campaign);
  await c.press('Skip');
  return (await c.press('Confirm'))[0] ?? '';
}

async function submitAsService(userId: string, d: { first?: string; last: string; phone: string; email: string }) {
  return ee.env.services.submitCandidate(userId, {
    firstName: d.first ?? 'Jane',
    lastName: d.last,
    phone: d.phone,
    email: d.email,
    campaignId: f.campaignId,
    channel: 'WEB',
  });
}

async function setOwnership(word: 'shown' | 'hidden') {
  return (await as(f.ownerId)).say(`rule campaign:"${campaign}" ownership:${word}`);
}

describe('profiles say whose the person is and until when', () => {
  test('the submitting agency’s user and admin read their own hold on the profile', async () => {
    const last = surname();
    const added = await at('2026-11-20T10:00:00.000Z', () =>
      submitAsService(f.userA, { last, phone: uniquePhone(), email: `${unique('p')}@example.com` }),
    );
    if (added.outcome !== 'ADDED') throw new Error(added.outcome);
    await at('2026-12-01T10:00:00.000Z', async () => {
      for (const who of [f.userA, f.adminA]) {
        const [card] = await (await as(who)).say(`candidate C-${added.candidateRef}`);
        expect(card).toContain('\nOwnership: Your agency holds this candidate until May 20, 2027.\n');
        expect(card).not.toContain('Possible duplicate');
      }
    });
  });

  test('after the window the profile says the hold has ended', async () => {
    const added = await at('2026-01-10T10:00:00.000Z', () =>
      submitAsService(f.userA, { last: surname(), phone: uniquePhone(), email: `${unique('p')}@example.com` }),
    );
    if (added.outcome !== 'ADDED') throw new Error(added.outcome);
    await at('2026-11-20T10:00:00.000Z', async () => {
      const [card] = await (await as(f.userA)).say(`candidate C-${added.candidateRef}`);
      expect(card).toContain('\nOwnership: Your agency held this candidate until Jul 10, 2026; that hold has ended.\n');
    });
  });

  test('owners and recruiters read the holding agency and the end of its hold', async () => {
    const added = await at('2026-11-20T10:00:00.000Z', () =>
      submitAsService(f.userA, { last: surname(), phone: uniquePhone(), email: `${unique('p')}@example.com` }),
    );
    if (added.outcome !== 'ADDED') throw new Error(added.outcome);
    await at('2026-12-01T10:00:00.000Z', async () => {
      for (const who of [f.ownerId, f.recruiterId]) {
        const [card] = await (await as(who)).say(`candidate C-${added.candidateRef}`);
        expect(card).toContain(`\nOwnership: ${agencyA} holds this candidate until May 20, 2027.\n`);
      }
    });
  });

  test('an agency’s list shows, on its duplicate, when the person may be submitted again', async () => {
    const phone = uniquePhone();
    const last = surname();
    await at('2026-11-20T10:00:00.000Z', () => submitAsService(f.userA, { last, phone, email: `${unique('p')}@example.com` }));
    await at('2026-12-03T10:00:00.000Z', async () => {
      expect(await submitInChat(f.userB, { last, phone, email: `${unique('p')}@example.com` })).toMatch(
        /^⛔ Duplicate\n.*\nAnother agency holds this candidate until May 20, 2027; you can submit them again after that day\.(\n\[.*\])?$/,
      );
      const [mine] = await (await as(f.userB)).say(`candidates ${last}`);
      expect(mine).toContain(
        `Jane ${last} (⛔ Duplicate · another agency holds them until May 20, 2027 · ${campaign} · Dec 3, 2026 ·`,
      );
    });
    await at('2027-06-01T10:00:00.000Z', async () => {
      const [later] = await (await as(f.adminB)).say(`pool ${last}`);
      expect(later).toContain('another agency’s hold ended May 20, 2027: you can submit them again');
    });
  });
});

describe('the rule says whether other agencies are told the end of a hold', () => {
  afterEach(() => setOwnership('shown'));

  test('an owner hides it in chat; the rule reads so', async () => {
    expect(await setOwnership('hidden')).toEqual([
      `Saved. ${campaign} now follows its own rule: 6 months · match on phone or email · another agency’s match: record and flag · own agency’s match: record and flag · someone the employer already has: record and flag · end of a hold: not told to other agencies.`,
    ]);
    const [rules] = await (await as(f.ownerId)).say('rules');
    expect(rules).toContain(`- ${campaign} (6 months · match on phone or email · `);
    expect(rules).toContain('end of a hold: not told to other agencies)');
    // What is not named keeps its value: a later change of the window leaves it hidden.
    const [saved] = await (await as(f.ownerId)).say(`rule campaign:"${campaign}" window:6`);
    expect(saved).toContain('end of a hold: not told to other agencies.');
  });

  test('hidden: the other agency hears only that someone holds the person; the holder keeps its date', async () => {
    await setOwnership('hidden');
    const phone = uniquePhone();
    const last = surname();
    await at('2026-11-20T10:00:00.000Z', async () => {
      expect(await submitInChat(f.userA, { last, phone, email: `${unique('h')}@example.com` })).toMatch(
        /\nYour agency holds this candidate until May 20, 2027\.$/,
      );
    });
    await at('2026-12-03T10:00:00.000Z', async () => {
      const duplicate = await submitInChat(f.userB, { last, phone, email: `${unique('h')}@example.com` });
      expect(duplicate).toMatch(/^⛔ Duplicate\n.*\nAnother agency holds this candidate\.(\n\[.*\])?$/);
      expect(duplicate).not.toMatch(/2027|May/);
      const [mine] = await (await as(f.userB)).say(`candidates ${last}`);
      expect(mine).toContain('(⛔ Duplicate · another agency held them when you submitted ·');
      expect(mine).not.toMatch(/2027|May/);
      // The holder is told its own date still.
      expect(await submitInChat(f.userA2, { last, phone, email: `${unique('h')}@example.com` })).toMatch(
        /^⚠️ Previously Submitted\n.*\nYour agency holds this candidate until May 20, 2027\.$/,
      );
    });
  });

  test('hidden: a blocked submission says no date either', async () => {
    await (await as(f.ownerId)).say(`rule campaign:"${campaign}" ownership:hidden cross:block`);
    try {
      const phone = uniquePhone();
      const last = surname();
      await submitAsService(f.userA, { last, phone, email: `${unique('b')}@example.com` });
      expect(await submitInChat(f.userB, { last, phone, email: `${unique('b')}@example.com` })).toMatch(
        /^⛔ Blocked by duplicate rules\nThis campaign does not accept a person another agency submitted recently, so nothing was created\.\nAnother agency holds this candidate\.(\n\[.*\])?$/,
      );
    } finally {
      await (await as(f.ownerId)).say(`rule campaign:"${campaign}" cross:flag`);
    }
  });

  test('hidden: owners and recruiters still read the date, and that agencies are not told it', async () => {
    await setOwnership('hidden');
    const added = await at('2026-11-20T10:00:00.000Z', () =>
      submitAsService(f.userA, { last: surname(), phone: uniquePhone(), email: `${unique('p')}@example.com` }),
    );
    if (added.outcome !== 'ADDED') throw new Error(added.outcome);
    await at('2026-12-01T10:00:00.000Z', async () => {
      const [card] = await (await as(f.recruiterId)).say(`candidate C-${added.candidateRef}`);
      expect(card).toContain(
        `\nOwnership: ${agencyA} holds this candidate until May 20, 2027. (Other agencies are not told this date.)\n`,
      );
    });
  });

  test('a wrong word says what is accepted', async () => {
    expect(await (await as(f.ownerId)).say(`rule campaign:"${campaign}" ownership:maybe`)).toEqual([
      '“maybe” is not a choice for ownership. Use ownership:shown (other agencies are told when a hold ends) or ownership:hidden.',
    ]);
  });

  test('the help names the option', async () => {
    const [help] = await (await as(f.ownerId)).say('help');
    expect(help).toContain('[same:flag|block] [direct:flag|block] [ownership:shown|hidden] — set a duplicate rule');
  });
});

describe('Gmail addresses are matched as Gmail reads them', () => {
  test('dots, a +tag and googlemail.com make no new person', async () => {
    const local = unique('jane').replace(/-/g, '');
    const last = surname();
    const [first, second] = [`${local.slice(0, 3)}.${local.slice(3)}@gmail.com`, `${local}+agency@googlemail.com`];
    expect(await submitInChat(f.userA, { last, phone: uniquePhone(), email: first })).toMatch(/^✅ New Candidate\n/);
    expect(await submitInChat(f.userB, { last, phone: uniquePhone(), email: second })).toMatch(/^⛔ Duplicate\n/);
    // The submission keeps the address as it was typed.
    const stored = await ee.env.deps.db.submission.findFirstOrThrow({ where: { lastName: last, agencyId: f.agencyB } });
    expect(stored.email).toBe(second);
  });

  test('other providers keep dots: another address is another person', async () => {
    const local = unique('jane').replace(/-/g, '');
    const last = surname();
    expect(await submitInChat(f.userA, { last, phone: uniquePhone(), email: `${local}@example.com` })).toMatch(/^✅ /);
    expect(
      await submitInChat(f.userB, { last, phone: uniquePhone(), email: `${local.slice(0, 3)}.${local.slice(3)}@example.com` }),
    ).toMatch(/^✅ /);
  });
});

describe('possible duplicates are flagged to recruiters, never to the agency', () => {
  /** Agency A's candidate, then agency B's near-duplicate of it; their refs. */
  async function nearPair(variant: 'phone' | 'email') {
    const last = surname();
    const phone = uniquePhone();
    const local = unique('maria').replace(/-/g, '');
    // Gmail reads the first address as `${local}@gmail.com`: its name is `local`.
    const first = await submitAsService(f.userA, {
      first: 'Maria',
      last,
      phone,
      email: `${local.slice(0, 4)}.${local.slice(4)}@gmail.com`,
    });
    if (first.outcome !== 'ADDED') throw new Error(first.outcome);
    // The same seven last digits under another country code, or the same mailbox name elsewhere.
    const details =
      variant === 'phone'
        ? { first: 'Maria', last, phone: `+1212${phone.slice(-7)}`, email: `${unique('m')}@example.com` }
        : { first: 'Maria', last, phone: uniquePhone(), email: `${local}@yahoo.com` };
    const outcome = await submitInChat(f.userB, details);
    const second = await ee.env.deps.db.candidate.findFirstOrThrow({
      where: { lastName: last, agencyId: f.agencyB },
      select: { ref: true },
    });
    return { last, outcome, earlier: first.candidateRef, later: second.ref };
  }

  test('same name and phone ending: the agency gets a plain ✅ New Candidate', async () => {
    const pair = await nearPair('phone');
    expect(pair.outcome).toMatch(/^✅ New Candidate\nNo one submitted this person recently: C-\d+ is now your candidate\.\n/);
    expect(pair.outcome).not.toMatch(/duplicate/i);
    const [card] = await (await as(f.userB)).say(`candidate C-${pair.later}`);
    expect(card).not.toMatch(/duplicate/i);
    expect(card).not.toContain(`C-${pair.earlier}`);
    const [mine] = await (await as(f.adminB)).say(`pool ${pair.last}`);
    expect(mine).toContain(`C-${pair.later} Maria ${pair.last} (✅ New Candidate · New ·`);
    expect(mine).not.toMatch(/possible duplicate|⚑/i);
  });

  test('a recruiter sees the flag on both profiles and in their list', async () => {
    const pair = await nearPair('phone');
    const r = await as(f.recruiterId);
    const flag = (refs: string) =>
      `\nPossible duplicate: ${refs}: same name, and the same phone ending or email name. Check before deciding; the agency is not told.\n`;
    expect((await r.say(`candidate C-${pair.later}`))[0]).toContain(flag(`C-${pair.earlier}`));
    expect((await r.say(`candidate C-${pair.earlier}`))[0]).toContain(flag(`C-${pair.later}`));
    await ee.env.deps.db.campaignRecruiter.upsert({
      where: { campaignId_userId: { campaignId: f.campaignId, userId: f.recruiterId } },
      create: { campaignId: f.campaignId, userId: f.recruiterId },
      update: {},
    });
    const [list] = await r.say(`candidates ${pair.last}`);
    expect(list).toContain(`C-${pair.later} Maria ${pair.last} (✅ New Candidate · ⚑ possible duplicate of C-${pair.earlier} ·`);
  });

  test('same name and email name (Gmail’s dots ignored) is flagged too; the outcome stays', async () => {
    const pair = await nearPair('email');
    expect(pair.outcome).toMatch(/^✅ New Candidate\n/);
    const [card] = await (await as(f.ownerId)).say(`candidate C-${pair.later}`);
    expect(card).toContain(`\nPossible duplicate: C-${pair.earlier}: same name`);
  });

  test('another name with the same phone ending is not flagged', async () => {
    const phone = uniquePhone();
    await submitAsService(f.userA, { first: 'Maria', last: surname(), phone, email: `${unique('x')}@example.com` });
    const last = surname();
    await submitInChat(f.userB, { first: 'Maria', last, phone: `+1212${phone.slice(-7)}`, email: `${unique('y')}@example.com` });
    const later = await ee.env.deps.db.candidate.findFirstOrThrow({ where: { lastName: last } });
    expect(later.possibleDuplicateOfId).toBeNull();
  });
});
