import { randomUUID } from 'node:crypto';
import { sessionCookie, startApp, type RunningApp } from './support/app';

/**
 * Issue 17, must-show 2: a web chat session ended on the server (logout, the user disabled, the
 * agency disabled, the invitation re-issued) is refused on every endpoint, and its open stream
 * is closed.
 */
jest.setTimeout(120_000);

let app: RunningApp;
let ownerId: string;

beforeAll(async () => {
  app = await startApp();
  const owner = app.endorse.demoUsers.find((u) => u.role === 'OWNER');
  if (!owner) throw new Error('demo owner missing');
  ownerId = owner.id;
});
afterAll(async () => {
  await app?.stop();
});

/** A fresh agency user of a fresh agency, signed in to the web chat through their invitation link. */
async function invitedUser(): Promise<{ cookie: string; userId: string; agencyId: string }> {
  const services = app.endorse.services;
  const agency = await services.createAgency(ownerId, { name: `Revocable ${randomUUID().slice(0, 8)}` });
  const invite = await services.createInvitation(ownerId, {
    email: `session.${randomUUID().slice(0, 8)}@revocable.test`,
    role: 'AGENCY_USER',
    agencyId: agency.id,
  });
  const opened = await fetch(`${app.baseUrl}/invite/${invite.token}/web`, { method: 'POST', redirect: 'manual' });
  expect(opened.status).toBe(303);
  return { cookie: sessionCookie(opened), userId: invite.userId, agencyId: agency.id };
}

/** Opens the event stream and resolves `closed` when the server ends it. */
async function openStream(cookie: string): Promise<{ closed: Promise<void> }> {
  const res = await fetch(`${app.baseUrl}/chat/api/stream`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no stream body');
  await reader.read(); // the `retry:` line: the stream is open
  const closed = (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
  })();
  return { closed };
}

/** Bounded: the stream must end well before its own 15 s lifetime would end it anyway. */
const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms).unref())]);

async function expectRefusedEverywhere(cookie: string): Promise<void> {
  const session = (await (await fetch(`${app.baseUrl}/chat/api/session`, { headers: { cookie } })).json()) as {
    signedIn: boolean;
    user: unknown;
  };
  expect(session).toMatchObject({ signedIn: false, user: null });
  expect((await fetch(`${app.baseUrl}/chat/api/history`, { headers: { cookie } })).status).toBe(401);
  expect((await fetch(`${app.baseUrl}/chat/api/stream`, { headers: { cookie } })).status).toBe(401);
  const upload = await fetch(`${app.baseUrl}/chat/api/files`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/pdf', 'x-file-name': 'cv.pdf' },
    body: '%PDF-1.4',
  });
  expect(upload.status).toBe(401);
  const event = await fetch(`${app.baseUrl}/chat/api/events`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'text', eventId: randomUUID(), text: 'help' }),
  });
  expect(event.status).toBe(401);
}

it('a signed-in session works on every endpoint before it is ended', async () => {
  const { cookie } = await invitedUser();
  const session = (await (await fetch(`${app.baseUrl}/chat/api/session`, { headers: { cookie } })).json()) as { signedIn: boolean };
  expect(session.signedIn).toBe(true);
  expect((await fetch(`${app.baseUrl}/chat/api/history`, { headers: { cookie } })).status).toBe(200);
});

it('logout ends the session: its stream closes at once and a replayed cookie is refused everywhere', async () => {
  const { cookie } = await invitedUser();
  const stream = await openStream(cookie);
  expect((await fetch(`${app.baseUrl}/chat/api/logout`, { method: 'POST', headers: { cookie } })).status).toBe(200);
  await within(stream.closed, 2_000, 'the stream closing after logout');
  await expectRefusedEverywhere(cookie);
});

it('disabling the user ends their session and closes their open stream', async () => {
  const { cookie, userId } = await invitedUser();
  const stream = await openStream(cookie);
  await app.endorse.services.disableUser(ownerId, userId);
  await within(stream.closed, 8_000, 'the stream closing after the user was disabled');
  await expectRefusedEverywhere(cookie);
});

it('disabling the agency ends its users’ sessions and closes their open streams', async () => {
  const { cookie, agencyId } = await invitedUser();
  const stream = await openStream(cookie);
  await app.endorse.services.setAgencyStatus(ownerId, agencyId, 'DISABLED');
  await within(stream.closed, 8_000, 'the stream closing after the agency was disabled');
  await expectRefusedEverywhere(cookie);
});
