import { createUser, openTestEnv, seedFixture, unique, uniquePhone, type Fixture, type TestEnv } from '../../support/services';

// Creating databases and fixtures can be slow on a loaded machine; this bounds hooks, it times nothing.
jest.setTimeout(30_000);

let env: TestEnv;
let f: Fixture;

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
});
afterAll(() => env.close());

const ids = (page: { users: { id: string }[] }) => page.users.map((u) => u.id).sort();
const sorted = (...list: string[]) => [...list].sort();

async function auditActions(targetId: string): Promise<{ action: string; actorId: string | null }[]> {
  const rows = await env.deps.db.auditLog.findMany({
    where: { targetId },
    orderBy: { at: 'asc' },
    select: { action: true, actorId: true },
  });
  return rows;
}

/** A stored conversation of the user with an unfinished dialog, as the engine keeps it. */
async function conversationOf(userId: string) {
  return env.deps.db.conversation.create({
    data: {
      platform: 'TELEGRAM',
      conversationId: unique('chat'),
      userId,
      state: { dialog: 'submit', step: 'email', draft: { firstName: 'Jane' } },
      version: 3,
    },
  });
}

describe('listing users', () => {
  test('an owner filters by agency', async () => {
    expect(ids(await env.services.listUsers(f.ownerId, { agencyId: f.agencyA }))).toEqual(sorted(f.adminA, f.userA, f.userA2));
  });

  test('an owner filters by agency and role', async () => {
    expect(ids(await env.services.listUsers(f.ownerId, { agencyId: f.agencyA, role: 'AGENCY_USER' }))).toEqual(
      sorted(f.userA, f.userA2),
    );
  });

  test('an owner filters by country', async () => {
    const country = 'NZ';
    const agency = await env.services.createAgency(f.ownerId, { name: unique('Kiwi'), country });
    const kiwi = await env.deps.db.user.create({
      data: { email: `${unique('kiwi')}@example.test`, role: 'AGENCY_USER', agencyId: agency.id, status: 'ACTIVE', country },
      select: { id: true },
    });
    const page = await env.services.listUsers(f.ownerId, { country: 'nz', pageSize: 50 });
    expect(page.users.map((u) => u.id)).toContain(kiwi.id);
    expect(page.users.every((u) => u.country === 'NZ')).toBe(true);
  });

  test('an owner filters by role across agencies', async () => {
    const page = await env.services.listUsers(f.ownerId, { role: 'AGENCY_ADMIN', pageSize: 50 });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.users.every((u) => u.role === 'AGENCY_ADMIN')).toBe(true);
    const adminB = await env.deps.db.user.findUniqueOrThrow({ where: { id: f.adminB } });
    expect(ids(await env.services.listUsers(f.ownerId, { role: 'AGENCY_ADMIN', search: adminB.email }))).toEqual([f.adminB]);
    expect(ids(await env.services.listUsers(f.ownerId, { role: 'AGENCY_USER', search: adminB.email }))).toEqual([]);
  });

  test('an admin lists the users of their own agency only', async () => {
    expect(ids(await env.services.listUsers(f.adminA))).toEqual(sorted(f.adminA, f.userA, f.userA2));
  });

  test('an admin filters by role within their agency', async () => {
    expect(ids(await env.services.listUsers(f.adminA, { role: 'AGENCY_ADMIN' }))).toEqual([f.adminA]);
  });

  test('an admin’s country filter does not widen the list beyond their agency', async () => {
    expect(ids(await env.services.listUsers(f.adminA, { country: 'US' }))).toEqual(sorted(f.adminA, f.userA, f.userA2));
  });

  test('an admin cannot list another agency’s users', async () => {
    await expect(env.services.listUsers(f.adminA, { agencyId: f.agencyB })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('agency users and recruiters cannot list users', async () => {
    await expect(env.services.listUsers(f.userA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(env.services.listUsers(f.recruiterId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('search matches name or email', async () => {
    const target = await env.deps.db.user.findUniqueOrThrow({ where: { id: f.userA2 } });
    const byName = await env.services.listUsers(f.adminA, { search: (target.name as string).toUpperCase() });
    const byEmail = await env.services.listUsers(f.adminA, { search: target.email.toUpperCase() });
    expect(ids(byName)).toEqual([f.userA2]);
    expect(ids(byEmail)).toEqual([f.userA2]);
  });

  test('invited users are listed with status INVITED until they redeem', async () => {
    const invite = await env.services.createInvitation(f.adminA, {
      email: `${unique('new')}@example.com`,
      role: 'AGENCY_USER',
      agencyId: f.agencyA,
    });
    const before = await env.services.listUsers(f.adminA, { pageSize: 50 });
    expect(before.users.find((u) => u.id === invite.userId)).toMatchObject({ status: 'INVITED', channels: [] });

    await env.services.redeemInvitation(invite.token, { platform: 'TELEGRAM', platformUserId: unique('tg') });
    const after = await env.services.listUsers(f.adminA, { pageSize: 50 });
    expect(after.users.find((u) => u.id === invite.userId)).toMatchObject({ status: 'ACTIVE', channels: ['TELEGRAM'] });
  });

  test('paging reports the total and the page count', async () => {
    const page = await env.services.listUsers(f.ownerId, { agencyId: f.agencyB, pageSize: 1, page: 2 });
    expect(page).toMatchObject({ total: 2, page: 2, pageCount: 2 });
    expect(page.users).toHaveLength(1);
  });
});

describe('viewing a user', () => {
  test('an admin opens a user of their agency with agency and status', async () => {
    const user = await env.services.getUser(f.adminA, f.userA);
    expect(user).toMatchObject({
      id: f.userA,
      role: 'AGENCY_USER',
      status: 'ACTIVE',
      agency: { id: f.agencyA, status: 'ACTIVE' },
    });
  });

  test('an admin cannot open a user of another agency: it reads as no such user (no existence oracle)', async () => {
    const missing = await env.services.getUser(f.adminA, 'no-such-user-id').catch((e: unknown) => e);
    const other = await env.services.getUser(f.adminA, f.userB).catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'NOT_FOUND' });
    expect((other as Error).message).toBe((missing as Error).message);
  });
});

describe('rename, disable, enable', () => {
  test('renaming changes the name and writes an audit row', async () => {
    const target = await createUser(env, 'AGENCY_USER', f.agencyA);
    const renamed = await env.services.renameUser(f.adminA, target, '  Maria Clara Santos ');
    expect(renamed.name).toBe('Maria Clara Santos');
    expect(await auditActions(target)).toEqual([{ action: 'user.rename', actorId: f.adminA }]);
  });

  test('an empty name is refused and nothing is written', async () => {
    const target = await createUser(env, 'AGENCY_USER', f.agencyA);
    await expect(env.services.renameUser(f.adminA, target, '   ')).rejects.toMatchObject({ code: 'INVALID' });
    expect(await auditActions(target)).toEqual([]);
  });

  test('disabling sets the status and writes an audit row', async () => {
    const target = await createUser(env, 'AGENCY_USER', f.agencyA);
    expect((await env.services.disableUser(f.adminA, target)).status).toBe('DISABLED');
    expect(await auditActions(target)).toEqual([{ action: 'user.disable', actorId: f.adminA }]);
  });

  test('enabling restores access and writes an audit row', async () => {
    const target = await createUser(env, 'AGENCY_USER', f.agencyA);
    await env.services.disableUser(f.ownerId, target);
    expect((await env.services.enableUser(f.ownerId, target)).status).toBe('ACTIVE');
    expect((await auditActions(target)).map((r) => r.action)).toEqual(['user.disable', 'user.enable']);
    await expect(env.services.listDashboard(target, { view: 'mine' })).resolves.toMatchObject({ total: 0 });
  });

  test('an invited user cannot be enabled by hand: they must redeem', async () => {
    const invite = await env.services.createInvitation(f.adminA, {
      email: `${unique('pending')}@example.com`,
      role: 'AGENCY_USER',
      agencyId: f.agencyA,
    });
    await expect(env.services.enableUser(f.adminA, invite.userId)).rejects.toMatchObject({ code: 'INVALID' });
  });

  test('someone without rights is refused before learning whether the user is pending', async () => {
    const invite = await env.services.createInvitation(f.adminB, {
      email: `${unique('pending')}@example.com`,
      role: 'AGENCY_USER',
      agencyId: f.agencyB,
    });
    // Out of scope reads as missing, the same answer whatever state the user is in.
    await expect(env.services.enableUser(f.adminA, invite.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('disabling a user clears their conversation state', async () => {
    const target = await createUser(env, 'AGENCY_USER', f.agencyA);
    const conversation = await conversationOf(target);
    const bystander = await conversationOf(f.userA2);

    await env.services.disableUser(f.adminA, target);

    expect(await env.deps.db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({
      state: null,
      version: 4,
    });
    expect(await env.deps.db.conversation.findUniqueOrThrow({ where: { id: bystander.id } })).toMatchObject({
      state: bystander.state,
      version: 3,
    });
  });

  test('a disabled user’s next service call is refused', async () => {
    const target = await createUser(env, 'AGENCY_USER', f.agencyA);
    await env.services.disableUser(f.adminA, target);
    await expect(
      env.services.submitCandidate(target, {
        firstName: 'Jane',
        lastName: 'Doe',
        phone: uniquePhone(),
        email: `${unique('jane')}@example.com`,
        campaignId: f.campaignId,
        channel: 'WEB',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('disabled') });
    await expect(env.services.listDashboard(target, { view: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(env.services.listCampaigns(target)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('the identity of a disabled user resolves as inactive', async () => {
    const invite = await env.services.createInvitation(f.adminA, {
      email: `${unique('soon-off')}@example.com`,
      role: 'AGENCY_USER',
      agencyId: f.agencyA,
    });
    const key = { platform: 'TELEGRAM' as const, workspaceId: '', platformUserId: unique('tg') };
    await env.services.redeemInvitation(invite.token, key);
    await env.services.disableUser(f.adminA, invite.userId);
    expect(await env.services.resolveIdentity(key)).toMatchObject({ userId: invite.userId, active: false });
  });

  test('an admin cannot disable another admin or themselves', async () => {
    const otherAdmin = await createUser(env, 'AGENCY_ADMIN', f.agencyA);
    await expect(env.services.disableUser(f.adminA, otherAdmin)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(env.services.disableUser(f.adminA, f.adminA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditActions(otherAdmin)).toEqual([]);
  });
});

describe('agencies', () => {
  test('creating an agency writes an audit row and refuses a duplicate name', async () => {
    const name = unique('Agency');
    const agency = await env.services.createAgency(f.ownerId, { name, country: 'ph' });
    expect(agency).toEqual({ id: expect.any(String), name, country: 'PH', status: 'ACTIVE', userCount: 0 });
    expect(await auditActions(agency.id)).toEqual([{ action: 'agency.create', actorId: f.ownerId }]);
    await expect(env.services.createAgency(f.ownerId, { name })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('disabling an agency cuts off all its users on their next call, and enabling restores them', async () => {
    const agency = await env.services.createAgency(f.ownerId, { name: unique('Closing') });
    const adminId = await createUser(env, 'AGENCY_ADMIN', agency.id);
    const userId = await createUser(env, 'AGENCY_USER', agency.id);

    await env.services.setAgencyStatus(f.ownerId, agency.id, 'DISABLED');
    for (const id of [adminId, userId]) {
      await expect(env.services.listDashboard(id, { view: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(env.services.listUsers(adminId)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await env.services.setAgencyStatus(f.ownerId, agency.id, 'ACTIVE');
    await expect(env.services.listDashboard(userId, { view: 'mine' })).resolves.toMatchObject({ total: 0 });
    expect((await auditActions(agency.id)).map((r) => r.action)).toEqual(['agency.create', 'agency.disable', 'agency.enable']);
  });

  test('disabling an agency clears the conversation state of every user of it, and only theirs', async () => {
    const agency = await env.services.createAgency(f.ownerId, { name: unique('Paused') });
    const users = await Promise.all([createUser(env, 'AGENCY_ADMIN', agency.id), createUser(env, 'AGENCY_USER', agency.id)]);
    const conversations = await Promise.all(users.map(conversationOf));
    const bystander = await conversationOf(f.userA);

    await env.services.setAgencyStatus(f.ownerId, agency.id, 'DISABLED');

    for (const c of conversations) {
      expect(await env.deps.db.conversation.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
        state: null,
        version: 4,
      });
    }
    expect(await env.deps.db.conversation.findUniqueOrThrow({ where: { id: bystander.id } })).toMatchObject({
      state: bystander.state,
      version: 3,
    });
  });

  test('the user status is kept: enabling the agency does not re-enable a user disabled on their own', async () => {
    const agency = await env.services.createAgency(f.ownerId, { name: unique('Mixed') });
    const userId = await createUser(env, 'AGENCY_USER', agency.id);
    await env.services.disableUser(f.ownerId, userId);
    await env.services.setAgencyStatus(f.ownerId, agency.id, 'DISABLED');
    await env.services.setAgencyStatus(f.ownerId, agency.id, 'ACTIVE');
    await expect(env.services.listDashboard(userId, { view: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('listing agencies shows their status and user count', async () => {
    const agency = await env.services.createAgency(f.ownerId, { name: unique('Counted') });
    await createUser(env, 'AGENCY_USER', agency.id);
    await env.services.setAgencyStatus(f.ownerId, agency.id, 'DISABLED');
    const listed = (await env.services.listAgencies(f.ownerId)).find((a) => a.id === agency.id);
    expect(listed).toMatchObject({ status: 'DISABLED', userCount: 1 });
  });

  test('inviting into a disabled agency is refused', async () => {
    const agency = await env.services.createAgency(f.ownerId, { name: unique('Off') });
    await env.services.setAgencyStatus(f.ownerId, agency.id, 'DISABLED');
    await expect(
      env.services.createInvitation(f.ownerId, { email: `${unique('x')}@example.com`, role: 'AGENCY_USER', agencyId: agency.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
