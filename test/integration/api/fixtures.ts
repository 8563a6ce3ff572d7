import { apiRoutes, type ApiRoute } from '../../../src/http/api';
import { startApi, createApiKeys, type ApiKeys, type ApiServer } from '../../support/api';
import { openNotifyEnv, submitCandidate, type NotifyEnv } from '../../support/notify';
import { openTestEnv, seedFixture, unique, uniquePhone, type Fixture, type TestEnv } from '../../support/services';

/** One API over the notifying services, a seeded fixture, and keys of every kind. */
export interface ApiWorld {
  env: TestEnv;
  f: Fixture;
  n: NotifyEnv;
  api: ApiServer;
  keys: ApiKeys;
  recruiterEmail: string;
  close(): Promise<void>;
}

export async function openApiWorld(): Promise<ApiWorld> {
  const env = await openTestEnv();
  const f = await seedFixture(env);
  const n = await openNotifyEnv(env);
  const api = await startApi(env, n);
  const recruiterEmail = (await env.deps.db.user.findUniqueOrThrow({ where: { id: f.recruiterId } })).email;
  const keys = await createApiKeys(env, recruiterEmail);
  return {
    env,
    f,
    n,
    api,
    keys,
    recruiterEmail,
    async close() {
      await api.close();
      await n.close();
      await env.close();
    },
  };
}

/** A concrete, valid request for each operation: the path filled in and a body that passes. */
export async function sampleRequest(w: ApiWorld, route: ApiRoute): Promise<{ path: string; body?: unknown }> {
  const ref = await submitCandidate(w.env, w.f.userA, w.f.campaignId);
  const id = route.path.startsWith('/disputes/') ? await openSampleDispute(w) : w.f.campaignId;
  const path = route.path.replace('{ref}', `C-${ref}`).replace('{id}', id).replace('{scope}', 'global');
  const bodies: Record<string, unknown> = {
    addComment: { body: 'Sample comment', authorEmail: w.recruiterEmail },
    changeStage: { stage: 'SCREENING', authorEmail: w.recruiterEmail },
    createCampaign: { name: unique('API campaign') },
    updateCampaign: { status: 'OPEN' },
    assignRecruiter: { email: w.recruiterEmail },
    setDuplicateRule: { windowMonths: 6, matchOn: 'EITHER', crossAgency: 'FLAG', sameAgency: 'FLAG' },
    retryDeliveries: { ids: ['no-such-delivery'] },
    registerCandidate: {
      externalId: unique('ats'),
      source: 'direct',
      firstName: 'Dana',
      lastName: 'Direct',
      email: `${unique('dana')}@example.com`,
    },
    decideDispute: { decision: 'uphold', reason: 'Agency A submitted first.', authorEmail: w.recruiterEmail },
  };
  return { path, body: bodies[route.operationId] };
}

export const routesNeeding = (scope: 'OWNER' | 'RECRUITER') => apiRoutes.filter((r) => !r.scopes.includes(scope));

/** A person agency A added and agency B submitted again (DUPLICATE), disputed by B with a PDF as evidence. */
export async function openSampleDispute(w: ApiWorld): Promise<string> {
  const person = {
    firstName: 'Dina',
    lastName: unique('Disputed'),
    phone: uniquePhone(),
    email: `${unique('dina')}@example.com`,
  };
  const common = { ...person, campaignId: w.f.campaignId, channel: 'WEB' as const };
  await w.env.services.submitCandidate(w.f.userA, common);
  const duplicate = await w.env.services.submitCandidate(w.f.userB, common);
  if (duplicate.outcome !== 'DUPLICATE') throw new Error(`expected DUPLICATE, got ${duplicate.outcome}`);
  const file = await w.env.services.storeFile({
    filename: 'email-thread.pdf',
    contentType: 'application/pdf',
    data: Buffer.from('%PDF-1.4 evidence'),
  });
  const opened = await w.env.services.openDispute(w.f.userB, {
    submissionRef: `S-${duplicate.submissionId.slice(0, 8)}`,
    reason: 'We introduced her to the employer first.',
    evidenceFileId: file.id,
  });
  // Set-up, not an event: no notification of it.
  if (opened.outboxEventId)
    await w.env.deps.db.outboxEvent.update({ where: { id: opened.outboxEventId }, data: { processedAt: new Date() } });
  return opened.disputeId;
}
