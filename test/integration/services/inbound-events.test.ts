import { createUser, openTestEnv, unique, type TestEnv } from '../../support/services';
import type { IdentityKey } from '../../../src/services/identities';
import { createEventOpener } from '../../../src/services/inbound-events';

/**
 * The statements every chat message runs (openEvent, saveConversation), straight on the driver:
 * one round trip records the event id and reads identity and dialog (one for many events under
 * load), and a save only lands on the version it was loaded at.
 */
let env: TestEnv;

beforeAll(async () => {
  env = await openTestEnv();
});

afterAll(async () => {
  await env.close();
});

async function telegramIdentity(): Promise<{ userId: string; key: IdentityKey }> {
  const agency = await env.deps.db.agency.create({ data: { name: unique('Agency'), country: 'PH' } });
  const userId = await createUser(env, 'AGENCY_USER', agency.id);
  const key: IdentityKey = { platform: 'TELEGRAM', workspaceId: '', platformUserId: unique('tg') };
  await env.deps.db.chatIdentity.create({ data: { userId, ...key } });
  return { userId, key };
}

test('an event id opens once: the redelivery is reported as not fresh', async () => {
  const { key } = await telegramIdentity();
  const eventId = unique('update');

  const first = await env.services.openEvent(eventId, key, 'chat-1');
  const again = await env.services.openEvent(eventId, key, 'chat-1');

  expect(first.fresh).toBe(true);
  expect(again.fresh).toBe(false);
});

test('the same event id on another platform is a different event', async () => {
  const { key } = await telegramIdentity();
  const eventId = unique('shared-id');
  await env.services.openEvent(eventId, key, 'chat-1');

  const onSlack = await env.services.openEvent(eventId, { ...key, platform: 'SLACK', workspaceId: 'T1' }, 'chat-1');

  expect(onSlack.fresh).toBe(true);
});

test('opening reads who is talking, with their agency, and an empty dialog the first time', async () => {
  const { userId, key } = await telegramIdentity();

  const opened = await env.services.openEvent(unique('update'), key, 'chat-1');

  expect(opened.user).toMatchObject({ userId, role: 'AGENCY_USER', active: true });
  expect(opened.user?.agencyName).toMatch(/^Agency/);
  expect(opened.conversation).toEqual({ version: 0, state: null, userId: null });
});

test('a stranger opens with no user, and the event is still recorded', async () => {
  const key: IdentityKey = { platform: 'TELEGRAM', workspaceId: '', platformUserId: unique('stranger') };
  const eventId = unique('update');

  const opened = await env.services.openEvent(eventId, key, 'chat-1');

  expect(opened).toMatchObject({ fresh: true, user: null });
  expect((await env.services.openEvent(eventId, key, 'chat-1')).fresh).toBe(false);
});

test('a disabled agency makes its user inactive on the very next event', async () => {
  const { userId, key } = await telegramIdentity();
  const user = await env.deps.db.user.findUniqueOrThrow({ where: { id: userId } });
  await env.deps.db.agency.update({ where: { id: user.agencyId as string }, data: { status: 'DISABLED' } });

  const opened = await env.services.openEvent(unique('update'), key, 'chat-1');

  expect(opened.user).toMatchObject({ userId, active: false });
});

test('a saved dialog comes back with the next event, at its new version', async () => {
  const { userId, key } = await telegramIdentity();
  const conversation = { platform: key.platform, workspaceId: key.workspaceId, conversationId: unique('chat') };

  expect(await env.services.saveConversation(conversation, 0, userId, { dialog: { step: 'email' } })).toBe(1);
  expect(await env.services.saveConversation(conversation, 1, userId, { dialog: { step: 'phone' } })).toBe(2);
  const opened = await env.services.openEvent(unique('update'), key, conversation.conversationId);

  expect(opened.conversation).toEqual({ version: 2, state: { dialog: { step: 'phone' } }, userId });
});

test('a save at a version someone else already advanced is refused and changes nothing', async () => {
  const { userId } = await telegramIdentity();
  const conversation = { platform: 'TELEGRAM' as const, workspaceId: '', conversationId: unique('chat') };
  await env.services.saveConversation(conversation, 0, userId, { n: 1 });
  await env.services.saveConversation(conversation, 1, userId, { n: 2 });

  expect(await env.services.saveConversation(conversation, 1, userId, { n: 'stale' })).toBeNull();
  expect(await env.services.saveConversation(conversation, 0, userId, { n: 'stale' })).toBeNull();
  expect(await env.services.loadConversation(conversation)).toEqual({ version: 2, state: { n: 2 }, userId });
});

test('a dialog saved as null clears the state', async () => {
  const { userId } = await telegramIdentity();
  const conversation = { platform: 'TELEGRAM' as const, workspaceId: '', conversationId: unique('chat') };
  await env.services.saveConversation(conversation, 0, userId, { n: 1 });

  expect(await env.services.saveConversation(conversation, 1, userId, null)).toBe(2);
  expect(await env.services.loadConversation(conversation)).toEqual({ version: 2, state: null, userId });
});

test('event and dialog timestamps are the service clock, in UTC like every Prisma-written column', async () => {
  const { userId, key } = await telegramIdentity();
  const at = new Date('2026-03-01T23:30:00.000Z');
  env.clock.set(at);
  const eventId = unique('update');
  const conversation = { platform: key.platform, workspaceId: key.workspaceId, conversationId: unique('chat') };
  // jest.config.js runs the tests in Asia/Manila: a Date handed to the driver as local time would land 8 hours off.
  await env.services.openEvent(eventId, key, conversation.conversationId);
  await env.services.saveConversation(conversation, 0, userId, { n: 1 });

  const event = await env.deps.db.processedEvent.findUniqueOrThrow({
    where: { platform_eventId: { platform: 'TELEGRAM', eventId } },
  });
  const row = await env.deps.db.conversation.findUniqueOrThrow({
    where: { platform_workspaceId_conversationId: conversation },
  });
  expect(event.createdAt.toISOString()).toBe(at.toISOString());
  expect(row.updatedAt.toISOString()).toBe(at.toISOString());
});

test('events arriving while the database is busy go out together, each answered as its own', async () => {
  const people = await Promise.all(Array.from({ length: 6 }, () => telegramIdentity()));
  const statements: string[] = [];
  const openEvent = createEventOpener({
    now: env.deps.now,
    sql: { query: (text, params) => (statements.push(text), env.deps.sql.query(text, params)) },
  });

  const opened = await Promise.all(people.map(({ key }) => openEvent(unique('update'), key, 'chat-1')));

  expect(opened.map((o) => o.user?.userId)).toEqual(people.map((p) => p.userId));
  expect(opened.every((o) => o.fresh)).toBe(true);
  // Two go out at once; the four arriving meanwhile share the next statement.
  expect(statements).toHaveLength(3);
});

test('an event opened alone and one opened in a batch read the same', async () => {
  const { userId, key } = await telegramIdentity();
  const version = await env.services.saveConversation({ ...key, conversationId: 'chat-1' }, 0, userId, { step: 1 });
  const sizes: number[] = [];
  const openEvent = createEventOpener({
    now: env.deps.now,
    sql: {
      query: (text, params) => (sizes.push(Array.isArray(params?.[1]) ? params[1].length : 1), env.deps.sql.query(text, params)),
    },
  });

  const lone = await openEvent(unique('update'), key, 'chat-1');
  // At most two statements are out at once: the last of four arriving together goes in a batch.
  const opened = await Promise.all([1, 2, 3, 4].map(() => openEvent(unique('update'), key, 'chat-1')));

  expect(sizes[0]).toBe(1);
  expect(sizes.at(-1)).toBeGreaterThan(1);
  expect(lone).toMatchObject({ fresh: true, user: { userId, active: true }, conversation: { version, state: { step: 1 } } });
  expect(opened[3]).toEqual(lone);
});

test('a redelivery inside the same batch is fresh only once', async () => {
  const { key } = await telegramIdentity();
  const eventId = unique('update');
  const openEvent = createEventOpener(env.deps);

  const opened = await Promise.all([1, 2, 3, 4].map(() => openEvent(eventId, key, 'chat-1')));

  expect(opened.filter((o) => o.fresh)).toHaveLength(1);
});

test('a failed statement fails every event it carried, and the next events go through', async () => {
  const { key } = await telegramIdentity();
  let failNext = true;
  const openEvent = createEventOpener({
    now: env.deps.now,
    sql: {
      query: (text, params) => {
        if (!failNext) return env.deps.sql.query(text, params);
        failNext = false;
        return Promise.reject(new Error('connection reset'));
      },
    },
  });

  const first = await openEvent(unique('update'), key, 'chat-1').catch((error: Error) => error);
  const next = await openEvent(unique('update'), key, 'chat-1');

  expect(first).toBeInstanceOf(Error);
  expect(next.fresh).toBe(true);
});

test('a burst goes out in statements of at most 100 events, so one failure cannot fail them all', async () => {
  const { key } = await telegramIdentity();
  const batches: number[] = [];
  const openEvent = createEventOpener({
    now: env.deps.now,
    // A lone event's id goes as a scalar, a batch's as an array.
    sql: {
      query: (text, params) => {
        const ids = params?.[1];
        batches.push(Array.isArray(ids) ? ids.length : 1);
        return env.deps.sql.query(text, params);
      },
    },
  });

  const opened = await Promise.all(Array.from({ length: 250 }, () => openEvent(unique('update'), key, 'chat-1')));

  expect(opened.every((o) => o.fresh)).toBe(true);
  expect(batches).toEqual([1, 1, 100, 100, 48]);
});

test('event ids older than the window are forgotten, newer ones still drop a redelivery', async () => {
  const { key } = await telegramIdentity();
  const [old, recent] = [unique('old-update'), unique('recent-update')];
  env.clock.set(new Date('2026-05-01T00:00:00.000Z'));
  await env.services.openEvent(old, key, 'chat-1');
  env.clock.set(new Date('2026-05-09T00:00:00.000Z'));
  await env.services.openEvent(recent, key, 'chat-1');

  await env.services.pruneProcessedEvents(7 * 24 * 3_600_000);

  expect((await env.services.openEvent(old, key, 'chat-1')).fresh).toBe(true);
  expect((await env.services.openEvent(recent, key, 'chat-1')).fresh).toBe(false);
});
