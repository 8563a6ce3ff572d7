import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../src/db/database';
import { migrate, readMigrations } from '../../../src/db/migrate';
import { createLogger } from '../../../src/logger';
import { createServices, SYSTEM_ACTOR, type Services } from '../../../src/services';

/**
 * The embedded default (PGlite) runs the same migrations and the same services as PostgreSQL;
 * this pins the behaviour a bare `npm start` relies on.
 */
let dir: string;
let database: Database;
let services: Services;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'endorse-embedded-'));
  database = await openDatabase({ dataDir: dir });
  await migrate(database.sql);
  services = createServices({
    db: database.prisma,
    sql: database.driver,
    logger: createLogger('silent'),
    now: () => new Date(),
    publicUrl: 'http://endorse.test',
    inviteTtlDays: 7,
  });
}, 60_000);

afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function agencyUser(agency: string): Promise<string> {
  const a = await services.createAgency(SYSTEM_ACTOR, { name: agency });
  const user = await database.prisma.user.create({
    data: {
      email: `user@${agency.toLowerCase().replace(/\W/g, '')}.test`,
      role: 'AGENCY_USER',
      agencyId: a.id,
      status: 'ACTIVE',
    },
  });
  return user.id;
}

test('submissions on the embedded database get all three outcomes, concurrently too', async () => {
  const [userA, userB] = [await agencyUser('Embedded A'), await agencyUser('Embedded B')];
  const campaign = await services.createCampaign(SYSTEM_ACTOR, { name: 'Embedded campaign' });
  const person = {
    firstName: 'Jane',
    lastName: 'Cruz',
    phone: '+63 917 123 4567',
    email: 'jane@example.com',
    campaignId: campaign.id,
    channel: 'WEB' as const,
  };

  const results = await Promise.all([userA, userB, userA, userB].map((id) => services.submitCandidate(id, person)));

  const outcomes = results.map((r) => r.outcome).sort();
  expect(outcomes.filter((o) => o === 'ADDED')).toHaveLength(1);
  expect(outcomes).toEqual(expect.arrayContaining(['PREVIOUSLY_SUBMITTED', 'DUPLICATE']));
  expect(await database.prisma.candidate.count()).toBe(1);
});

test('a new folder is created and migrated by a process of its own, then opened here', async () => {
  // The first start's initdb and DDL would otherwise stay in this process's heap (bench:memory).
  expect(database.appliedAtCreation).toEqual((await readMigrations()).map((m) => m.name));
  expect(existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
  expect(existsSync(path.join(dir, 'pgdata.creating'))).toBe(false);
});

test('migrating again applies nothing', async () => {
  expect((await migrate(database.sql)).applied).toEqual([]);
});

test('an event opens once and its dialog state saves on the embedded database too', async () => {
  const userId = await agencyUser('Embedded C');
  const key = { platform: 'TELEGRAM' as const, workspaceId: '', platformUserId: '4242' };
  await database.prisma.chatIdentity.create({ data: { userId, ...key } });
  const conversation = { platform: key.platform, workspaceId: '', conversationId: 'chat-4242' };

  const first = await services.openEvent('update-1', key, conversation.conversationId);
  const saved = await services.saveConversation(conversation, first.conversation.version, userId, { step: 'email' });
  const next = await services.openEvent('update-2', key, conversation.conversationId);

  expect(first).toMatchObject({ fresh: true, user: { userId, active: true }, conversation: { version: 0 } });
  expect(saved).toBe(1);
  expect(next.conversation).toEqual({ version: 1, state: { step: 'email' }, userId });
  expect((await services.openEvent('update-1', key, conversation.conversationId)).fresh).toBe(false);
});
