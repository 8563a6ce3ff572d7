import { sessionCookie, startApp, type RunningApp } from './support/app';

/**
 * Issue 16 (break 8): 40 uploads of 10 MB from one web chat session. The session's quota takes
 * the first few, refuses the rest with 429, a sentence and Retry-After, and reads none of their
 * bytes into memory; another session still uploads.
 */
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

async function signIn(name: string): Promise<string> {
  const user = app.endorse.demoUsers.find((u) => u.name === name);
  if (!user) throw new Error(`demo user ${name} missing`);
  const res = await fetch(`${app.baseUrl}/chat/api/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  });
  expect(res.status).toBe(200);
  return sessionCookie(res);
}

const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 0x25);

const upload = (cookie: string, body: Buffer) =>
  fetch(`${app.baseUrl}/chat/api/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', 'x-file-name': 'flood.pdf', cookie },
    body: new Uint8Array(body),
  });

test('an upload flood from one session: the quota takes 3 × 10 MB, refuses the other 37 with 429, memory stays bounded', async () => {
  const cookie = await signIn('Uma User');
  const rssBefore = process.memoryUsage().rss;
  const statuses: number[] = [];
  let refusal: { message: string; retryAfter: string | null } | undefined;
  for (let i = 0; i < 40; i++) {
    const res = await upload(cookie, TEN_MB);
    statuses.push(res.status);
    const body = (await res.json()) as { message?: string };
    if (res.status === 429 && !refusal) refusal = { message: body.message ?? '', retryAfter: res.headers.get('retry-after') };
  }
  const rssAfter = process.memoryUsage().rss;
  const accepted = statuses.filter((s) => s === 201).length;
  const refused = statuses.filter((s) => s === 429).length;
  console.log(
    `upload flood, 40 × 10 MB from one session: accepted ${accepted}, refused ${refused} (429); ` +
      `RSS of the test process (app inside) ${Math.round(rssBefore / 1e6)} → ${Math.round(rssAfter / 1e6)} MB`,
  );
  expect(accepted).toBe(3);
  expect(refused).toBe(37);
  expect(refusal?.message).toMatch(/You have 3 files \(30 MB\) waiting to be read.*attach this one again/);
  expect(Number(refusal?.retryAfter)).toBeGreaterThan(0);

  // Another session is not held back by this one.
  expect((await upload(await signIn('Sam Second'), Buffer.from('%PDF-1.4 small'))).status).toBe(201);
}, 120_000);
