import { randomUUID } from 'node:crypto';
import { openTestEnv, seedFixture, type Fixture, type TestEnv } from '../../support/services';

const HOUR_MS = 3_600_000;
const IDLE_MS = 24 * HOUR_MS;
const TTL_MS = 7 * 24 * HOUR_MS;

let env: TestEnv;
let fx: Fixture;
beforeAll(async () => {
  env = await openTestEnv();
  fx = await seedFixture(env);
});
afterAll(() => env.close());

const newSession = async (): Promise<string> => {
  const sessionId = `ws${randomUUID().replace(/-/g, '')}`;
  await env.services.openWebSession({ sessionId, ttlMs: TTL_MS });
  return sessionId;
};

describe('web chat sessions held server-side', () => {
  it('ends a session left idle longer than the idle lifetime, and keeps one in use alive', async () => {
    const used = await newSession();
    const idle = await newSession();
    for (let hour = 0; hour < 30; hour += 2) {
      env.clock.advance(2 * HOUR_MS);
      expect(await env.services.checkWebSession(used, IDLE_MS)).toBe('ok');
    }
    expect(await env.services.checkWebSession(idle, IDLE_MS)).toBe('idle');
  });

  it('ends a session at its absolute lifetime however busy it is', async () => {
    const busy = await newSession();
    // Used every 12 hours: 13 times stays inside the 7 days, the 14th lands on their end.
    for (let i = 0; i < 13; i++) {
      env.clock.advance(12 * HOUR_MS);
      expect(await env.services.checkWebSession(busy, IDLE_MS)).toBe('ok');
    }
    env.clock.advance(12 * HOUR_MS);
    expect(await env.services.checkWebSession(busy, IDLE_MS)).toBe('expired');
  });

  it('refuses a session nobody opened (a cookie from before, or forged with a leaked secret)', async () => {
    expect(await env.services.checkWebSession(`ws${randomUUID().replace(/-/g, '')}`, IDLE_MS)).toBe('unknown');
  });

  it('logout revokes the session for good', async () => {
    const s = await newSession();
    expect(await env.services.revokeWebSession(s)).toBe(true);
    expect(await env.services.checkWebSession(s, IDLE_MS)).toBe('revoked');
  });

  it('a re-issued invitation ends the web sessions the user held', async () => {
    const email = `reissue.${randomUUID().slice(0, 8)}@example.test`;
    const first = await env.services.createInvitation(fx.ownerId, { email, role: 'AGENCY_USER', agencyId: fx.agencyA });
    const s = await newSession();
    await env.deps.db.chatIdentity.create({
      data: { userId: first.userId, platform: 'WEB', workspaceId: '', platformUserId: s, address: { sessionId: s } },
    });
    expect(await env.services.checkWebSession(s, IDLE_MS)).toBe('ok');
    await env.services.createInvitation(fx.ownerId, { email, role: 'AGENCY_USER', agencyId: fx.agencyA });
    expect(await env.services.checkWebSession(s, IDLE_MS)).toBe('revoked');
  });
});
