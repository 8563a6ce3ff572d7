import { en } from '../../../src/i18n/en';
import { es } from '../../../src/i18n/es';
import { fil } from '../../../src/i18n/fil';
import { ptBR } from '../../../src/i18n/pt-BR';
import { chat, linkIdentity, openEngineEnv, render, type Chat, type EngineEnv } from '../../support/engine';
import { openNotifyEnv, type NotifyEnv } from '../../support/notify';
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
