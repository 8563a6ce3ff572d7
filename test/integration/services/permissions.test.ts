import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase } from '../../../src/db/database';
import { migrate } from '../../../src/db/migrate';
import type { Role } from '../../../src/domain/permissions';
import type { Services } from '../../../src/services';
import { openTestEnv, unique, uniquePhone, type TestEnv } from '../../support/services';

// Creating databases and fixtures can be slow on a loaded machine; this bounds hooks, it times nothing.
jest.setTimeout(60_000);

/**
 * Must-show 5 (issue 2): every permission-checked service call × actor case × own/other agency
 * target, asserting allowed or denied, and that a denied call changes nothing at all.
 *
 * Left out on purpose, because they are identity plumbing rather than permission-checked use
 * cases: resolveIdentity and updateAddress (the engine resolves who is talking before any check),
 * redeemInvitation (the invitee has no access yet; the token is the credential, tested in
 * invitations.test.ts), findUserId and findAgencyId (name → id look-ups; the call that uses the id
 * checks the permission). The engine's own plumbing takes no actor either and is left out for the
 * same reason: conversation state and processed events (loadConversation, saveConversation,
 * openEvent, findCandidateRefByMessage), uploaded files (storeFile, readFile,
 * deleteUnusedFile), the demo web sign-in (bindDemoWebIdentity), the REST API's key check
 * (authenticateApiKey), pruning of handled event ids, marking an identity unreachable and the
 * Slack installation store (slackInstallations).
 *
 * The file runs on its own freshly migrated database so that "changes nothing" can be proved by a
 * content hash of every table, which test files running in parallel would otherwise disturb.
 */

// ---------------------------------------------------------------------------------------------
// Actor cases: the four roles, each role disabled, and the agency roles of a disabled agency.

interface ActorCase {
  role: Role;
  userDisabled?: boolean;
  agencyDisabled?: boolean;
}
const ACTORS = {
  owner: { role: 'OWNER' },
  admin: { role: 'AGENCY_ADMIN' },
  user: { role: 'AGENCY_USER' },
  recruiter: { role: 'RECRUITER' },
  'disabled owner': { role: 'OWNER', userDisabled: true },
  'disabled admin': { role: 'AGENCY_ADMIN', userDisabled: true },
  'disabled user': { role: 'AGENCY_USER', userDisabled: true },
  'disabled recruiter': { role: 'RECRUITER', userDisabled: true },
  'admin of a disabled agency': { role: 'AGENCY_ADMIN', agencyDisabled: true },
  'user of a disabled agency': { role: 'AGENCY_USER', agencyDisabled: true },
} satisfies Record<string, ActorCase>;
type ActorName = keyof typeof ACTORS;
const ACTIVE_ACTORS = ['owner', 'admin', 'user', 'recruiter'] as const;
const INACTIVE_ACTORS = Object.keys(ACTORS).filter((a) => !(ACTIVE_ACTORS as readonly string[]).includes(a)) as ActorName[];

// ---------------------------------------------------------------------------------------------
// A fresh world per case: the actor's agency ("own", agency A) and another one (agency B).

interface World {
  actorId: string;
  agencyA: string;
  agencyB: string;
  campaignId: string;
  recruiterId: string;
  /** AGENCY_USERs: a colleague of the actor in agency A, one in agency B, and disabled ones. */
  userA: string;
  userB: string;
  disabledUserA: string;
  disabledUserB: string;
  /** Candidate refs: submitted by the actor, by the colleague in A, by the user in B. */
  mineRef: number | null;
  ownRef: number;
  otherRef: number;
  /** An API key to revoke. */
  apiKeyId: string;
  /** DUPLICATE submissions (their S-references): agency A's of B's candidate, and B's of A's. */
  ownDuplicate: string;
  otherDuplicate: string;
  /** An open dispute (agency B's, with an evidence file) in the campaign. */
  disputeId: string;
}

let env: TestEnv;
const admin = { url: '', dbName: '', previousUrl: '' };

async function user(role: Role, agencyId: string | null, status: 'ACTIVE' | 'DISABLED' = 'ACTIVE'): Promise<string> {
  const row = await env.deps.db.user.create({
    data: { email: `${unique(role.toLowerCase())}@example.test`, name: unique('name'), role, agencyId, status },
    select: { id: true },
  });
  return row.id;
}

// Every candidate has a resume, so fetching the original file is allowed or denied, not absent.
const resumeFile = () =>
  env.deps.db.storedFile.create({
    data: { filename: 'cv.pdf', contentType: 'application/pdf', size: 8, sha256: '0'.repeat(64), data: Buffer.from('%PDF-1.4') },
    select: { id: true },
  });

async function candidate(agencyId: string, submittedById: string, campaignId: string): Promise<number> {
  const row = await env.deps.db.candidate.create({
    data: {
      firstName: 'Jane',
      lastName: 'Doe',
      phone: uniquePhone(),
      email: `${unique('cand')}@example.com`,
      channel: 'WEB',
      agencyId,
      submittedById,
      campaignId,
      submittedAt: env.clock.now(),
      resumeFileId: (await resumeFile()).id,
    },
    select: { ref: true },
  });
  return row.ref;
}

async function world(actorCase: ActorCase): Promise<World> {
  const db = env.deps.db;
  const [agencyA, agencyB, campaignId] = await Promise.all([
    db.agency.create({ data: { name: unique('Agency A'), country: 'PH' }, select: { id: true } }).then((r) => r.id),
    db.agency.create({ data: { name: unique('Agency B'), country: 'US' }, select: { id: true } }).then((r) => r.id),
    db.campaign.create({ data: { name: unique('Campaign') }, select: { id: true } }).then((r) => r.id),
  ]);
  const agencyRole = actorCase.role === 'AGENCY_ADMIN' || actorCase.role === 'AGENCY_USER';
  const [actorId, recruiterId, userA, userB, disabledUserA, disabledUserB] = await Promise.all([
    user(actorCase.role, agencyRole ? agencyA : null, actorCase.userDisabled ? 'DISABLED' : 'ACTIVE'),
    user('RECRUITER', null),
    user('AGENCY_USER', agencyA),
    user('AGENCY_USER', agencyB),
    user('AGENCY_USER', agencyA, 'DISABLED'),
    user('AGENCY_USER', agencyB, 'DISABLED'),
  ]);
  const [mineRef, ownRef, otherRef] = await Promise.all([
    agencyRole ? candidate(agencyA, actorId, campaignId) : null,
    candidate(agencyA, userA, campaignId),
    candidate(agencyB, userB, campaignId),
  ]);
  // A recruiter actor recruits for the campaign (they decide its disputes).
  if (actorCase.role === 'RECRUITER') await db.campaignRecruiter.create({ data: { campaignId, userId: actorId } });
  const duplicate = async (of: number, agencyId: string, submittedById: string) => {
    const c = await db.candidate.findUniqueOrThrow({ where: { ref: of } });
    const row = await db.submission.create({
      data: {
        candidateId: c.id,
        agencyId,
        submittedById,
        campaignId,
        firstName: c.firstName,
        lastName: c.lastName,
        phone: c.phone,
        email: c.email,
        outcome: 'DUPLICATE',
        channel: 'WEB',
      },
      select: { id: true, candidateId: true },
    });
    return { ref: `S-${row.id.slice(0, 8)}`, id: row.id, candidateId: row.candidateId };
  };
  const [ownDuplicate, otherDuplicate] = await Promise.all([
    duplicate(otherRef, agencyA, userA),
    duplicate(ownRef, agencyB, userB),
  ]);
  const dispute = await db.dispute.create({
    data: {
      outcome: 'DUPLICATE',
      submissionId: otherDuplicate.id,
      candidateId: otherDuplicate.candidateId ?? '',
      agencyId: agencyB,
      openedById: userB,
      campaignId,
      ownerAgencyId: agencyA,
      reason: 'We were first.',
      evidenceFileId: (await resumeFile()).id,
      openKey: `submission:${otherDuplicate.id}`,
    },
    select: { id: true },
  });
  if (actorCase.agencyDisabled) await db.agency.update({ where: { id: agencyA }, data: { status: 'DISABLED' } });
  const apiKey = await db.apiKey.create({
    data: { name: unique('key'), prefix: 'ek_test', keyHash: unique('hash'), scope: 'RECRUITER' },
    select: { id: true },
  });
  return {
    ownDuplicate: ownDuplicate.ref,
    otherDuplicate: otherDuplicate.ref,
    disputeId: dispute.id,
    apiKeyId: apiKey.id,
    actorId,
    agencyA,
    agencyB,
    campaignId,
    recruiterId,
    userA,
    userB,
    disabledUserA,
    disabledUserB,
    mineRef,
    ownRef,
    otherRef,
  };
}

// ---------------------------------------------------------------------------------------------
// The calls. Target "-" means the call has no agency-scoped target; "mine" is the actor's own
// submission (agency roles only).

type Target = '-' | 'mine' | 'own' | 'other';
type Call = (s: Services, w: World) => Promise<unknown>;
const pick = <T>(target: Target, own: T, other: T): T => (target === 'other' ? other : own);
const ref = (w: World, target: Target): number =>
  target === 'mine' ? (w.mineRef as number) : pick(target, w.ownRef, w.otherRef);

const CALLS = {
  submitCandidate: () => (s, w) =>
    s.submitCandidate(w.actorId, {
      firstName: 'Juan',
      lastName: 'Cruz',
      phone: uniquePhone(),
      email: `${unique('juan')}@example.com`,
      campaignId: w.campaignId,
      channel: 'WEB',
    }),
  'listDashboard mine': () => (s, w) => s.listDashboard(w.actorId, { view: 'mine' }),
  'listDashboard pool': (t) => (s, w) => s.listDashboard(w.actorId, { view: 'pool', agencyId: pick(t, w.agencyA, w.agencyB) }),
  'listDashboard campaigns': () => (s, w) => s.listDashboard(w.actorId, { view: 'campaigns' }),
  getCandidateProfile: (t) => (s, w) => s.getCandidateProfile(w.actorId, ref(w, t)),
  addComment: (t) => (s, w) => s.addComment(w.actorId, ref(w, t), 'Please call back.'),
  changeStage: (t) => (s, w) => s.changeStage(w.actorId, ref(w, t), 'SCREENING'),
  listUsers: (t) => (s, w) => s.listUsers(w.actorId, { agencyId: pick(t, w.agencyA, w.agencyB) }),
  getUser: (t) => (s, w) => s.getUser(w.actorId, pick(t, w.userA, w.userB)),
  renameUser: (t) => (s, w) => s.renameUser(w.actorId, pick(t, w.userA, w.userB), 'Renamed Person'),
  disableUser: (t) => (s, w) => s.disableUser(w.actorId, pick(t, w.userA, w.userB)),
  enableUser: (t) => (s, w) => s.enableUser(w.actorId, pick(t, w.disabledUserA, w.disabledUserB)),
  createAgency: () => (s, w) => s.createAgency(w.actorId, { name: unique('New agency'), country: 'PH' }),
  listAgencies: () => (s, w) => s.listAgencies(w.actorId),
  setAgencyStatus: (t) => (s, w) => s.setAgencyStatus(w.actorId, pick(t, w.agencyA, w.agencyB), 'DISABLED'),
  listCampaigns: () => (s, w) => s.listCampaigns(w.actorId),
  createCampaign: () => (s, w) => s.createCampaign(w.actorId, { name: unique('New campaign') }),
  setCampaignStatus: () => (s, w) => s.setCampaignStatus(w.actorId, w.campaignId, 'CLOSED'),
  setCampaignAgencies: () => (s, w) => s.setCampaignAgencies(w.actorId, w.campaignId, [w.agencyA]),
  assignRecruiter: () => (s, w) => s.assignRecruiter(w.actorId, w.campaignId, w.recruiterId),
  listDuplicateRules: () => (s, w) => s.listDuplicateRules(w.actorId),
  setDuplicateRule: () => (s, w) =>
    s.setDuplicateRule(w.actorId, w.campaignId, { windowMonths: 3, matchOn: 'PHONE', crossAgency: 'BLOCK', sameAgency: 'FLAG' }),
  createInvitation: (t) => (s, w) =>
    s.createInvitation(w.actorId, {
      email: `${unique('invitee')}@example.com`,
      role: 'AGENCY_USER',
      agencyId: pick(t, w.agencyA, w.agencyB),
    }),
  listAuditLog: () => (s, w) => s.listAuditLog(w.actorId),
  getCandidateResume: (t) => (s, w) => s.getCandidateResume(w.actorId, ref(w, t)),
  listDeliveries: () => (s, w) => s.listDeliveries(w.actorId, { status: 'failed' }),
  retryDeliveries: () => (s, w) => s.retryDeliveries(w.actorId, { ids: ['no-such-delivery'] }),
  createApiKey: () => (s, w) => s.createApiKey(w.actorId, { name: unique('ats'), scope: 'RECRUITER' }),
  listApiKeys: () => (s, w) => s.listApiKeys(w.actorId),
  revokeApiKey: () => (s, w) => s.revokeApiKey(w.actorId, w.apiKeyId),
  setOwnName: () => (s, w) => s.setOwnName(w.actorId, 'Self Named'),
  registerExternalCandidate: () => (s, w) =>
    s.registerExternalCandidate(w.actorId, {
      externalId: unique('ats'),
      source: 'DIRECT',
      firstName: 'Dana',
      lastName: 'Direct',
      phone: uniquePhone(),
    }),
  checkDisputable: (t) => (s, w) => s.checkDisputable(w.actorId, pick(t, w.ownDuplicate, w.otherDuplicate)),
  openDispute: (t) => (s, w) =>
    s.openDispute(w.actorId, { submissionRef: pick(t, w.ownDuplicate, w.otherDuplicate), reason: 'We introduced them first.' }),
  decideDispute: () => (s, w) => s.decideDispute(w.actorId, { dispute: w.disputeId, decision: 'uphold', reason: 'A was first.' }),
  listDisputes: () => (s, w) => s.listDisputes(w.actorId),
  getDispute: () => (s, w) => s.getDispute(w.actorId, w.disputeId),
  getDisputeEvidence: () => (s, w) => s.getDisputeEvidence(w.actorId, w.disputeId),
} satisfies Record<string, (target: Target) => Call>;

// ---------------------------------------------------------------------------------------------
// The table: one row per (call, target) with the verdict of each active role. A = allowed,
// D = denied, '' = not applicable (an owner or recruiter has no submissions of their own).
// Every inactive actor case (disabled user of each role, admin / user of a disabled agency) is
// denied every call: those rows are generated below from the same (call, target) list.

const A = 'allowed';
const D = 'denied';
type Verdict = typeof A | typeof D;
type Row = [
  call: keyof typeof CALLS,
  target: Target,
  owner: Verdict | '',
  admin: Verdict,
  user: Verdict,
  recruiter: Verdict | '',
];

// prettier-ignore
const TABLE: Row[] = [
  //  call                    target   owner admin user recruiter
  ['submitCandidate',        '-',     D,    A,    A,    D],
  ['listDashboard mine',     '-',     A,    A,    A,    A],
  ['listDashboard pool',     'own',   A,    A,    D,    D],
  ['listDashboard pool',     'other', A,    D,    D,    D],
  ['listDashboard campaigns', '-',    A,    D,    D,    A],
  ['getCandidateProfile',    'mine',  '',   A,    A,    ''],
  ['getCandidateProfile',    'own',   A,    A,    D,    A],
  ['getCandidateProfile',    'other', A,    D,    D,    A],
  ['addComment',             'mine',  '',   A,    A,    ''],
  ['addComment',             'own',   A,    A,    D,    A],
  ['addComment',             'other', A,    D,    D,    A],
  ['changeStage',            'mine',  '',   D,    D,    ''],
  ['changeStage',            'own',   A,    D,    D,    A],
  ['changeStage',            'other', A,    D,    D,    A],
  ['listUsers',              'own',   A,    A,    D,    D],
  ['listUsers',              'other', A,    D,    D,    D],
  ['getUser',                'own',   A,    A,    D,    D],
  ['getUser',                'other', A,    D,    D,    D],
  ['renameUser',             'own',   A,    A,    D,    D],
  ['renameUser',             'other', A,    D,    D,    D],
  ['disableUser',            'own',   A,    A,    D,    D],
  ['disableUser',            'other', A,    D,    D,    D],
  ['enableUser',             'own',   A,    A,    D,    D],
  ['enableUser',             'other', A,    D,    D,    D],
  ['createAgency',           '-',     A,    D,    D,    D],
  ['listAgencies',           '-',     A,    D,    D,    D],
  ['setAgencyStatus',        'own',   A,    D,    D,    D],
  ['setAgencyStatus',        'other', A,    D,    D,    D],
  ['listCampaigns',          '-',     A,    A,    A,    A],
  ['createCampaign',         '-',     A,    D,    D,    D],
  ['setCampaignStatus',      '-',     A,    D,    D,    D],
  ['setCampaignAgencies',    '-',     A,    D,    D,    D],
  ['assignRecruiter',        '-',     A,    D,    D,    D],
  ['setDuplicateRule',       '-',     A,    D,    D,    D],
  ['listDuplicateRules',     '-',     A,    D,    D,    D],
  ['createInvitation',       'own',   A,    A,    D,    D],
  ['createInvitation',       'other', A,    D,    D,    D],
  ['listAuditLog',           '-',     A,    D,    D,    D],
  ['getCandidateResume',     'mine',  '',   A,    A,    ''],
  ['getCandidateResume',     'own',   A,    A,    D,    A],
  ['getCandidateResume',     'other', A,    D,    D,    A],
  ['listDeliveries',         '-',     A,    D,    D,    D],
  ['retryDeliveries',        '-',     A,    D,    D,    D],
  ['createApiKey',           '-',     A,    D,    D,    D],
  ['listApiKeys',            '-',     A,    D,    D,    D],
  ['revokeApiKey',           '-',     A,    D,    D,    D],
  ['setOwnName',             '-',     A,    A,    A,    A],
  ['registerExternalCandidate', '-',  A,    D,    D,    A],
  ['checkDisputable',        'own',   D,    A,    A,    D],
  ['checkDisputable',        'other', D,    D,    D,    D],
  ['openDispute',            'own',   D,    A,    A,    D],
  ['openDispute',            'other', D,    D,    D,    D],
  ['decideDispute',          '-',     A,    D,    D,    A],
  ['listDisputes',           '-',     A,    D,    D,    A],
  ['getDispute',             '-',     A,    D,    D,    A],
  ['getDisputeEvidence',     '-',     A,    D,    D,    A],
];

interface Case {
  call: keyof typeof CALLS;
  target: Target;
  actor: ActorName;
  verdict: Verdict;
}
const CASES: Case[] = TABLE.flatMap(([call, target, ...verdicts]) => {
  const applicable = ACTIVE_ACTORS.flatMap((actor, i): Case[] => {
    const verdict = verdicts[i];
    return verdict ? [{ call, target, actor, verdict }] : [];
  });
  const inactive = INACTIVE_ACTORS.filter(
    (actor) => target !== 'mine' || ['AGENCY_ADMIN', 'AGENCY_USER'].includes(ACTORS[actor].role),
  ).map((actor): Case => ({ call, target, actor, verdict: D }));
  return [...applicable, ...inactive];
});

// ---------------------------------------------------------------------------------------------

/** Row count and a content hash of every table: any write anywhere changes it. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await env.database.sql.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const rows = await env.database.sql.query<{ t: string; n: number; h: string }>(
    tables
      .map(
        ({ tablename }) =>
          `SELECT '${tablename}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${tablename}" x`,
      )
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n} rows, ${r.h}`]));
}

beforeAll(async () => {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is unset: run this test through jest.');
  admin.previousUrl = base;
  admin.dbName = `endorse_perm_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const server = new URL(base);
  server.pathname = '/postgres';
  admin.url = server.toString();
  const client = new Client({ connectionString: admin.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${admin.dbName}`);
  await client.end();
  const own = new URL(base);
  own.pathname = `/${admin.dbName}`;
  const db = await openDatabase({ databaseUrl: own.toString(), dataDir: '' });
  await migrate(db.sql);
  await db.close();
  process.env.TEST_DATABASE_URL = own.toString();
  env = await openTestEnv();
});

afterAll(async () => {
  await env?.close();
  process.env.TEST_DATABASE_URL = admin.previousUrl;
  if (!admin.dbName) return;
  const client = new Client({ connectionString: admin.url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${admin.dbName} WITH (FORCE)`);
  await client.end();
});

test('the table covers every permission-checked call of createServices', () => {
  // Everything that takes no actor (see the comment at the top); a new call with an actor must be
  // added to the table.
  const plumbing = [
    'deps',
    'resolveIdentity',
    'updateAddress',
    'redeemInvitation',
    // The invitation page's look-up: the token is the credential, as for redemption.
    'describeInvitation',
    'findUserId',
    'findAgencyId',
    'loadConversation',
    'saveConversation',
    'openEvent',
    'findCandidateRefByMessage',
    'storeFile',
    'readFile',
    'deleteUnusedFile',
    'bindDemoWebIdentity',
    // The REST API's key check (the key is the credential), the pruning of handled event ids and
    // the platforms' "this user blocked us" signal: system plumbing, no actor.
    'authenticateApiKey',
    'pruneProcessedEvents',
    'markIdentityUnreachable',
    'slackInstallations',
    // The engine reads and sets the language of the user who is writing (their own, never another's).
    'getUserLanguage',
    'setUserLanguage',
    // Likewise the daily digest's on / off of the user who is writing (issue 19).
    'getDigestSettings',
    'setDigestEnabled',
    // The country the resume job reads a code-less phone with, for the user whose resume it is.
    'phoneCountryFor',
    // The web chat's own state, keyed by the session id its signed cookie carries (the credential;
    // the engine checks the user on every event), and Telegram's content-addressed button payloads.
    'openWebSession',
    'checkWebSession',
    'revokeWebSession',
    'putWebEntry',
    'replaceWebEntry',
    'webHistory',
    'createWebUpload',
    'findWebUpload',
    'readWebUpload',
    'webUploadUsage',
    'pruneWebChat',
    'saveButtonPayloads',
    'findButtonPayload',
    'pruneButtonPayloads',
  ];
  const inTable = [...new Set(TABLE.map(([call]) => call.split(' ')[0]))].sort();
  expect(inTable).toEqual(
    Object.keys(env.services)
      .filter((k) => !plumbing.includes(k))
      .sort(),
  );
});

test.each(CASES)('$call ($target target) by $actor: $verdict', async ({ call, target, actor, verdict }) => {
  const w = await world(ACTORS[actor]);
  const run = CALLS[call](target);
  if (verdict === A) {
    await run(env.services, w); // throws, and so fails the test, if refused
    return;
  }
  const before = await snapshot();
  // One candidate or user outside an active actor's scope reads as missing (issue 14: no
  // existence oracle); every other refusal, and every refusal of an inactive actor, is FORBIDDEN.
  const hidden = HIDDEN_WHEN_OUT_OF_SCOPE.includes(call) && (ACTIVE_ACTORS as readonly string[]).includes(actor);
  const error = await run(env.services, w).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject(
    hidden && (error as { code?: string } | null)?.code === 'NOT_FOUND'
      ? { name: 'NotFoundError', code: 'NOT_FOUND' }
      : { name: 'ForbiddenError', code: 'FORBIDDEN' },
  );
  expect(await snapshot()).toEqual(before);
});

/** Calls on one candidate or user: out of scope, they answer as for one that does not exist. */
const HIDDEN_WHEN_OUT_OF_SCOPE: readonly string[] = [
  // Another agency's submission reads as one that does not exist (issue 19).
  'checkDisputable',
  'openDispute',
  'getCandidateProfile',
  'addComment',
  'getCandidateResume',
  'getUser',
  'renameUser',
  'disableUser',
  'enableUser',
];
