import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { es } from '../../src/i18n/es';
import { fil } from '../../src/i18n/fil';
import { ptBR } from '../../src/i18n/pt-BR';
import { buildTextPdf } from '../unit/resume/build-files';
import { launchChromium } from './support/browser';
import { sessionCookie, startApp, type RunningApp } from './support/app';

/**
 * Must-show 4 (issue 3): the web chat in a real headless Chromium against the real app, plus the
 * web chat's HTTP edges without a browser.
 */
jest.setTimeout(180_000);

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const PHONE = '+63 917 555 0142';
const RESUME = buildTextPdf(['Janet Cruz', 'janet.cruz@example.com', PHONE, 'Customer support lead, 6 years']);

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const demoUser = (name: string) => {
  const user = app.endorse.demoUsers.find((u) => u.name === name);
  if (!user) throw new Error(`demo user ${name} missing`);
  return user;
};

async function signIn(name: string): Promise<string> {
  const res = await fetch(`${app.baseUrl}/chat/api/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: demoUser(name).id }),
  });
  expect(res.status).toBe(200);
  return sessionCookie(res);
}

describe('web chat over HTTP', () => {
  it('answers 401 without a session, saying how to sign in', async () => {
    for (const [method, route] of [
      ['POST', '/chat/api/events'],
      ['GET', '/chat/api/stream'],
      ['GET', '/chat/api/history'],
      ['POST', '/chat/api/files'],
    ] as const) {
      const res = await fetch(`${app.baseUrl}${route}`, {
        method,
        headers: { 'content-type': 'application/json', cookie: 'endorse_chat=forged.1.sig' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { message: string };
      expect(body.message).toMatch(/invitation link/);
    }
  });

  it('answers 400 with a clear message for a bad body', async () => {
    const cookie = await signIn('Uma User');
    const post = (body: string) =>
      fetch(`${app.baseUrl}/chat/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    const missingId = await post(JSON.stringify({ type: 'text', text: 'help' }));
    expect(missingId.status).toBe(400);
    expect(((await missingId.json()) as { message: string }).message).toMatch(/eventId/);
    const unknownType = await post(JSON.stringify({ type: 'telepathy', eventId: crypto.randomUUID() }));
    expect(unknownType.status).toBe(400);
    const notJson = await post('{"type":');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { message: string }).message).toMatch(/not valid JSON/);
  });

  it('stores an upload and refuses a file over 10 MB with a clear message', async () => {
    const cookie = await signIn('Uma User');
    const upload = (bytes: Uint8Array) =>
      fetch(`${app.baseUrl}/chat/api/files`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('Jane résumé.pdf'), cookie },
        body: new Uint8Array(bytes),
      });
    const ok = await upload(Buffer.from('%PDF-1.4 tiny'));
    expect(ok.status).toBe(201);
    const { file } = (await ok.json()) as { file: { ref: string; name: string; size: number } };
    expect(file).toMatchObject({ name: 'Jane résumé.pdf', size: 13 });
    expect(file.ref).toMatch(/^[0-9a-f-]{36}$/);

    const big = await upload(Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message: string }).message).toBe('That file is too large. Files can be up to 10 MB.');
  });

  it('redeems an invitation link into a web chat session bound to the invited user', async () => {
    const db = app.endorse.database.prisma;
    const agency = await db.agency.findFirstOrThrow({ where: { name: 'Bright Staffing' }, select: { id: true } });
    const invite = await app.endorse.services.createInvitation(demoUser('Olivia Owner').id, {
      email: 'new.recruit@bright.test',
      role: 'AGENCY_USER',
      agencyId: agency.id,
    });

    const landing = await fetch(`${app.baseUrl}/invite/${invite.token}`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Open the web chat');
    expect((await fetch(`${app.baseUrl}/invite/%3Cscript%3E`)).status).toBe(400);

    const opened = await fetch(`${app.baseUrl}/invite/${invite.token}/web`, { method: 'POST', redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/chat');
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    const cookie = sessionCookie(opened);

    const identity = await db.chatIdentity.findFirst({ where: { userId: invite.userId, platform: 'WEB' } });
    expect(identity).not.toBeNull();
    expect(cookie).toContain(identity?.platformUserId ?? 'missing');
    const session = (await (await fetch(`${app.baseUrl}/chat/api/session`, { headers: { cookie } })).json()) as {
      user: { role: string } | null;
    };
    expect(session.user?.role).toBe('AGENCY_USER');
    const history = (await (await fetch(`${app.baseUrl}/chat/api/history`, { headers: { cookie } })).json()) as {
      entries: unknown[];
    };
    expect(history.entries.length).toBeGreaterThan(0);
  });
});

describe('web chat turned off (WEB_CHAT_ENABLED=false)', () => {
  let off: RunningApp;
  beforeAll(async () => {
    off = await startApp({ WEB_CHAT_ENABLED: 'false' });
  });
  afterAll(async () => {
    await off?.stop();
  });

  it('serves no chat routes, and the invitation page offers no channel it cannot honour', async () => {
    expect((await fetch(`${off.baseUrl}/chat`)).status).toBe(404);
    expect((await fetch(`${off.baseUrl}/chat/api/session`)).status).toBe(404);
    const token = 'A'.repeat(43);
    const landing = await fetch(`${off.baseUrl}/invite/${token}`);
    expect(landing.status).toBe(200);
    const html = await landing.text();
    expect(html).not.toContain('Open the web chat');
    // No other channel is configured in this app either.
    expect(html).toContain('No chat channel is configured yet');
    expect((await fetch(`${off.baseUrl}/invite/${token}/web`, { method: 'POST' })).status).toBe(404);
  });
});

describe('web chat in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Closing the browser ends its event streams, so the server can close.
    await browser?.close();
  });

  const bots = (page: Page): Locator => page.locator('#log li.from-bot');
  const lastBot = (page: Page): Locator => bots(page).last();

  /** Waits (Playwright's own polling, no sleeps) until the last bot message shows `text`. */
  async function lastBotShows(page: Page, text: string | RegExp): Promise<Locator> {
    const last = lastBot(page);
    await last.filter({ hasText: text }).waitFor();
    return last;
  }

  /**
   * What is wider than its box: the page past the viewport, and any element of `selector` whose
   * content overflows it (bubbles, buttons, labels); visually hidden labels (1 px wide, for screen
   * readers) clip on purpose and scrolling boxes scroll.
   */
  async function overflowing(page: Page, selector: string): Promise<{ page: number; elements: string[] }> {
    return page.evaluate((sel) => {
      const wide = [...document.querySelectorAll(sel)].filter(
        (e) =>
          !e.classList.contains('visually-hidden') &&
          e.clientWidth > 1 &&
          e.scrollWidth > e.clientWidth + 1 &&
          !['auto', 'scroll'].includes(getComputedStyle(e).overflowX) &&
          e.getBoundingClientRect().width > 0,
      );
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        elements: wide.map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`),
      };
    }, selector);
  }

  /** Whether the composer's placeholder fits its box (a cut placeholder shows no overflow to scrollWidth). */
  async function placeholderFits(page: Page): Promise<boolean> {
    return page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#input');
      const context = document.createElement('canvas').getContext('2d');
      if (!input || !context) return false;
      const style = getComputedStyle(input);
      context.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width <= room;
    });
  }

  /** Types a message, sends it with Enter, and waits until the engine's answer is shown. */
  async function say(page: Page, text: string): Promise<Locator> {
    const before = await bots(page).count();
    const input = page.locator('#input');
    await input.fill(text);
    await input.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#log li.from-bot').length > n, before);
    await page.locator('#status:empty').waitFor({ state: 'attached' });
    return lastBot(page);
  }

  async function openAs(name: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/chat`);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.locator('#who', { hasText: name }).waitFor();
    return page;
  }

  it('signs an invitee in from the invitation page’s button and lands them in the chat, welcomed', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const db = app.endorse.database.prisma;
    const agency = await db.agency.findFirstOrThrow({ where: { name: 'Bright Staffing' }, select: { id: true } });
    const invite = await app.endorse.services.createInvitation(demoUser('Olivia Owner').id, {
      email: 'browser.invitee@bright.test',
      role: 'AGENCY_USER',
      agencyId: agency.id,
    });
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/invite/${invite.token}`);
    await page.getByRole('button', { name: 'Open the web chat' }).click();
    await page.waitForURL(`${app.baseUrl}/chat`);
    await lastBotShows(page, /Welcome to Endorse/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-chat-invitee.png') });
    const identity = await db.chatIdentity.findFirst({ where: { userId: invite.userId, platform: 'WEB' } });
    expect(identity).not.toBeNull();
    await context.close();
  });

  /**
   * Must-show 3 (issue 20): the whole page in the browser's language at a phone's width — the
   * invitation page, the welcome with its language choice, help, a dashboard and the submission
   * form — with nothing wider than its box: not the page, not a bubble, not a button.
   */
  it.each([
    ['es-MX', 'es', es],
    ['pt-BR', 'pt-BR', ptBR],
    ['fil-PH', 'fil', fil],
  ] as const)('a %s browser gets the chat in its language, nothing cut or overflowing at 375 px', async (locale, language, c) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const agency = await app.endorse.database.prisma.agency.findFirstOrThrow({ where: { name: 'Bright Staffing' } });
    const invite = await app.endorse.services.createInvitation(demoUser('Olivia Owner').id, {
      email: `browser.${language.toLowerCase()}@bright.test`,
      role: 'AGENCY_USER',
      agencyId: agency.id,
      name: 'Ana Reyes',
    });
    // Playwright's `locale` is what the browser sends as Accept-Language.
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/invite/${invite.token}`);
    expect(await page.locator('h1').textContent()).toBe(c['invitePage.welcomeName'].replace('{name}', 'Ana Reyes'));
    expect(await overflowing(page, 'main *')).toEqual({ page: 0, elements: [] });
    await page.screenshot({ path: path.join(ARTIFACTS, `invite-page-${language}.png`), fullPage: true });
    await page.getByRole('button', { name: c['invitePage.openWeb'] }).click();
    await page.waitForURL(`${app.baseUrl}/chat`);
    await lastBotShows(page, c['access.welcome'].replace('{name}', 'Ana Reyes'));
    // The page's own words: the composer, its button and the clip's tooltip.
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    expect(await page.locator('#input').getAttribute('placeholder')).toBe(c['web.input.placeholderSubmit']);
    expect(await page.locator('#composer button[type=submit]').textContent()).toBe(c['web.send']);
    expect(await page.locator('#attach').getAttribute('title')).toBe(c['web.attach.title']);
    expect(await placeholderFits(page)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, `web-chat-${language}-welcome.png`) });
    await say(page, 'help');
    await lastBotShows(page, c['help.title']);
    await say(page, 'candidates');
    await lastBotShows(page, c['dash.mine']);
    await say(page, 'submit');
    const form = lastBot(page).locator('form');
    await form.waitFor();
    expect(await form.locator('option').first().textContent()).toBe(c['web.choose']);
    expect(await overflowing(page, '#log *, .composer *, .bar *')).toEqual({ page: 0, elements: [] });
    // The viewport, as a phone shows it (the transcript scrolls inside the page).
    await page.screenshot({ path: path.join(ARTIFACTS, `web-chat-${language}.png`) });
    expect((await app.endorse.database.prisma.user.findUniqueOrThrow({ where: { id: invite.userId } })).language).toBe(language);
    // Step by step, the resume question names the files it takes in the reader's words too.
    const campaigns = await say(page, `Ana Reyes +63 917 555 0190 ana.reyes.${language.toLowerCase()}@example.com`);
    await campaigns.getByRole('button').first().click();
    const request = await lastBotShows(page, c['web.accept.image']);
    await request.locator('input[type=file]').waitFor();
    await context.close();
  });

  it('follows a language chosen with one tap: the page’s own words change with the answers', async () => {
    const agency = await app.endorse.database.prisma.agency.findFirstOrThrow({ where: { name: 'Bright Staffing' } });
    const invite = await app.endorse.services.createInvitation(demoUser('Olivia Owner').id, {
      email: 'browser.switch@bright.test',
      role: 'AGENCY_USER',
      agencyId: agency.id,
      name: 'Lina Switch',
    });
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/invite/${invite.token}`);
    await page.getByRole('button', { name: ptBR['invitePage.openWeb'] }).click();
    await page.waitForURL(`${app.baseUrl}/chat`);
    await lastBotShows(page, ptBR['access.welcome'].replace('{name}', 'Lina Switch'));
    await lastBot(page).getByRole('button', { name: 'Filipino' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fil');
    expect(await page.locator('#input').getAttribute('placeholder')).toBe(fil['web.input.placeholderSubmit']);
    // The conversation is still there after the page took its new words.
    await lastBotShows(page, fil['language.set'].replace('{language}', 'Filipino'));
    await context.close();
  });

  it('refuses a sign-in posted from another site (login CSRF), in a real browser', async () => {
    const invite = await app.endorse.services.createInvitation(demoUser('Olivia Owner').id, {
      email: 'csrf.target@bright.test',
      role: 'AGENCY_USER',
      agencyId: (await app.endorse.database.prisma.agency.findFirstOrThrow({ where: { name: 'Bright Staffing' } })).id,
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    // A page of another origin (127.0.0.1 vs localhost) auto-posts the victim's browser to our form.
    const other = app.baseUrl.replace('127.0.0.1', 'localhost');
    await page.goto(`${other}/chat/assets/chat.css`);
    // The other site submits a form to our invitation button, as a login-CSRF page would.
    await Promise.all([
      page.waitForURL(`${app.baseUrl}/invite/${invite.token}/web`),
      page.evaluate((url) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = url;
        document.body.append(form);
        form.submit();
      }, `${app.baseUrl}/invite/${invite.token}/web`),
    ]);
    expect(await page.textContent('body')).toContain('Open the invitation link itself and press the button there.');
    expect(await app.endorse.database.prisma.chatIdentity.count({ where: { userId: invite.userId } })).toBe(0);
    await context.close();
  });

  it('submits a new candidate as Uma User, then the same phone as Sam Second is a duplicate', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });

    // Uma (Bright Staffing) answers the wizard step by step: typed answers and buttons.
    const uma = await openAs('Uma User', { width: 900, height: 1300 });
    await (await say(uma, 'submit')).locator('form').waitFor();
    await say(uma, 'Jane');
    await say(uma, 'Dela Cruz');
    await say(uma, PHONE);
    const campaigns = await say(uma, 'jane.delacruz@example.com');
    await campaigns.getByRole('button', { name: 'Customer Support — Manila' }).click();
    const resume = lastBot(uma);
    await resume.locator('input[type=file]').waitFor();
    await resume.getByRole('button', { name: /skip/i }).click();
    const summary = await lastBotShows(uma, 'Dela Cruz');
    await summary.locator('article.card').waitFor();
    await summary.getByRole('button', { name: /confirm/i }).click();
    await lastBotShows(uma, 'New Candidate');
    await uma.screenshot({ path: path.join(ARTIFACTS, 'web-chat.png') });

    // Sam (Northstar Talent), on a phone-sized screen, fills the form with Uma's candidate's phone.
    const sam = await openAs('Sam Second', { width: 375, height: 812 });
    const form = (await say(sam, 'submit')).locator('form');
    await form.getByLabel(/First name/).fill('Janet');
    await form.getByLabel(/Last name/).fill('Cruz');
    await form.getByLabel(/Phone/).fill(PHONE);
    await form.getByLabel(/Email/).fill('janet.cruz@example.com');
    await form.getByLabel(/Campaign/).selectOption({ label: 'Customer Support — Manila' });
    await form.getByLabel(/Resume/).setInputFiles({ name: 'janet-cruz.pdf', mimeType: 'application/pdf', buffer: RESUME });
    await form.locator('button[type=submit]').click();
    // The resume is read by a job; its "I read…" message and the new summary arrive over the stream.
    await sam.locator('#log li.from-bot', { hasText: 'I read janet-cruz.pdf' }).waitFor();
    const samSummary = await lastBotShows(sam, 'janet-cruz.pdf');
    await samSummary.getByRole('button', { name: /confirm/i }).click();
    const outcome = await lastBotShows(sam, 'Duplicate');
    expect(await outcome.textContent()).not.toContain('New Candidate');
    await sam.screenshot({ path: path.join(ARTIFACTS, 'web-chat-mobile.png') });

    await uma.context().close();
    await sam.context().close();
  });
});
