import { en } from '../../../src/i18n/en';
import { es } from '../../../src/i18n/es';
import { fil } from '../../../src/i18n/fil';
import { ptBR } from '../../../src/i18n/pt-BR';
import type { OutboundMessage } from '../../../src/engine/messages';
import { chat, linkIdentity, openEngineEnv, render, strangerIdentity, type Chat, type EngineEnv } from '../../support/engine';
import { openNotifyEnv, submitCandidate, type NotifyEnv } from '../../support/notify';
import { createUser, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(60_000);

let ee: EngineEnv;
let n: NotifyEnv;
let f: Fixture;
let campaignName: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  n = await openNotifyEnv(ee.env);
  f = await seedFixture(ee.env);
  campaignName = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
});
afterAll(async () => {
  await n.close();
  await ee.close();
});

type Catalogue = Record<keyof typeof en, string>;

/**
 * English that must not show in `catalogue`'s language: the fixed stretches (between
 * placeholders) of every English message the catalogue words differently, at least three words
 * long, unless the catalogue itself uses the same words (Taglish keeps “Agency Pool”).
 */
function englishFragments(catalogue: Catalogue): string[] {
  const own = Object.values(catalogue).join('\n');
  const fragments = new Set<string>();
  for (const [key, text] of Object.entries(en) as [keyof typeof en, string][]) {
    if (catalogue[key] === text) continue;
    for (const part of text.split(/\{\w+\}|\n/)) {
      const fragment = part.trim();
      if (fragment.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 3 && !own.includes(fragment))
        fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** Every message the bot sent in this walk, checked for English and for raw catalogue keys. */
function expectNoFallback(transcript: string[], catalogue: Catalogue) {
  const all = transcript.join('\n---\n');
  const english = englishFragments(catalogue).filter((fragment) => all.includes(fragment));
  const keys = Object.keys(en).filter((key) => new RegExp(`(^|[\\s(])${key.replace(/\./g, '\\.')}($|[\\s).:,])`).test(all));
  expect({ english, keys }).toEqual({ english: [], keys: [] });
}

const LANGUAGES: [string, string, Catalogue, string][] = [
  // [the platform's locale, the language kept, its catalogue, its name]
  ['es-MX', 'es', es, 'Español'],
  ['pt-BR', 'pt-BR', ptBR, 'Português (Brasil)'],
  ['tl', 'fil', fil, 'Filipino'],
];

describe.each(LANGUAGES)('a user whose platform says %s', (locale, language, c, languageName) => {
  test('is answered in that language through help, the wizard, dashboards, a profile and a relayed comment', async () => {
    const userId = await createUser(ee.env, 'AGENCY_USER', f.agencyA, `lang-${language}`, null);
    const me: Chat = chat(ee, await linkIdentity(ee.env, userId));
    const transcript: string[] = [];
    const say = async (text: string, extra = {}) => {
      const replies = await me.say(text, { locale, ...extra });
      transcript.push(...replies);
      return replies;
    };
    const press = async (label: string) => {
      const hit = me.last.flatMap((m) => ('choices' in m.body ? m.body.choices : [])).find((ch) => ch.label === label);
      if (!hit) throw new Error(`no button “${label}” in: ${me.last.map(render).join(' | ')}`);
      const replies = await me.action(hit.actionId, hit.value, { locale });
      transcript.push(...replies);
      return replies;
    };

    // First contact: help in the platform's language, then the one-tap confirmation.
    const first = await say('help');
    expect(first[0]).toContain(c['language.confirm'].replace('{language}', languageName).slice(0, 12));
    expect(first[1]).toContain(c['help.title']);
    expect(me.last[0]?.body).toMatchObject({
      type: 'choices',
      choices: expect.arrayContaining([expect.objectContaining({ label: 'English' })]),
    });
    expect((await ee.env.deps.db.user.findUniqueOrThrow({ where: { id: userId } })).language).toBe(language);

    // The wizard, to a confirmed submission; “sí” / “sim” / “oo” confirms.
    const phone = uniquePhone();
    expect((await say('submit'))[0]).toContain(c['wizard.start'].slice(0, 15));
    await say('Ana Reyes');
    // A refused phone is explained in the user's language too.
    const refused = await say('0917 123 4567');
    expect(refused[0]).toContain(c['wizard.bad.phone.missing_country_code'].replace('{input}', '0917 123 4567').slice(0, 30));
    await say(phone);
    await say(`${unique('ana')}@example.com`);
    await press(campaignName);
    const summary = await press(c['wizard.button.skip']);
    expect(summary[0]).toContain(`# ${c['wizard.summary.title']}`);
    const outcome = await say({ es: 'Sí', 'pt-BR': 'sim', fil: 'oo' }[language] ?? '');
    expect(outcome[0]).toContain(c['outcome.added']);
    const ref = /C-\d+/.exec(outcome[0] ?? '')?.[0] ?? '';

    // Dashboard and profile, with the stage and the date in the user's words.
    const dashboard = await say('candidates');
    expect(dashboard[0]).toContain(`# ${c['dash.mine']}`);
    expect(dashboard[0]).toContain(c['stageName.NEW']);
    const profile = await say(`candidate ${ref}`);
    expect(profile[0]).toContain(`${c['profile.stage']}: ${c['stageName.NEW']}`);

    // A recruiter's comment is relayed in the user's language; replying to it comments.
    await n.services.addComment(f.recruiterId, Number(ref.slice(2)), 'Call her on Monday.');
    await n.queue.idle();
    const relayed = await ee.env.deps.db.notification.findFirstOrThrow({
      where: { recipientId: userId, kind: 'RECRUITER_COMMENT' },
      select: { platformMessageId: true },
    });
    const sent = n.web.sent.find((s) => s.messageRef === relayed.platformMessageId);
    const relayedText = sent ? render(sent.message) : '';
    transcript.push(relayedText);
    expect(relayedText).toContain(c['notify.replyHint.button']);
    expect(await say('Noted', { replyTo: relayed.platformMessageId ?? '' })).toEqual([
      c['comment.replyAdded'].replace('{ref}', ref),
    ]);

    expectNoFallback(transcript, c);
  });
});

/**
 * Every word of a message the engine sends, whatever the channel shows of it: texts, titles,
 * field labels and hints, placeholders, buttons, form fallbacks and the renderer's labels.
 */
function allWords(m: OutboundMessage): string {
  const words: string[] = [];
  // Ids and codes, not words; a button's `value` is an id too, a card field's is what people read.
  const skip = new Set(['actionId', 'formId', 'edit', 'retire', 'replyKey', 'name', 'kind', 'type', 'style']);
  const walk = (v: unknown, key = '', isButton = false): void => {
    if (typeof v === 'string') {
      if (!skip.has(key) && !(isButton && key === 'value')) words.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k, 'actionId' in v);
  };
  walk(m);
  return words.join('\n');
}

/** A chat whose every reply, in all its words, lands in `transcript`. */
function recorded(me: Chat, locale: string, transcript: string[]) {
  const keep = (replies: string[]) => {
    transcript.push(...me.last.map(allWords));
    return replies;
  };
  return {
    say: async (text: string) => keep(await me.say(text, { locale })),
    press: async (label: string) => keep(await me.press(label)),
    home: async () => keep(await me.send({ type: 'home' }, { locale })),
  };
}

describe.each(LANGUAGES)('every other flow, for a platform saying %s', (locale, language, c) => {
  test('an agency admin’s, an owner’s and a recruiter’s commands, their refusals and errors, the Home page and a stranger', async () => {
    const transcript: string[] = [];

    // A stranger, and a wrong invitation code.
    const stranger = recorded(chat(ee, strangerIdentity()), locale, transcript);
    expect(await stranger.say('hello')).toEqual([c['access.unknown']]);
    expect(await stranger.say('link NotARealInvitationCode12345')).toEqual([c['svc.inviteInvalid']]);

    // An agency admin: users, a user, an invitation, the pool, the refusals of the rules.
    const adminId = await createUser(ee.env, 'AGENCY_ADMIN', f.agencyA, `lang-admin-${language}`, null);
    const admin = recorded(chat(ee, await linkIdentity(ee.env, adminId)), locale, transcript);
    await admin.say('help');
    await admin.home();
    const userEmail = (await ee.env.deps.db.user.findUniqueOrThrow({ where: { id: f.userA } })).email;
    await admin.say('users');
    await admin.say(`user ${userEmail}`);
    await admin.say(`invite ${unique('inv')}@example.com agency_user`);
    await admin.say(`invite ${unique('inv')}@example.com recruiter`);
    await admin.say('invite not-an-email agency_user');
    await admin.say('invite');
    await admin.say('pool');
    await admin.say('pool stage:nonsense');
    await admin.say('candidate C-99999999');
    await admin.say('stage C-1 screening');
    const adminEmail = (await ee.env.deps.db.user.findUniqueOrThrow({ where: { id: adminId } })).email;
    await admin.say(`disable ${adminEmail}`);
    await admin.say(`disable ${userEmail}`);
    await admin.press(c['confirm.no']);
    await admin.say('agencies');
    await admin.say('campaigns');
    await admin.say('cancel');
    await admin.say('back');
    await admin.say('something I do not understand');

    // An owner: agencies, campaigns, rules, deliveries, the pool of every agency.
    const ownerId = await createUser(ee.env, 'OWNER', null, `lang-owner-${language}`, null);
    const owner = recorded(chat(ee, await linkIdentity(ee.env, ownerId)), locale, transcript);
    await owner.say('help');
    await owner.home();
    await owner.say('agencies');
    await owner.say('campaigns');
    await owner.say('rules');
    // The rules of a campaign of this test's own: the default rule is shared by every test.
    const ruled = await ee.env.deps.db.campaign.create({ data: { name: unique(`Ruled ${language}`) }, select: { name: true } });
    await owner.say(`rule campaign:"${ruled.name}" window:3`);
    await owner.say(`rule campaign:"${ruled.name}" cross:block`);
    expect(await owner.say(`rule campaign:"${ruled.name}" window:99`)).toEqual([c['svc.zod.windowMax']]);
    await owner.say('deliveries');
    await owner.say('pool agency:all');
    await owner.say('users role:agency_admin');
    await owner.say('agency disable No Such Agency');

    // A recruiter: the campaign's candidates, a profile, a stage change and a comment.
    const recruiterId = await createUser(ee.env, 'RECRUITER', null, `lang-recruiter-${language}`, null);
    await ee.env.deps.db.campaignRecruiter.create({ data: { campaignId: f.campaignId, userId: recruiterId } });
    const recruiter = recorded(chat(ee, await linkIdentity(ee.env, recruiterId)), locale, transcript);
    const submitted = await ee.env.services.submitCandidate(f.userA, {
      firstName: 'Rosa',
      lastName: 'Lim',
      phone: uniquePhone(),
      email: `${unique('rosa')}@example.com`,
      campaignId: f.campaignId,
      channel: 'WEB',
    });
    if (submitted.outcome !== 'ADDED') throw new Error(`expected a new candidate, got ${submitted.outcome}`);
    const ref = `C-${(await ee.env.deps.db.candidate.findUniqueOrThrow({ where: { id: submitted.candidateId } })).ref}`;
    await recruiter.say('help');
    await recruiter.home();
    await recruiter.say('candidates');
    await recruiter.say(`candidate ${ref}`);
    await recruiter.say(`stage ${ref} interview`);
    await recruiter.say(`stage ${ref} interview`);
    await recruiter.say(`comment ${ref} Looks good.`);
    await recruiter.say('pool');
    await recruiter.say('submit');

    expectNoFallback(transcript, c);
  });
});

test('the language command changes the language at once, and cancel works in it', async () => {
  const userId = await createUser(ee.env, 'AGENCY_USER', f.agencyA, 'lang-switch');
  const me = chat(ee, await linkIdentity(ee.env, userId));
  expect(await me.say('language')).toEqual([expect.stringContaining(en['language.ask'])]);
  expect(await me.press('Português (Brasil)')).toEqual(['Pronto: vou responder em Português (Brasil).']);
  expect((await me.say('submit'))[0]).toContain('Vamos indicar um candidato.');
  expect(await me.say('cancelar')).toEqual([ptBR['cancel.wizard']]);
  expect(await me.say('language fil')).toEqual(['Sige: sasagot na ako sa Filipino.']);
  expect(await me.say('language english')).toEqual(['Done: I will answer in English.']);
});

test('a count reads as the reader writes numbers: a comment of up to 4,000 characters, 4.000 in Portuguese, 4000 in Spanish', async () => {
  const commentOn = async (locale: string, button: string) => {
    const userId = await createUser(ee.env, 'AGENCY_USER', f.agencyA, `lang-count-${locale}`, null);
    const me = chat(ee, await linkIdentity(ee.env, userId));
    const own = await submitCandidate(ee.env, userId, f.campaignId);
    await me.say(`candidate C-${own}`, { locale });
    return (await me.press(button))[0];
  };
  expect(await commentOn('en', en['profile.button.comment'])).toContain('up to 4,000 characters');
  expect(await commentOn('pt-BR', ptBR['profile.button.comment'])).toContain('até 4.000 caracteres');
  // Spanish groups only from five digits on (RAE, CLDR).
  expect(await commentOn('es', es['profile.button.comment'])).toContain('hasta 4000 caracteres');
});

describe('a platform that keeps the language on the user, not on each event (Slack)', () => {
  afterEach(() => {
    delete ee.channel.userLocale;
  });

  test('is asked once, on first contact, and its answer wins over the event’s locale', async () => {
    const asked: string[] = [];
    ee.channel.userLocale = async ({ platformUserId }) => {
      asked.push(platformUserId);
      return 'pt-BR';
    };
    const userId = await createUser(ee.env, 'AGENCY_USER', f.agencyA, 'lang-asked', null);
    const me = chat(ee, await linkIdentity(ee.env, userId));
    expect(await me.say('help', { locale: 'en' })).toEqual([
      expect.stringContaining('Vou responder em Português (Brasil).'),
      expect.stringContaining(ptBR['help.title']),
    ]);
    expect(await me.say('help', { locale: 'en' })).toEqual([expect.stringContaining(ptBR['help.title'])]);
    expect(asked).toEqual([me.identity.platformUserId]);
  });

  test('that does not answer leaves the event’s own locale, and the message is still answered', async () => {
    ee.channel.userLocale = async () => {
      throw new Error('users.info: ratelimited');
    };
    const userId = await createUser(ee.env, 'AGENCY_USER', f.agencyA, 'lang-unasked', null);
    const me = chat(ee, await linkIdentity(ee.env, userId));
    expect(await me.say('help', { locale: 'es' })).toEqual([
      expect.stringContaining('Te responderé en Español.'),
      expect.stringContaining(es['help.title']),
    ]);
  });
});
