import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { es } from '../../src/i18n/es';
import { fil } from '../../src/i18n/fil';
import { ptBR } from '../../src/i18n/pt-BR';
import { SYSTEM_ACTOR } from '../../src/services';
import {
  openTestEnv,
  seedFixture,
  unique,
  uniquePhone,
  type Fixture,
  type TestEnv,
  dropDisputeNotifications,
} from '../support/services';
import { startApp, type RunningApp } from './support/app';
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from './support/fake-bot-connector';
import {
  fileActivity,
  installActivity,
  invokeActivity,
  newPerson,
  submitActivity,
  textActivity,
  type Activity,
  type TeamsPerson,
} from './support/teams-activities';

/**
 * Must-show 1 and 2 (issue 7): real-format Bot Framework activities posted to /api/messages of the
 * running app in local (Emulator) mode, with a local fake Bot Connector as the serviceUrl recording
 * every reply; and a second app with MICROSOFT_APP_ID set, whose JWT check refuses what is unsigned.
 */
jest.setTimeout(120_000);

const RESUME = readFileSync(path.resolve(__dirname, '../../../shared/fixtures/resumes/rendercv__John_Doe_ClassicTheme_CV.pdf'));
const TENANT_A = randomUUID();
const TENANT_B = randomUUID();

let fake: FakeBotConnector;
let app: RunningApp;
let env: TestEnv;
let f: Fixture;
let campaignName: string;

beforeAll(async () => {
  fake = await startFakeBotConnector();
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is unset: run through jest (globalSetup).');
  app = await startApp({ DATABASE_URL: databaseUrl, DEMO_SEED: 'off', WEB_CHAT_ENABLED: 'false', TEAMS_ENABLED: 'true' });
  env = await openTestEnv();
  f = await seedFixture(env);
  campaignName = (await env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
});

afterAll(async () => {
  await app?.stop();
  // The dispute test's announcements to other suites' owners, unfinished: not for their sweepers.
  if (env) await dropDisputeNotifications(env);
  await env?.close();
  await fake?.close();
});

function post(activity: Activity | string, base = app.baseUrl, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}

/** Posts an activity and returns the connector calls it caused (the route answers after the turn). */
/**
 * The replies to `activity` in its own conversation. A notification job may deliver to another
 * conversation meanwhile (the dispute's notice to the owner, a comment's to the agency's admin),
 * and with a fast job it can land before the reply.
 */
async function exchange(activity: Activity): Promise<ConnectorCall[]> {
  const before = fake.calls.length;
  const res = await post(activity);
  expect(res.status).toBe(200);
  const conversationId = (activity.conversation as { id?: string } | undefined)?.id;
  return fake.calls.slice(before).filter((c) => c.status === 200 && c.conversationId === conversationId);
}

type Card = { body: CardElement[]; actions?: CardAction[]; version: string };
type CardElement = {
  type: string;
  text?: string;
  id?: string;
  actions?: CardAction[];
  choices?: { title: string; value: string }[];
};
type CardAction = { type: string; title: string; data: Record<string, string> };

function cardOf(call: ConnectorCall | undefined): Card {
  const attachments = call?.body.attachments as { contentType: string; content: Card }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no adaptive card in ${JSON.stringify(call?.body)}`);
  return card;
}

const textOf = (call: ConnectorCall | undefined): string =>
  typeof call?.body.text === 'string' ? call.body.text : JSON.stringify(call ? cardOf(call).body : null);

function allActions(card: Card): CardAction[] {
  return [...(card.actions ?? []), ...card.body.flatMap((e) => e.actions ?? [])];
}

function button(call: ConnectorCall | undefined, label: string | RegExp): Record<string, string> {
  const action = allActions(cardOf(call)).find((a) => (typeof label === 'string' ? a.title === label : label.test(a.title)));
  if (!action) throw new Error(`no button ${String(label)} in ${JSON.stringify(cardOf(call))}`);
  return action.data;
}

async function linkPerson(userId: string, person: TeamsPerson): Promise<void> {
  await env.deps.db.chatIdentity.create({
    data: { userId, platform: 'TEAMS', workspaceId: person.tenantId, platformUserId: person.aadObjectId },
  });
}

/** `submit` → the form card → filled in → the summary card (with Confirm). */
async function submitThroughForm(person: TeamsPerson, phone: string, email: string): Promise<ConnectorCall> {
  const [form] = await exchange(textActivity(person, fake.serviceUrl, 'submit'));
  const card = cardOf(form);
  expect(card.version).toBe('1.5');
  const inputs = card.body.filter((e) => e.type.startsWith('Input.'));
  expect(inputs.map((e) => `${e.type}:${e.id}`)).toEqual([
    'Input.Text:firstName',
    'Input.Text:lastName',
    'Input.Text:phone',
    'Input.Text:email',
    'Input.ChoiceSet:campaign',
  ]);
  const campaign = inputs.at(-1)?.choices?.find((c) => c.title === campaignName);
  if (!campaign) throw new Error('the fixture campaign is not offered');
  const values = {
    ...(card.actions?.[0]?.data ?? {}),
    firstName: 'Jane',
    lastName: 'Dela Cruz',
    phone,
    email,
    campaign: campaign.value,
  };
  const summary = await exchange(submitActivity(person, fake.serviceUrl, values, form?.id ?? ''));
  expect(summary).toHaveLength(1);
  expect(textOf(summary[0])).toContain(
    email
      .replace(/([_.-])/g, '\\$1')
      .split('@')[0]
      ?.slice(0, 3) ?? '',
  );
  return summary[0] as ConnectorCall;
}

async function confirm(person: TeamsPerson, summary: ConnectorCall): Promise<ConnectorCall[]> {
  return exchange(submitActivity(person, fake.serviceUrl, button(summary, 'Confirm'), summary.id ?? ''));
}

describe('Teams /api/messages (local mode)', () => {
  it('welcomes an install, stores the conversation reference, and answers a stranger politely', async () => {
    const stranger = newPerson(TENANT_A);
    const polite = await exchange(installActivity(stranger, fake.serviceUrl));
    expect(polite).toHaveLength(1);
    expect(textOf(polite[0])).toMatch(/invitation/i);
    expect(polite[0]?.conversationId).toBe(stranger.conversationId);

    const person = newPerson(TENANT_A);
    await linkPerson(f.userA, person);
    const welcome = await exchange(installActivity(person, fake.serviceUrl));
    expect(welcome).toHaveLength(1);
    const identity = await env.deps.db.chatIdentity.findFirstOrThrow({
      where: { platform: 'TEAMS', platformUserId: person.aadObjectId },
    });
    expect(identity.address).toMatchObject({
      serviceUrl: fake.serviceUrl,
      channelId: 'msteams',
      conversation: { id: person.conversationId, tenantId: TENANT_A },
      user: { id: person.id, aadObjectId: person.aadObjectId },
    });
  });

  it('answers a message as a reply to that activity (replyToId), while proactive messages answer nothing', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA, person);
    const activity = textActivity(person, fake.serviceUrl, 'help');
    const [reply] = await exchange(activity);
    expect(reply?.replyToId).toBe(activity.id);
  });

  it('redeems an invitation with `link <token>` (mention stripped) and binds the tenant identity', async () => {
    const email = `${unique('invitee')}@example.test`;
    const invitation = await env.services.createInvitation(SYSTEM_ACTOR, {
      email,
      role: 'AGENCY_USER',
      agencyId: f.agencyA,
      name: 'Tess Teams',
    });
    const person = newPerson(TENANT_A);
    const welcome = await exchange(textActivity(person, fake.serviceUrl, `<at>Endorse</at> link ${invitation.token}`));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.body).toMatchObject({ type: 'message' });
    expect(textOf(welcome[0])).toContain('Welcome to Endorse, Tess Teams!');
    // First contact: the activity's locale is kept, and the other languages are one tap away.
    expect(textOf(welcome[0])).toContain('I will answer in English.');
    const identity = await env.deps.db.chatIdentity.findFirstOrThrow({
      where: { platform: 'TEAMS', workspaceId: TENANT_A, platformUserId: person.aadObjectId },
    });
    expect(identity.userId).toBe(invitation.userId);
    expect(identity.address).toMatchObject({ serviceUrl: fake.serviceUrl, conversation: { id: person.conversationId } });
  });

  it.each([
    ['es-MX', es, 'Español'],
    ['pt-BR', ptBR, 'Português (Brasil)'],
    ['fil-PH', fil, 'Filipino'],
  ])('speaks the language of the activity’s locale (%s) from the invitation on, and keeps it', async (locale, c, name) => {
    const invitation = await env.services.createInvitation(SYSTEM_ACTOR, {
      email: `${unique('invitee')}@example.test`,
      role: 'AGENCY_USER',
      agencyId: f.agencyA,
      name: 'Tomás Teams',
    });
    const person = newPerson(TENANT_A);
    const inLocale = (activity: Activity) => ({ ...activity, locale });
    const [welcome] = await exchange(inLocale(textActivity(person, fake.serviceUrl, `link ${invitation.token}`)));
    expect(textOf(welcome)).toContain(c['access.welcome'].replace('{name}', 'Tomás Teams'));
    expect(textOf(welcome)).toContain(c['language.confirm'].replace('{language}', name).slice(0, 20));
    expect(button(welcome, 'English')).toMatchObject({ value: 'en' });
    // Kept on the user: a later activity from a Teams client in English is still answered in the language.
    expect(textOf((await exchange(textActivity(person, fake.serviceUrl, 'help')))[0])).toContain(c['help.title']);
    const [dashboard] = await exchange(textActivity(person, fake.serviceUrl, 'candidates'));
    expect(textOf(dashboard)).toContain(c['dash.mine']);
    const [form] = await exchange(textActivity(person, fake.serviceUrl, 'submit'));
    expect(textOf(form)).toContain(c['form.title']);
    expect(JSON.stringify(cardOf(form))).toContain(c['form.submit']);
  });

  it('takes a full submission through the Adaptive Card form', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA, person);
    const phone = uniquePhone();
    const email = `${unique('jane')}@example.com`;
    const summary = await submitThroughForm(person, phone, email);
    const outcome = await confirm(person, summary);
    expect(textOf(outcome[0])).toMatch(/^✅ New Candidate/);
    const candidate = await env.deps.db.candidate.findFirstOrThrow({ where: { phone } });
    expect(candidate).toMatchObject({
      firstName: 'Jane',
      lastName: 'Dela Cruz',
      email,
      channel: 'TEAMS',
      submittedById: f.userA,
    });
  });

  it('downloads a PDF sent in personal chat from its downloadUrl and reads it in the worker', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA2, person);
    const downloadUrl = fake.addFile(`${unique('cv')}.pdf`, RESUME);
    const before = fake.calls.length;
    const filesBefore = fake.counts.files;
    const reading = await exchange(
      fileActivity(person, fake.serviceUrl, { name: 'John_Doe_CV.pdf', downloadUrl, fileType: 'pdf' }),
    );
    expect(textOf(reading[0])).toContain('Reading the resume');
    expect(fake.counts.files).toBe(filesBefore + 1);
    // The resume job answers after the webhook, as a proactive message (no replyToId).
    await fake.waitFor((calls) => calls.slice(before).filter((c) => c.conversationId === person.conversationId).length >= 2);
    const proactive = fake.callsTo(person.conversationId).at(-1);
    expect(proactive?.replyToId).toBeUndefined();
    // The resume had no phone the wizard could use, so it asks for it: the flow went on by itself.
    expect(textOf(proactive)).toMatch(/phone/i);
    const stored = await env.deps.db.storedFile.findFirst({
      where: { filename: 'John_Doe_CV.pdf' },
      orderBy: { createdAt: 'desc' },
    });
    expect(stored?.contentType).toBe('application/pdf');
  });

  it('refuses a file over 10 MB', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA2, person);
    const downloadUrl = fake.addFile(`${unique('big')}.pdf`, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    const answer = await exchange(fileActivity(person, fake.serviceUrl, { name: 'big.pdf', downloadUrl, fileType: 'pdf' }));
    expect(textOf(answer[0])).toMatch(/10 MB|could not|download/i);
  });

  it('says ⛔ Duplicate when a second agency, in its own tenant, submits the same person', async () => {
    const phone = uniquePhone();
    const a = newPerson(TENANT_A);
    const b = newPerson(TENANT_B);
    await linkPerson(f.adminA, a);
    await linkPerson(f.userB, b);
    const first = await confirm(a, await submitThroughForm(a, phone, `${unique('dup')}@example.com`));
    expect(textOf(first[0])).toMatch(/^✅ New Candidate/);
    const second = await confirm(b, await submitThroughForm(b, phone, `${unique('dup')}@example.com`));
    // A card now: the outcome's text, and the Dispute button under it (issue 19).
    expect(cardOf(second[0]).body[0]?.text).toMatch(/^⛔ Duplicate/);
    expect(button(second[0], '⚖️ Dispute')).toMatchObject({
      actionId: 'dispute',
      value: expect.stringMatching(/^S-[0-9a-f]{8}$/),
    });
  });

  it('pages a list by updating the card in place (PUT …/activities/{id})', async () => {
    const person = newPerson(TENANT_A);
    const userId = (
      await env.deps.db.user.create({
        data: {
          email: `${unique('pager')}@example.test`,
          name: 'Pager',
          role: 'AGENCY_USER',
          agencyId: f.agencyA,
          status: 'ACTIVE',
          // Chose English before; first contact has its own tests.
          language: 'en',
        },
      })
    ).id;
    await linkPerson(userId, person);
    for (let i = 0; i < 7; i++)
      await env.services.submitCandidate(userId, {
        firstName: 'Page',
        lastName: `*Tester${i}*`,
        phone: uniquePhone(),
        email: `${unique('page')}@example.com`,
        campaignId: f.campaignId,
        channel: 'TEAMS',
      });
    const [list] = await exchange(textActivity(person, fake.serviceUrl, 'candidates'));
    const text = textOf(list);
    expect(text).toContain('(1/2)');
    // What users typed is escaped for the card's markdown.
    expect(text).toContain('\\\\*Tester');
    const next = await exchange(submitActivity(person, fake.serviceUrl, button(list, /Next/), list?.id ?? ''));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ method: 'PUT', conversationId: person.conversationId, activityId: list?.id });
    expect(textOf(next[0])).toContain('(2/2)');
  });

  it('answers an adaptiveCard/action invoke in the HTTP response', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA, person);
    const res = await post(invokeActivity(person, fake.serviceUrl, { actionId: 'cmd', value: 'help' }, '1767765488332'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ statusCode: 200 });
  });

  it('relays a recruiter comment (REST API → src/notify → proactive send) and turns the reply into a comment', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA, person);
    await exchange(installActivity(person, fake.serviceUrl));
    const created = await env.services.submitCandidate(f.userA, {
      firstName: 'Reply',
      lastName: 'Target',
      phone: uniquePhone(),
      email: `${unique('reply')}@example.com`,
      campaignId: f.campaignId,
      channel: 'TEAMS',
    });
    if (created.outcome !== 'ADDED') throw new Error(`expected a new candidate, got ${created.outcome}`);
    const candidate = await env.deps.db.candidate.findUniqueOrThrow({ where: { id: created.candidateId } });
    const recruiter = await env.deps.db.user.findUniqueOrThrow({ where: { id: f.recruiterId } });
    const key = await env.services.createApiKey(SYSTEM_ACTOR, {
      name: unique('ats'),
      scope: 'RECRUITER',
      userEmail: recruiter.email,
    });

    // The recruiter comments through the running app's REST API; its notifier delivers through
    // the Teams adapter registered in product.ts, proactively, from the stored reference.
    const before = fake.calls.length;
    const res = await fetch(`${app.baseUrl}/api/v1/candidates/C-${candidate.ref}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
      body: JSON.stringify({ body: 'Can they start in May?' }),
    });
    expect(res.status).toBe(201);
    await fake.waitFor((calls) =>
      calls.slice(before).some((c) => c.conversationId === person.conversationId && c.status === 200),
    );
    const relayed = fake.callsTo(person.conversationId).at(-1) as ConnectorCall;
    expect(relayed.replyToId).toBeUndefined();
    expect(textOf(relayed)).toContain('Can they start in May?');
    // How to answer, in the words of Teams' own control (a quoted reply).
    expect(textOf(relayed)).toContain('Quote this message in your reply');
    const identity = await env.deps.db.chatIdentity.findFirstOrThrow({
      where: { platform: 'TEAMS', platformUserId: person.aadObjectId },
    });
    // The job records the delivery right after the connector answered.
    const sent = () =>
      env.deps.db.notification.findFirst({ where: { candidateId: candidate.id, chatIdentityId: identity.id, status: 'SENT' } });
    for (let i = 0; i < 100 && !(await sent()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await sent())?.platformMessageId).toBe(relayed.id);

    const answer = await exchange(textActivity(person, fake.serviceUrl, 'Yes, from May 1st.', relayed.id));
    expect(textOf(answer[0])).toContain('added as a comment');
    const comment = await env.deps.db.comment.findFirstOrThrow({ where: { candidateId: candidate.id, authorId: f.userA } });
    expect(comment.body).toBe('Yes, from May 1st.');
  });
});

describe('Teams dispute round trip (issue 19)', () => {
  /** The first message to this conversation since `after` whose text matches, once it was sent. */
  async function nextTo(conversationId: string, pattern: RegExp, after: number): Promise<ConnectorCall> {
    const find = () =>
      fake.calls.slice(after).find((c) => c.conversationId === conversationId && c.status === 200 && pattern.test(textOf(c)));
    await fake.waitFor(() => find() !== undefined);
    return find() as ConnectorCall;
  }

  it('outcome → Dispute → reason → Send; the owner presses Transfer and gives a reason; the agency is told', async () => {
    const phone = uniquePhone();
    const b = newPerson(TENANT_B);
    const owner = newPerson(TENANT_A);
    await linkPerson(f.userB, b);
    await linkPerson(f.ownerId, owner);
    // The owner's conversation reference is stored by the install, so the dispute can reach them.
    await exchange(installActivity(owner, fake.serviceUrl));
    await env.services.submitCandidate(f.userA, {
      firstName: 'Jane',
      lastName: 'Holder',
      phone,
      email: `${unique('held')}@example.com`,
      campaignId: f.campaignId,
      channel: 'TEAMS',
    });
    const agencyAName = (await env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } })).name;

    const [outcome] = await confirm(b, await submitThroughForm(b, phone, `${unique('dup')}@example.com`));
    expect(textOf(outcome)).toMatch(/⛔ Duplicate/);
    // The ownership line: another agency holds the person, until a date, and nothing else of it.
    expect(JSON.stringify(outcome)).toMatch(
      /Another agency holds this candidate until \w{3} \d{1,2}, \d{4}; you can submit them again after that day\./,
    );
    const [ask] = await exchange(submitActivity(b, fake.serviceUrl, button(outcome, '⚖️ Dispute'), outcome?.id ?? ''));
    expect(textOf(ask)).toMatch(/Why should S-[0-9a-f]{8} be your agency’s candidate\?/);
    const [confirmation] = await exchange(textActivity(b, fake.serviceUrl, 'Jane signed with us in January.'));
    expect(textOf(confirmation)).toContain('Jane signed with us in January.');
    expect(textOf(confirmation)).not.toContain(agencyAName);
    const before = fake.calls.length;
    const [sent] = await exchange(
      submitActivity(b, fake.serviceUrl, button(confirmation, 'Send dispute'), confirmation?.id ?? ''),
    );
    const number = /Dispute D\\?-(\d+) is sent/.exec(textOf(sent))?.[1];
    expect(number).toBeDefined();

    // The owner's chat gets the dispute through the notification job, with Uphold / Transfer.
    const notice = await nextTo(owner.conversationId, new RegExp(`Dispute D\\\\?-${number}:`), before);
    expect(textOf(notice)).toContain(`held by ${agencyAName}`);
    const [askReason] = await exchange(submitActivity(owner, fake.serviceUrl, button(notice, 'Transfer'), notice.id ?? ''));
    expect(textOf(askReason)).toMatch(new RegExp(`^Transfer D\\\\?-${number}: the candidate becomes `));
    const decidedAt = fake.calls.length;
    const [decided] = await exchange(textActivity(owner, fake.serviceUrl, 'Their agreement is older.'));
    expect(textOf(decided)).toMatch(/transferred: C\\?-\d+ Jane Holder is now /);

    // The agency hears the decision with the reason, and nothing of agency A.
    const told = textOf(await nextTo(b.conversationId, /Your dispute/, decidedAt));
    expect(told).toContain('is decided for you');
    expect(told).toContain('Their agreement is older.');
    expect(told).not.toContain(agencyAName);
  });
});

describe('Teams with MICROSOFT_APP_ID (JWT mode)', () => {
  const APP_ID = randomUUID();
  let secured: RunningApp;
  beforeAll(async () => {
    secured = await startApp({
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
      DEMO_SEED: 'off',
      WEB_CHAT_ENABLED: 'false',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'e2e-not-a-real-secret',
      // The fake publishes the signing keys, so botbuilder's real JWT check runs against it.
      MICROSOFT_OPENID_METADATA_URL: fake.openIdMetadataUrl,
    });
  });
  afterAll(async () => secured?.stop());

  const processed = (activity: Activity) =>
    env.deps.db.processedEvent.count({ where: { platform: 'TEAMS', eventId: { endsWith: `:${String(activity.id)}` } } });

  it('refuses an activity without a valid token with 401 and changes nothing', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA, person);
    const activity = textActivity(person, fake.serviceUrl, 'help');
    const before = fake.calls.length;
    expect((await post(activity, secured.baseUrl)).status).toBe(401);
    const forged = `${fake.signToken({ aud: APP_ID, serviceurl: fake.serviceUrl }).slice(0, -8)}AAAAAAAA`;
    expect((await post(activity, secured.baseUrl, { authorization: forged })).status).toBe(401);
    const otherBot = fake.signToken({ aud: randomUUID(), serviceurl: fake.serviceUrl });
    expect((await post(activity, secured.baseUrl, { authorization: otherBot })).status).toBe(401);
    expect(fake.calls.length).toBe(before);
    expect(await processed(activity)).toBe(0);
    // The same activity still goes through the local-mode app: the refusals left no trace.
    expect(await exchange(activity)).toHaveLength(1);
  });

  it('takes an activity carrying a valid channel token', async () => {
    const person = newPerson(TENANT_A);
    await linkPerson(f.userA, person);
    const activity = textActivity(person, fake.serviceUrl, 'help');
    const token = fake.signToken({ aud: APP_ID, serviceurl: fake.serviceUrl });
    expect((await post(activity, secured.baseUrl, { authorization: token })).status).toBe(200);
    // Verified and handled; the reply itself needs a token from Entra ID, which this machine cannot reach.
    expect(await processed(activity)).toBe(1);
  });
});
