import { ChannelError } from '../../../src/engine/channel';
import { linkChat, submitCandidate } from '../../support/notify';
import { createUser } from '../../support/services';
import { openApiWorld, type ApiWorld } from './fixtures';

/** Issue 16: `POST /api/v1/deliveries/retry` sends FAILED deliveries again (owner keys only). */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(() => w.close());

test('an owner key sends a FAILED delivery again; a recruiter key may not', async () => {
  const userId = await createUser(w.env, 'AGENCY_USER', w.f.agencyA, 'apiretry');
  await linkChat(w.env, userId, 'WEB');
  const ref = await submitCandidate(w.env, userId, w.f.campaignId);
  w.n.web.failAlways(new ChannelError('UNREACHABLE', '503 Service Unavailable'));
  try {
    await w.n.services.changeStage(w.f.recruiterId, ref, 'SCREENING');
    await w.n.queue.idle();
  } finally {
    w.n.web.failAlways(null);
  }
  const row = await w.env.deps.db.notification.findFirstOrThrow({ where: { candidate: { ref } } });
  expect(row.status).toBe('FAILED');

  const refused = await w.api.call('post', '/deliveries/retry', { key: w.keys.recruiter, body: { ids: [row.id] } });
  expect(refused.status).toBe(403);
  const sentBefore = w.n.web.sent.length;
  const response = await w.api.call('post', '/deliveries/retry', { key: w.keys.owner, body: { ids: [row.id] } });
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({ retried: 1, ids: [row.id] });
  await w.n.queue.idle();
  expect(w.n.web.sent.length).toBe(sentBefore + 1);
  expect(await w.env.deps.db.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT' });
});
