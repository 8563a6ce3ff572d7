import { hashToken, REDEEM_MAX_FAILURES, REDEEM_WINDOW_MS } from '../../../src/services/invitations';
import { openTestEnv, seedFixture, unique, type Fixture, type TestEnv } from '../../support/services';

// Creating databases and fixtures can be slow on a loaded machine; this bounds hooks, it times nothing.
jest.setTimeout(30_000);

let env: TestEnv;
let f: Fixture;

/** The clock's start; tests that move it put it back. */
let T0: Date;

beforeAll(async () => {
  env = await openTestEnv();
  T0 = env.clock.now();
  f = await seedFixture(env);
});
afterAll(() => env.close());

const DAY_MS = 86_400_000;
const email = () => `${unique('invitee')}@example.com`;
const telegram = (id = unique('tg')) => ({ platform: 'TELEGRAM' as const, platformUserId: id, address: { chatId: id } });
const inviteAgencyUser = (to = email()) =>
  env.services.createInvitation(f.adminA, { email: to, role: 'AGENCY_USER', agencyId: f.agencyA, name: 'Maria Santos' });

test('create returns a link whose last path segment is the token', async () => {
  const invite = await inviteAgencyUser();
  expect(invite.url).toBe(`http://endorse.test/invite/${invite.token}`);
  expect(new URL(invite.url).pathname.split('/').at(-1)).toBe(invite.token);
});

test('the token carries 256 random bits in base64url', async () => {
  const { token } = await inviteAgencyUser();
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(Buffer.from(token, 'base64url')).toHaveLength(32);
});

test('the invitation expires after the configured number of days', async () => {
  const invite = await inviteAgencyUser();
  expect(invite.expiresAt.getTime() - env.clock.now().getTime()).toBe(7 * DAY_MS);
});

test('the invitee appears as an INVITED user of the agency with the role invited', async () => {
  const invite = await inviteAgencyUser();
  const user = await env.deps.db.user.findUniqueOrThrow({ where: { id: invite.userId } });
  expect(user).toMatchObject({ status: 'INVITED', role: 'AGENCY_USER', agencyId: f.agencyA, name: 'Maria Santos' });
});

test('the token is stored only as its SHA-256 hash', async () => {
  const invite = await inviteAgencyUser();
  const row = await env.deps.db.invitation.findFirstOrThrow({ where: { userId: invite.userId } });
  expect(row.tokenHash).toBe(hashToken(invite.token));
  expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(row)).not.toContain(invite.token);
  const clear = await env.database.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Invitation" i WHERE position($1 in i::text) > 0`,
    [invite.token],
  );
  expect(clear[0]?.n).toBe(0);
});

test('creating an invitation is written to the audit log without the token', async () => {
  const invite = await inviteAgencyUser();
  const rows = await env.deps.db.auditLog.findMany({ where: { targetType: 'user', targetId: invite.userId } });
  expect(rows.map((r) => r.action)).toEqual(['invitation.create']);
  expect(JSON.stringify(rows)).not.toContain(invite.token);
});

test('redeeming binds the chat identity and activates the user', async () => {
  const invite = await inviteAgencyUser();
  const identity = telegram();
  const redeemed = await env.services.redeemInvitation(invite.token, identity);

  expect(redeemed).toEqual({ userId: invite.userId, name: 'Maria Santos', email: invite.email, role: 'AGENCY_USER' });
  const user = await env.deps.db.user.findUniqueOrThrow({ where: { id: invite.userId }, include: { identities: true } });
  expect(user.status).toBe('ACTIVE');
  expect(user.identities).toEqual([
    expect.objectContaining({
      platform: 'TELEGRAM',
      workspaceId: '',
      platformUserId: identity.platformUserId,
      address: identity.address,
    }),
  ]);
  const resolved = await env.services.resolveIdentity({
    platform: 'TELEGRAM',
    workspaceId: '',
    platformUserId: identity.platformUserId,
  });
  expect(resolved).toMatchObject({ userId: invite.userId, active: true, agencyId: f.agencyA });
});

test('a token pasted with surrounding spaces still redeems', async () => {
  const invite = await inviteAgencyUser();
  await expect(env.services.redeemInvitation(`  ${invite.token}\n`, telegram())).resolves.toMatchObject({
    userId: invite.userId,
  });
});

test('an invitation is single use', async () => {
  const invite = await inviteAgencyUser();
  await env.services.redeemInvitation(invite.token, telegram());
  await expect(env.services.redeemInvitation(invite.token, telegram())).rejects.toMatchObject({ code: 'CONFLICT' });
  expect(await env.deps.db.chatIdentity.count({ where: { userId: invite.userId } })).toBe(1);
});

test('two concurrent redemptions of one token: exactly one wins', async () => {
  const invite = await inviteAgencyUser();
  const results = await Promise.allSettled([
    env.services.redeemInvitation(invite.token, telegram()),
    env.services.redeemInvitation(invite.token, telegram()),
  ]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(await env.deps.db.chatIdentity.count({ where: { userId: invite.userId } })).toBe(1);
});

describe('expiry (the test clock moves; nothing sleeps)', () => {
  test('an invitation redeems until just before it expires', async () => {
    const invite = await inviteAgencyUser();
    env.clock.set(new Date(invite.expiresAt.getTime() - 1));
    try {
      await expect(env.services.redeemInvitation(invite.token, telegram())).resolves.toMatchObject({ userId: invite.userId });
    } finally {
      env.clock.set(T0);
    }
  });

  test('an expired invitation is refused with EXPIRED and binds nothing', async () => {
    const invite = await inviteAgencyUser();
    env.clock.set(invite.expiresAt);
    try {
      await expect(env.services.redeemInvitation(invite.token, telegram())).rejects.toMatchObject({
        code: 'EXPIRED',
        message: expect.stringContaining('expired'),
      });
    } finally {
      env.clock.set(T0);
    }
    const user = await env.deps.db.user.findUniqueOrThrow({ where: { id: invite.userId }, include: { identities: true } });
    expect(user.status).toBe('INVITED');
    expect(user.identities).toEqual([]);
  });
});

describe('re-invite', () => {
  test('inviting the same email again voids the old link', async () => {
    const to = email();
    const first = await inviteAgencyUser(to);
    const second = await inviteAgencyUser(to);
    expect(second.userId).toBe(first.userId);
    expect(second.token).not.toBe(first.token);
    await expect(env.services.redeemInvitation(first.token, telegram())).rejects.toMatchObject({ code: 'EXPIRED' });
    await expect(env.services.redeemInvitation(second.token, telegram())).resolves.toMatchObject({ userId: first.userId });
  });

  test('re-inviting replaces an expired link with a working one', async () => {
    const to = email();
    const first = await inviteAgencyUser(to);
    env.clock.set(new Date(first.expiresAt.getTime() + DAY_MS));
    try {
      const second = await inviteAgencyUser(to);
      await expect(env.services.redeemInvitation(second.token, telegram())).resolves.toMatchObject({ userId: first.userId });
    } finally {
      env.clock.set(T0);
    }
  });

  test('a re-issue is audited as such', async () => {
    const to = email();
    const first = await inviteAgencyUser(to);
    await inviteAgencyUser(to);
    const actions = (await env.deps.db.auditLog.findMany({ where: { targetId: first.userId }, orderBy: { at: 'asc' } })).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['invitation.create', 'invitation.reissue']);
  });

  test('an admin cannot re-invite (and so take over) another agency’s pending invitee', async () => {
    const to = email();
    const theirs = await env.services.createInvitation(f.adminB, { email: to, role: 'AGENCY_USER', agencyId: f.agencyB });
    await expect(inviteAgencyUser(to)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const user = await env.deps.db.user.findUniqueOrThrow({ where: { id: theirs.userId } });
    expect(user.agencyId).toBe(f.agencyB);
    await expect(env.services.redeemInvitation(theirs.token, telegram())).resolves.toMatchObject({ userId: theirs.userId });
  });

  test('an admin cannot re-invite a pending owner as an agency user', async () => {
    const to = email();
    const owner = await env.services.createInvitation(f.ownerId, { email: to, role: 'OWNER' });
    await expect(inviteAgencyUser(to)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await env.deps.db.user.findUniqueOrThrow({ where: { id: owner.userId } })).role).toBe('OWNER');
  });

  test('an active user is not invited again', async () => {
    const to = email();
    const invite = await inviteAgencyUser(to);
    await env.services.redeemInvitation(invite.token, telegram());
    await expect(inviteAgencyUser(to)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('rate limit', () => {
  test(`after ${REDEEM_MAX_FAILURES} failures an identity must wait, even with a valid token`, async () => {
    const identity = telegram();
    for (let i = 0; i < REDEEM_MAX_FAILURES; i++) {
      await expect(env.services.redeemInvitation(`wrong-${i}`, identity)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const invite = await inviteAgencyUser();
    await expect(env.services.redeemInvitation(invite.token, identity)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: REDEEM_WINDOW_MS,
    });
    expect((await env.deps.db.user.findUniqueOrThrow({ where: { id: invite.userId } })).status).toBe('INVITED');
  });

  test(`${REDEEM_MAX_FAILURES - 1} failures still let a valid token through`, async () => {
    const identity = telegram();
    for (let i = 0; i < REDEEM_MAX_FAILURES - 1; i++) {
      await expect(env.services.redeemInvitation(`wrong-${i}`, identity)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const invite = await inviteAgencyUser();
    await expect(env.services.redeemInvitation(invite.token, identity)).resolves.toMatchObject({ userId: invite.userId });
  });

  test('the limit is per chat identity: another identity is not held back', async () => {
    const blocked = telegram();
    for (let i = 0; i < REDEEM_MAX_FAILURES; i++) {
      await env.services.redeemInvitation(`wrong-${i}`, blocked).catch(() => undefined);
    }
    const invite = await inviteAgencyUser();
    await expect(env.services.redeemInvitation(invite.token, telegram())).resolves.toMatchObject({ userId: invite.userId });
  });

  test('the wait ends when the window has passed', async () => {
    const identity = telegram();
    for (let i = 0; i < REDEEM_MAX_FAILURES; i++) {
      await env.services.redeemInvitation(`wrong-${i}`, identity).catch(() => undefined);
    }
    const start = env.clock.now();
    env.clock.set(new Date(start.getTime() + REDEEM_WINDOW_MS + 1));
    try {
      const invite = await inviteAgencyUser();
      await expect(env.services.redeemInvitation(invite.token, identity)).resolves.toMatchObject({ userId: invite.userId });
    } finally {
      env.clock.set(T0);
    }
  });

  test('used and replaced tokens count as failures too', async () => {
    const identity = telegram();
    const to = email();
    const old = await inviteAgencyUser(to);
    await inviteAgencyUser(to);
    for (let i = 0; i < REDEEM_MAX_FAILURES; i++) {
      await expect(env.services.redeemInvitation(old.token, identity)).rejects.toMatchObject({ code: 'EXPIRED' });
    }
    await expect(env.services.redeemInvitation(old.token, identity)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

test('an identity already bound to another user is refused and the invitation stays usable', async () => {
  const identity = telegram();
  const mine = await inviteAgencyUser();
  await env.services.redeemInvitation(mine.token, identity);
  const other = await inviteAgencyUser();

  await expect(env.services.redeemInvitation(other.token, identity)).rejects.toMatchObject({
    code: 'CONFLICT',
    message: expect.stringContaining('already linked to another'),
  });
  const otherUser = await env.deps.db.user.findUniqueOrThrow({ where: { id: other.userId }, include: { identities: true } });
  expect(otherUser).toMatchObject({ status: 'INVITED', identities: [] });
  const identityRow = await env.deps.db.chatIdentity.findFirstOrThrow({ where: { platformUserId: identity.platformUserId } });
  expect(identityRow.userId).toBe(mine.userId);
  await expect(env.services.redeemInvitation(other.token, telegram())).resolves.toMatchObject({ userId: other.userId });
});

test('the same platform user id in two Slack workspaces is two identities', async () => {
  const id = unique('U');
  const a = await inviteAgencyUser();
  const b = await inviteAgencyUser();
  await env.services.redeemInvitation(a.token, { platform: 'SLACK', workspaceId: 'T1', platformUserId: id });
  await expect(
    env.services.redeemInvitation(b.token, { platform: 'SLACK', workspaceId: 'T2', platformUserId: id }),
  ).resolves.toMatchObject({
    userId: b.userId,
  });
});

test('a disabled invitee cannot redeem', async () => {
  const invite = await inviteAgencyUser();
  await env.deps.db.user.update({ where: { id: invite.userId }, data: { status: 'DISABLED' } });
  await expect(env.services.redeemInvitation(invite.token, telegram())).rejects.toMatchObject({ code: 'CONFLICT' });
  expect((await env.deps.db.user.findUniqueOrThrow({ where: { id: invite.userId } })).status).toBe('DISABLED');
});

test('an unknown token is NOT_FOUND and says what to do', async () => {
  await expect(env.services.redeemInvitation('not-a-token', telegram())).rejects.toMatchObject({
    code: 'NOT_FOUND',
    message: expect.stringContaining('invitation'),
  });
});
