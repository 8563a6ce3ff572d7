import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';

/**
 * Driving the web chat the way a person does: click what the page shows, type into the composer,
 * wait (with Playwright's own bounded polling, no sleeps) for what the bot shows next.
 */

/** Screens of each role land here (gitignored) for a person to look at. */
export const SCREENSHOTS = path.join(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

export const bots = (page: Page): Locator => page.locator('#log li.from-bot');
export const lastBot = (page: Page): Locator => bots(page).last();

/**
 * `.last()` moves on as messages arrive; this pins the message itself (by its entry id), so a
 * later look at it sees the same message.
 */
async function pinned(page: Page, locator: Locator): Promise<Locator> {
  const ref = await locator.getAttribute('data-ref');
  if (!ref) throw new Error('a bot message without an entry id');
  return page.locator(`#log li[data-ref="${ref}"]`);
}

/** The newest bot message showing `text` (waits until one does). */
export async function botShows(page: Page, text: string | RegExp): Promise<Locator> {
  const hit = bots(page).filter({ hasText: text }).last();
  await hit.waitFor();
  return pinned(page, hit);
}

/** Waits until the last bot message shows `text`. */
export async function lastBotShows(page: Page, text: string | RegExp): Promise<Locator> {
  const last = lastBot(page);
  await last.filter({ hasText: text }).waitFor();
  return pinned(page, last);
}

/** Waits until the page has finished sending (the status line is empty again). */
export async function settled(page: Page): Promise<void> {
  await page.locator('#status:empty').waitFor({ state: 'attached' });
}

/** Types a message into the composer, sends it with Enter, and waits for the bot's answer. */
export async function say(page: Page, text: string): Promise<Locator> {
  const before = await bots(page).count();
  const input = page.getByLabel('Message', { exact: true });
  await input.fill(text);
  await input.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#log li.from-bot').length > n, before);
  await settled(page);
  return pinned(page, lastBot(page));
}

/** Opens /chat in a fresh browser context and presses the demo user's "Sign in as" button. */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  name: string,
  viewport = { width: 900, height: 1000 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/chat`);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('#who', { hasText: name }).waitFor();
  return page;
}

/** Saves `test-artifacts/screenshots/<role>-<screen>.png`. */
export async function shoot(page: Page, role: string, screen: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${role}-${screen}.png`), fullPage: false });
}
