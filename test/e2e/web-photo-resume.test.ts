import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startApp, type RunningApp } from './support/app';
import { botShows, lastBotShows, openAs, say, shoot } from './support/web-page';

/**
 * Issue 15, must-show 4 (web chat): a phone photo of a paper resume, attached with the composer's
 * clip button in headless Chromium, starts a submission pre-filled from the picture; the bot says
 * the resume was read from a picture and asks to check the fields.
 */
jest.setTimeout(240_000);

const PHOTO = readFileSync(path.resolve(__dirname, '../../../shared/fixtures/resumes-wide/photo__john_doe-phone-photo.jpg'));

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Picks a file in the chooser the composer's attach button opens. */
async function attach(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Attach a resume' }).click(),
  ]);
  // The picker offers pictures: a phone's browser then offers its camera as well.
  expect(await page.locator('#attach-input').getAttribute('accept')).toContain('image/jpeg');
  await chooser.setFiles({ name, mimeType, buffer });
}

it('a photo attached from the composer starts a submission pre-filled from the picture, with a word to check the fields', async () => {
  const uma = await openAs(browser, app.baseUrl, 'Uma User');
  // OCR takes seconds per page, more on a busy machine: wait for it, within bounds.
  uma.setDefaultTimeout(120_000);
  await attach(uma, 'john-doe-photo.jpg', 'image/jpeg', PHOTO);
  await uma.locator('#log li.from-user', { hasText: 'john-doe-photo.jpg' }).waitFor();
  await botShows(uma, 'That is a picture (a scan or a photo), so I am reading it letter by letter');

  const found = await botShows(uma, 'I read john-doe-photo.jpg from a picture');
  const text = (await found.textContent()) ?? '';
  expect(text).toContain('so some details may be misread: please check each field below.');
  expect(text).toMatch(/Name: John Doe/i);
  expect(text).toContain('Email: john.doe@email.com');
  expect(text).toMatch(/Phone: \+63 123.?456.?7890/);
  await shoot(uma, 'agency-user', 'resume-photo-read');

  // The submission is open, pre-filled: only the campaign is left to pick before the summary.
  const campaigns = await lastBotShows(uma, 'Which campaign');
  await campaigns.getByRole('button', { name: 'Customer Support — Manila' }).click();
  const summary = (await (await lastBotShows(uma, 'Check the submission')).textContent()) ?? '';
  expect(summary).toMatch(/John/i);
  expect(summary).toContain('john.doe@email.com');
  expect(summary).toContain('john-doe-photo.jpg');
  await say(uma, 'cancel');
  await uma.context().close();
});
