import { chat, linkIdentity, openEngineEnv, type EngineEnv } from '../../support/engine';
import { submitCandidate } from '../../support/notify';
import { seedFixture, type Fixture } from '../../support/services';

/** Issue 16: owners send FAILED deliveries again from chat with `deliveries retry`. */
let ee: EngineEnv;
let f: Fixture;
beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
});
afterAll(() => ee.close());

test('`deliveries retry` puts every FAILED delivery back in line (owners only)', async () => {
  const ref = await submitCandidate(ee.env, f.userA, f.campaignId);
  const candidate = await ee.env.deps.db.candidate.findUniqueOrThrow({ where: { ref } });
  // Two, so the count reads in the plural whether or not other suites left failures in the database.
  const failedRow = {
    kind: 'STAGE_CHANGE',
    candidateId: candidate.id,
    recipientId: f.userA,
    channel: 'TELEGRAM',
    payload: {},
    status: 'FAILED',
    attempts: 36,
    retryRound: 5,
    lastError: 'UNREACHABLE: Bot API answered 502',
  } as const;
  const failed = await ee.env.deps.db.notification.create({ data: failedRow });
  await ee.env.deps.db.notification.create({ data: failedRow });
  const admin = chat(ee, await linkIdentity(ee.env, f.adminA));
  expect((await admin.say('deliveries retry'))[0]).not.toMatch(/^Sending/);
  expect(await ee.env.deps.db.notification.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'FAILED' });

  const owner = chat(ee, await linkIdentity(ee.env, f.ownerId));
  const [reply] = await owner.say('deliveries retry');
  expect(reply).toMatch(/^Sending \d+ failed deliveries again \(one more round of tries\)/);
  expect(await ee.env.deps.db.notification.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
    status: 'PENDING',
    retryRound: 6,
    failedAt: null,
  });
  expect(await owner.say('deliveries retry')).toEqual(['No failed deliveries to send again.']);
});
