import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startApp, type RunningApp } from './support/app';

/**
 * Issue 14, journey 6 in a real browser: the web composer never cuts what was typed. It states the
 * limit with a counter, refuses past it and keeps the text; a long comment reaches the server whole.
 */
jest.setTimeout(180_000);

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

async function openAs(name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
  await page.goto(`${app.baseUrl}/chat`);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('#who', { hasText: name }).waitFor();
  return page;
}

const prose = (n: number) =>
  'She answered every question well. '
    .repeat(Math.ceil(n / 34))
    .slice(0, n)
    .trim();

it('a 5,040-character comment reaches the engine whole and is refused with its length', async () => {
  const page = await openAs('Uma User');
  const input = page.getByLabel('Message', { exact: true });
  const text = `comment C-1 ${prose(5040)}`;
  await input.fill(text);
  expect(await input.inputValue()).toBe(text);
  await page.locator('#count', { hasText: `${text.length.toLocaleString('en-US')} / 8,000` }).waitFor();
  await input.press('Enter');
  await page
    .locator('#log li.from-bot', {
      hasText: 'Comments can be at most 4,000 characters; yours has 5,040. Shorten it and send again.',
    })
    .waitFor();
});

it('past the message limit the composer refuses to send and keeps the text', async () => {
  const page = await openAs('Uma User');
  const input = page.getByLabel('Message', { exact: true });
  const text = prose(9000);
  await input.fill(text);
  await page.locator('#count.over', { hasText: '9,000 / 8,000 — too long to send' }).waitFor();
  const before = await page.locator('#log li').count();
  await input.press('Enter');
  await page.locator('#status', { hasText: 'Messages can be at most 8,000 characters; yours has 9,000.' }).waitFor();
  expect(await input.inputValue()).toBe(text);
  expect(await page.locator('#log li').count()).toBe(before);
});
