import type { Browser, Locator, Page } from 'playwright-core';
import { buildTextPdf } from '../unit/resume/build-files';
import { launchChromium } from './support/browser';
import { startApp, type RunningApp } from './support/app';
import { botShows, lastBot, lastBotShows, openAs, say, settled, shoot } from './support/web-page';

/**
 * Issue 14, must-show 1: every role's journey in the web chat, in headless Chromium against the
 * real app, walked the way a person walks it: sign in with the page's own buttons, type into the
 * composer, press what the bot shows, attach files through the file chooser. No forged headers,
 * no calls to the API behind the page. Each role's main screens are saved under
 * test-artifacts/screenshots/ for a person to look at.
 */
jest.setTimeout(240_000);

const CAMPAIGN = 'Customer Support — Manila';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  // Closing the browser ends its event streams, so the server can close.
  await browser?.close();
  await app?.stop();
});

const demoUserId = (name: string): string => {
  const user = app.endorse.demoUsers.find((u) => u.name === name);
  if (!user) throw new Error(`demo user ${name} missing`);
  return user.id;
};

/**
 * Submits a candidate the step-by-step way: `submit`, one pasted line, the campaign's button,
 * Skip for the resume, Confirm. Returns the outcome message, once it shows `outcome`.
 */
async function submitStepByStep(page: Page, line: string, outcome: string | RegExp): Promise<Locator> {
  await (await say(page, 'submit')).locator('form').waitFor();
  const campaigns = await say(page, line);
  await campaigns.getByRole('button', { name: CAMPAIGN }).click();
  const resume = await lastBotShows(page, 'Send the resume');
  await resume.getByRole('button', { name: 'Skip' }).click();
  // Skip answered the question: its file picker is spent too.
  expect(await resume.locator('input[type=file]').isDisabled()).toBe(true);
  const summary = await lastBotShows(page, 'Check the submission');
  await summary.getByRole('button', { name: 'Confirm' }).click();
  return lastBotShows(page, outcome);
}

/** A new candidate submitted step by step; returns its reference (C-…) from the outcome. */
async function submitThroughChat(page: Page, line: string): Promise<string> {
  const outcome = await submitStepByStep(page, line, 'is now your candidate');
  const ref = /C-\d+/.exec((await outcome.textContent()) ?? '')?.[0];
  if (!ref) throw new Error('no candidate reference in the outcome');
  return ref;
}

/** Picks a file in the chooser the composer's attach button opens. */
async function attach(page: Page, name: string, buffer: Buffer): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Attach a resume' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/pdf', buffer });
}

describe('web chat journeys in headless Chromium', () => {
  it('journey 1: an invitee opens the invitation, presses "Open the web chat" and is welcomed in the chat', async () => {
    const agency = await app.endorse.database.prisma.agency.findFirstOrThrow({ where: { name: 'Bright Staffing' } });
    const invite = await app.endorse.services.createInvitation(demoUserId('Olivia Owner'), {
      email: 'journey.invitee@bright.test',
      role: 'AGENCY_USER',
      agencyId: agency.id,
    });
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/invite/${invite.token}`);
    await shoot(page, 'invitee', 'invitation-page');
    await page.getByRole('button', { name: 'Open the web chat' }).click();
    await page.waitForURL(`${app.baseUrl}/chat`);
    await lastBotShows(page, /Welcome to Endorse/);
    await say(page, 'help');
    await shoot(page, 'invitee', 'chat-welcome');
    await context.close();
  });

  it('journey 2: a recruiter opens a candidate of her campaign, and moves its stage from the card', async () => {
    const uma = await openAs(browser, app.baseUrl, 'Uma User');
    const ref = await submitThroughChat(uma, 'Rosa Villanueva +63 917 555 0302 rosa.villanueva@example.com');

    const rita = await openAs(browser, app.baseUrl, 'Rita Recruiter');
    // Recruiters do not submit: no resume button in their composer.
    expect(await rita.getByRole('button', { name: 'Attach a resume' }).isHidden()).toBe(true);
    // Her own view: the candidates of her campaigns, searched by name, opened from the row.
    const list = await say(rita, 'candidates Villanueva');
    await list.locator('section.list').waitFor();
    await shoot(rita, 'recruiter', 'candidates');
    await list.getByRole('button', { name: `Open ${ref} Rosa Villanueva` }).click();
    const card = await botShows(rita, 'Change stage');
    await card.filter({ hasText: 'Rosa Villanueva' }).waitFor();
    await card.getByRole('button', { name: 'Change stage' }).click();
    const stages = await lastBotShows(rita, `Move ${ref} to which stage?`);
    await stages.getByRole('button', { name: /interview/i }).click();
    await lastBotShows(rita, new RegExp(`${ref} moved from .* to INTERVIEW`, 'i'));
    await shoot(rita, 'recruiter', 'candidate-moved');
    // The agency user who submitted hears of it, live.
    await botShows(uma, new RegExp(`${ref} Rosa Villanueva .* moved from`));
    await uma.context().close();
    await rita.context().close();
  });

  it('journey 3: a relayed recruiter comment is answered with its Reply button, and the answer is a comment on that candidate', async () => {
    const uma = await openAs(browser, app.baseUrl, 'Uma User');
    const ref = await submitThroughChat(uma, 'Lea Ramos +63 917 555 0301 lea.ramos@example.com');

    const rita = await openAs(browser, app.baseUrl, 'Rita Recruiter');
    const card = await say(rita, `candidate ${ref}`);
    await card.getByRole('button', { name: 'Comment' }).click();
    await lastBotShows(rita, `Type your comment on ${ref}`);
    await say(rita, 'Can she start in January?');
    await lastBotShows(rita, `Comment added to ${ref}`);

    // Uma's open chat gets the comment, saying how to answer in this channel's words.
    const relayed = await botShows(uma, 'Can she start in January?');
    expect(await relayed.textContent()).toContain('Press Reply under this message to answer.');
    await relayed.getByRole('button', { name: 'Reply to this message' }).click();
    await uma.locator('#replying', { hasText: `Replying to: Rita Recruiter commented on ${ref}` }).waitFor();
    await shoot(uma, 'agency-user', 'replying');
    await say(uma, 'Yes, from January 5.');
    await lastBotShows(uma, `Your reply was added as a comment on ${ref}`);
    // Her own bubble quotes what it answers; the composer is back to plain messages.
    await uma.locator('#log li.from-user .quote', { hasText: 'Reply to: Rita Recruiter commented' }).waitFor();
    expect(await uma.locator('#replying').isHidden()).toBe(true);
    await shoot(uma, 'agency-user', 'reply-added');

    // The recruiter hears the answer, with a Reply button of her own, and the thread holds it.
    const back = await botShows(rita, 'Yes, from January 5.');
    await back.getByRole('button', { name: 'Reply to this message' }).waitFor();
    const thread = await say(rita, `candidate ${ref}`);
    expect(await thread.textContent()).toContain('Yes, from January 5.');
    await shoot(rita, 'recruiter', 'candidate-thread');
    await uma.context().close();
    await rita.context().close();
  });

  it('journey 4a: a resume attached from the composer starts a submission; what was read is shown and confirmed', async () => {
    const uma = await openAs(browser, app.baseUrl, 'Uma User');
    // Printed without a country code: Bright Staffing's country (PH) reads it.
    const resume = buildTextPdf(['Paolo Mendoza', 'paolo.mendoza@example.com', '0917 555 0199', 'Warehouse lead, 5 years']);
    await attach(uma, 'paolo-mendoza.pdf', resume);
    await uma.locator('#log li.from-user', { hasText: 'paolo-mendoza.pdf' }).waitFor();
    const found = await botShows(uma, 'I read paolo-mendoza.pdf');
    const foundText = (await found.textContent()) ?? '';
    expect(foundText).toContain('Name: Paolo Mendoza');
    expect(foundText).toContain('Email: paolo.mendoza@example.com');
    expect(foundText).toContain(
      '+63 917 555 0199 (printed without a country code; I read it with your agency’s country, Philippines',
    );
    const campaigns = await lastBotShows(uma, 'Which campaign');
    await shoot(uma, 'agency-user', 'resume-read');
    await campaigns.getByRole('button', { name: CAMPAIGN }).click();
    const summary = await lastBotShows(uma, 'Check the submission');
    const summaryText = (await summary.textContent()) ?? '';
    expect(summaryText).toContain('Paolo');
    expect(summaryText).toContain('+639175550199');
    expect(summaryText).toContain('paolo-mendoza.pdf');
    await summary.getByRole('button', { name: 'Confirm' }).click();
    const outcome = await lastBotShows(uma, 'New Candidate');
    // The outcome marker is an icon, not an emoji a desktop may have no font for.
    await outcome.locator('svg.icon-ok').waitFor();
    expect(await outcome.textContent()).not.toContain('✅');
    // The summary was answered: its buttons are spent.
    expect(await summary.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);
    await shoot(uma, 'agency-user', 'outcome');
    await uma.context().close();
  });

  it('journey 4b: the form takes a resume alone; a typed name the resume disagrees with is pointed out before confirming', async () => {
    const sam = await openAs(browser, app.baseUrl, 'Sam Second', { width: 375, height: 812 });
    const form = (await say(sam, 'submit')).locator('form');
    await form.getByLabel(/First name/).fill('Janet');
    await form.getByLabel(/Last name/).fill('Reyes');
    const resume = buildTextPdf(['Ana Reyes', 'ana.reyes@example.com', '(909) 555-5555', 'Registered nurse, 4 years']);
    await form.getByLabel(/Resume/).setInputFiles({ name: 'ana-reyes.pdf', mimeType: 'application/pdf', buffer: resume });
    await form.locator('button[type=submit]').click();
    await botShows(sam, 'Reading the resume');
    const found = await botShows(sam, 'I read ana-reyes.pdf');
    const foundText = (await found.textContent()) ?? '';
    // Northstar Talent is a US agency.
    expect(foundText).toContain(
      '+1 909 555 5555 (printed without a country code; I read it with your agency’s country, United States',
    );
    expect(foundText).toContain('The resume says name “Ana Reyes”, but you typed “Janet Reyes”: I kept what you typed.');
    await shoot(sam, 'agency-user', 'resume-conflict-mobile');
    const campaigns = await lastBotShows(sam, 'Which campaign');
    await campaigns.getByRole('button', { name: CAMPAIGN }).click();
    const summary = await lastBotShows(sam, 'Check the submission');
    expect(await summary.textContent()).toContain('Janet');
    await summary.getByRole('button', { name: 'Confirm' }).click();
    await lastBotShows(sam, 'New Candidate');
    await sam.context().close();
  });

  it('journey 5: submit with the details on one line opens the form filled in, and only the campaign is left to pick', async () => {
    const uma = await openAs(browser, app.baseUrl, 'Uma User');
    const form = (await say(uma, 'submit Jane Dela Cruz +63 917 123 4567 jane@example.com')).locator('form');
    await form.waitFor();
    // What the line held is in the form's fields; only the campaign is left to pick.
    expect(await form.locator('input[name=firstName]').inputValue()).toBe('Jane');
    expect(await form.locator('input[name=phone]').inputValue()).toMatch(/917.?123.?4567/);
    expect(await form.locator('input[name=email]').inputValue()).toBe('jane@example.com');
    await shoot(uma, 'agency-user', 'submit-prefilled');
    await form.locator('select[name=campaign]').selectOption({ label: CAMPAIGN });
    await form.getByRole('button', { name: 'Review' }).click();
    const summary = await lastBotShows(uma, 'Check the submission');
    const text = (await summary.textContent()) ?? '';
    for (const part of ['Jane', 'Dela Cruz', '+639171234567', 'jane@example.com', CAMPAIGN]) expect(text).toContain(part);
    await shoot(uma, 'agency-user', 'summary');
    await summary.getByRole('button', { name: 'Confirm' }).click();
    await lastBotShows(uma, 'New Candidate');
    await uma.context().close();
  });

  it('journey 6: an agency disputes an Already in System outcome from its list row; the owner transfers it from the notice, and the agency is told', async () => {
    // The owner's chat is open: the dispute reaches it live.
    const olivia = await openAs(browser, app.baseUrl, 'Olivia Owner');
    // The employer's ATS registered the person first (POST /api/v1/candidates does the same).
    await app.endorse.services.registerExternalCandidate(demoUserId('Olivia Owner'), {
      externalId: 'ATS-JOURNEY-6',
      source: 'DIRECT',
      firstName: 'Nina',
      lastName: 'Directa',
      phone: '+63 917 555 0306',
      email: 'nina.directa@example.com',
    });
    const uma = await openAs(browser, app.baseUrl, 'Uma User', { width: 390, height: 844 });
    const outcome = await submitStepByStep(uma, 'Nina Directa +63 917 555 0306 nina.directa@example.com', 'Already in System');
    // The marker is an icon, not an emoji a phone or desktop may have no font for.
    await outcome.locator('svg.icon-record').waitFor();
    expect(await outcome.textContent()).not.toContain('🗂');
    await outcome.getByRole('button', { name: 'Dispute' }).waitFor();
    await shoot(uma, 'agency-user', 'already-in-system-mobile');

    // Its list row offers the same, under its own name.
    const rows = await say(uma, 'candidates outcome:insystem');
    await rows.getByRole('button', { name: 'Dispute' }).click();
    await lastBotShows(uma, /Why should S-[0-9a-f]{8} be your agency’s candidate\?/);
    const confirm = await say(uma, 'Nina applied only after our recruiter introduced her.');
    expect(await confirm.textContent()).toContain('The employer already had this person from another source.');
    await confirm.getByRole('button', { name: 'Send dispute' }).click();
    const sent = await lastBotShows(uma, /Dispute D-\d+ is sent/);
    const dispute = /D-\d+/.exec((await sent.textContent()) ?? '')?.[0] ?? '';
    await shoot(uma, 'agency-user', 'dispute-sent-mobile');

    const notice = await botShows(olivia, `Dispute ${dispute}: Bright Staffing (Uma User)`);
    expect(await notice.textContent()).toContain('held by the employer’s own record');
    await shoot(olivia, 'owner', 'dispute-notice');
    await notice.getByRole('button', { name: 'Transfer' }).click();
    await lastBotShows(olivia, `Transfer ${dispute}`);
    await say(olivia, 'The ATS record came from your referral.');
    await lastBotShows(olivia, new RegExp(`${dispute} transferred: C-\\d+ Nina Directa is now Bright Staffing’s`));
    await shoot(olivia, 'owner', 'dispute-transferred');
    // The decided dispute's card, from the list: its values line up however long a label is.
    const decided = await say(olivia, 'disputes status:transferred');
    await decided.getByRole('button', { name: `Open ${dispute}` }).click();
    const card = await lastBotShows(olivia, 'Disputing agency');
    expect(await card.textContent()).toContain('direct applicant, ATS id ATS-JOURNEY-6');
    const starts = await card.locator('dd').evaluateAll((dds) => dds.map((dd) => Math.round(dd.getBoundingClientRect().left)));
    expect(new Set(starts).size).toBe(1);

    const told = await botShows(uma, `Your dispute ${dispute}`);
    expect(await told.textContent()).toMatch(/is decided for you: C-\d+ is now your agency’s candidate/);
    expect(await told.textContent()).toContain('Reason: The ATS record came from your referral.');
    // A phone's narrow bubble keeps each reference on one line, never broken at its hyphen.
    for (const ref of await told.locator('.ref').all()) expect(await ref.evaluate((e) => e.getClientRects().length)).toBe(1);
    expect(await told.locator('.ref').allTextContents()).toEqual([
      dispute,
      expect.stringMatching(/^S-[0-9a-f]{8}$/),
      expect.stringMatching(/^C-\d+$/),
    ]);
    await shoot(uma, 'agency-user', 'dispute-decided-mobile');
    await uma.context().close();
    await olivia.context().close();
  });

  it('the owner’s and the agency admin’s main screens: users and the agency pool', async () => {
    const olivia = await openAs(browser, app.baseUrl, 'Olivia Owner');
    await (await say(olivia, 'help')).waitFor();
    await shoot(olivia, 'owner', 'help');
    const users = await say(olivia, 'users');
    await users.locator('section.list').waitFor();
    await shoot(olivia, 'owner', 'users');
    await olivia.context().close();

    const ada = await openAs(browser, app.baseUrl, 'Ada Admin');
    const pool = await say(ada, 'pool');
    await pool.locator('section.list').waitFor();
    await shoot(ada, 'agency-admin', 'pool');
    await ada.context().close();
  });

  it('a chat whose session ended says so and offers the way back in, instead of refusing every message', async () => {
    const uma = await openAs(browser, app.baseUrl, 'Uma User');
    await say(uma, 'help');
    // What a restart with a new session key does to the browser's cookie: it no longer signs in.
    await uma.context().clearCookies();
    const input = uma.getByLabel('Message', { exact: true });
    await input.fill('candidates');
    await input.press('Enter');
    const reason = uma.locator('#signin-reason');
    await reason.filter({ hasText: 'Your web chat session has ended' }).waitFor();
    expect(await uma.locator('#chat').isHidden()).toBe(true);
    await shoot(uma, 'agency-user', 'session-ended');
    await uma.getByRole('button', { name: /Uma User/ }).click();
    await uma.locator('#who', { hasText: 'Uma User' }).waitFor();
    await settled(uma);
    await say(uma, 'help');
    expect(await lastBot(uma).textContent()).toContain('Here is what you can do');
    await uma.context().close();
  });
});
