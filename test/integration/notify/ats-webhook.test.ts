import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ATS_SIGNATURE_HEADER, verifyAtsSignature } from '../../../src/notify';
import { openNotifyEnv, submitCandidate, type NotifyEnv } from '../../support/notify';
import { SYSTEM_ACTOR } from '../../../src/services';
import { openTestEnv, seedFixture, unique, uniquePhone, type Fixture, type TestEnv } from '../../support/services';

/** The optional outbound webhook: signed with HMAC-SHA256, retried through 429 and 5xx, delivered once. */
let env: TestEnv;
let f: Fixture;
let n: NotifyEnv;
let server: Server;
const SECRET = 'test-secret-0123456789abcdef';
const answers: number[] = [];
const received: { headers: Record<string, string | string[] | undefined>; body: string; status: number }[] = [];

beforeAll(async () => {
  env = await openTestEnv();
  f = await seedFixture(env);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString(), status });
      if (status === 429) res.setHeader('retry-after', '0');
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/endorse`;
  n = await openNotifyEnv(env, { ats: { url, secret: SECRET } });
});
afterAll(async () => {
  await n.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await env.close();
});

test('an agency comment reaches the ATS once, signed, after a 429 and a 500', async () => {
  const ref = await submitCandidate(env, f.userA, f.campaignId);
  received.length = 0;
  answers.push(429, 500);
  await n.services.addComment(f.userA, ref, 'Candidate confirmed the interview.');
  await n.queue.idle();

  expect(received.map((r) => r.status)).toEqual([429, 500, 200]);
  const ok = received[2]!;
  expect(verifyAtsSignature(SECRET, String(ok.headers[ATS_SIGNATURE_HEADER]), ok.body, new Date())).toBe(true);
  expect(verifyAtsSignature('another-secret-0123456789', String(ok.headers[ATS_SIGNATURE_HEADER]), ok.body, new Date())).toBe(
    false,
  );
  expect(verifyAtsSignature(SECRET, String(ok.headers[ATS_SIGNATURE_HEADER]), `${ok.body} `, new Date())).toBe(false);
  const body = JSON.parse(ok.body) as { type: string; id: string; data: { candidateRef: number; body: string } };
  expect(body).toMatchObject({
    type: 'comment.created',
    data: { candidateRef: ref, body: 'Candidate confirmed the interview.' },
  });
  // The retries carried the same delivery id, so the ATS can drop repeats.
  expect(new Set(received.map((r) => r.headers['x-endorse-delivery']))).toEqual(new Set([body.id]));
});

test('a recruiter comment is not sent to the ATS (it came from there)', async () => {
  const ref = await submitCandidate(env, f.userA, f.campaignId);
  received.length = 0;
  await n.services.addComment(f.recruiterId, ref, 'From the ATS.');
  await n.queue.idle();
  expect(received).toHaveLength(0);
});

test('an agency submission of someone the ATS registered first is reported to the ATS: which agency, which record', async () => {
  const phone = uniquePhone();
  const externalId = unique('ats');
  await n.services.registerExternalCandidate(SYSTEM_ACTOR, {
    externalId,
    source: 'DIRECT',
    firstName: 'Dana',
    lastName: 'Direct',
    phone,
  });
  received.length = 0;
  const result = await n.services.submitCandidate(f.userB, {
    firstName: 'Dana',
    lastName: 'Agency',
    phone,
    email: `${unique('dana')}@example.com`,
    campaignId: f.campaignId,
    channel: 'WEB',
  });
  await n.queue.idle();

  expect(result.outcome).toBe('ALREADY_IN_SYSTEM');
  expect(received).toHaveLength(1);
  const agency = await env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyB } });
  const campaign = await env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } });
  expect(JSON.parse(received[0]!.body)).toMatchObject({
    type: 'candidate.already_in_system',
    data: {
      submissionId: result.outcome === 'ALREADY_IN_SYSTEM' ? result.submissionId : '',
      externalId,
      source: 'direct',
      agency: agency.name,
      campaign: campaign.name,
    },
  });
});
