import { chat, linkIdentity, openEngineEnv, render, type Chat, type EngineEnv } from '../../support/engine';
import { openOwnTestEnv } from '../../support/own-database';
import { openNotifyEnv, type NotifyEnv } from '../../support/notify';
import { createUser, seedFixture, unique, uniquePhone, type Fixture, type TestEnv } from '../../support/services';

/**
 * Must-show 2 (issue 20): the submission wizard, a dashboard and a relayed comment, read as the
 * conversation a Spanish, a Brazilian and a Filipino recruiter has. What changes from run to run
 * (the phone, the email, names made unique, the reference, dates) is shown in braces.
 */
jest.setTimeout(60_000);

let own: TestEnv;
let ee: EngineEnv;
let n: NotifyEnv;
let f: Fixture;
let campaignName: string;

beforeAll(async () => {
  // Its own database: the campaign question lists every campaign open to the agency, and the run's
  // shared database holds other suites' campaigns.
  own = await openOwnTestEnv();
  ee = await openEngineEnv({ env: own });
  n = await openNotifyEnv(ee.env);
  f = await seedFixture(ee.env);
  campaignName = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
});
afterAll(async () => {
  await n.close();
  await ee.close();
  await own.close();
});

/** One conversation as lines: `> ` what the person typed or pressed, then what the bot said. */
async function converse(language: string, locale: string, yes: string): Promise<string> {
  const userId = await createUser(ee.env, 'AGENCY_USER', f.agencyA, `tr-${language}`, language);
  const name = (await ee.env.deps.db.user.findUniqueOrThrow({ where: { id: userId } })).name ?? '';
  const me: Chat = chat(ee, await linkIdentity(ee.env, userId));
  const phone = uniquePhone();
  const email = `${unique('ana')}@example.com`;
  const lines: string[] = [];
  const log = (said: string, replies: string[]) => lines.push(`> ${said}`, ...replies.map((r) => r.trim()), '');
  const say = async (text: string) => log(text, await me.say(text, { locale }));
  const press = async (label: string) => log(`[${label}]`, await me.press(label));
  const button = (index: number) => {
    const b = me.last.flatMap((m) => ('choices' in m.body ? m.body.choices : []))[index];
    if (!b) throw new Error('no such button');
    return b.label;
  };

  await say('submit');
  await say('Ana Reyes');
  await say(phone);
  await say(email);
  await press(campaignName);
  await press(button(0));
  await say(yes);
  await say('candidates');
  const ref = /C-\d+/.exec(lines.join('\n'))?.[0] ?? '';
  await n.services.addComment(f.recruiterId, Number(ref.slice(2)), 'Can she start on Monday?');
  await n.queue.idle();
  const relayed = await ee.env.deps.db.notification.findFirstOrThrow({
    where: { recipientId: userId, kind: 'RECRUITER_COMMENT' },
    select: { platformMessageId: true },
  });
  const sent = n.web.sent.find((s) => s.messageRef === relayed.platformMessageId);
  lines.push('(relayed)', sent ? render(sent.message) : '', '');
  log('(reply) Yes, she can.', await me.say('Yes, she can.', { locale, replyTo: relayed.platformMessageId ?? '' }));
  await say(`candidate ${ref}`);

  const recruiter = (await ee.env.deps.db.user.findUniqueOrThrow({ where: { id: f.recruiterId } })).name ?? '';
  const agency = (await ee.env.deps.db.agency.findUniqueOrThrow({ where: { id: f.agencyA } })).name;
  return (
    lines
      .join('\n')
      .replaceAll(phone, '{phone}')
      .replaceAll(email, '{email}')
      .replaceAll(campaignName, '{campaign}')
      .replaceAll(recruiter, '{recruiter}')
      .replaceAll(agency, '{agency}')
      .replaceAll(name, '{me}')
      .replaceAll(ref, 'C-{ref}')
      // Other tests' campaigns, open to every agency, share the database: only this one is shown.
      .replace(/^\[.*\[\{campaign\}\].*$/gm, '[{campaign}]')
      .replace(/\d{1,2} (de )?\p{L}+\.? (de )?\d{4}|\p{L}+ \d{1,2}, \d{4}/gu, '{date}')
      .replace(/\d{1,2}:\d{2}( UTC)?/g, '{time}')
      .trim()
  );
}

const EXPECTED: Record<string, string> = {
  es: `> submit
Vamos a postular un candidato. Escribe “back” para cambiar la respuesta anterior o “cancel” para detenerte cuando quieras. También puedes enviar primero el CV y yo completo lo que pueda.
¿Cuál es el nombre completo del candidato (nombre y apellido, p. ej. María González)? También puedes pegar una línea con nombre, teléfono y correo.

> Ana Reyes
¿Su número de teléfono, con código de país (p. ej. +52 55 1234 5678)?

> {phone}
¿Su correo electrónico?

> {email}
¿A qué campaña lo postulas?
[{campaign}]

> [{campaign}]
Envía el CV (PDF, DOCX o una foto, hasta 10 MB) o toca Omitir.
[Omitir]

> [Omitir]
# Revisa la postulación
Nombre(s): Ana
Apellido(s): Reyes
Teléfono: {phone}
Correo: {email}
Campaña: {campaign}
CV: ninguno
¿Está todo bien?
[Confirmar] [Editar] [Cancelar]

> sí
✅ Candidato nuevo
Nadie postuló a esta persona recientemente: C-{ref} ahora es tu candidato.
Tu agencia tiene a este candidato hasta el {date}.

> candidates
# Mis candidatos
Postulados en los últimos 30 días ({date} – {date}): Nuevos 1 · Ya postulados 0 · Duplicados 0
1 postulación en la lista (cualquier fecha, las más recientes primero)
- C-{ref} Ana Reyes (✅ Candidato nuevo · Nuevo · {campaign} · {date} · {me})
page 1/1

(relayed)
{recruiter} comentó sobre C-{ref} Ana Reyes ({campaign}):

Can she start on Monday?

Pulsa Responder debajo de este mensaje para contestar.

> (reply) Yes, she can.
💬 Tu respuesta se agregó como comentario en C-{ref}.

> candidate C-{ref}
# C-{ref} Ana Reyes
✅ Candidato nuevo · Nuevo
Etapa: Nuevo
Agregado por: {me}, {agency}
Agregado el: {date}
Titularidad: Tu agencia tiene a este candidato hasta el {date}.
Campaña: {campaign}
Origen: Agency Portal (chat web)
Teléfono: {phone}
Correo: {email}
Comentarios (2):
{recruiter} ({date}): Can she start on Monday?
{me} ({date}): Yes, she can.
[Comentar]`,
  'pt-BR': `> submit
Vamos indicar um candidato. Digite “back” para mudar a resposta anterior ou “cancel” para parar a qualquer momento. Você também pode enviar o currículo primeiro, e eu preencho o que conseguir.
Qual é o nome completo do candidato (nome e sobrenome, ex.: Ana Souza)? Você também pode colar uma linha com nome, telefone e e-mail.

> Ana Reyes
O telefone, com o código do país (ex.: +55 11 91234 5678)?

> {phone}
O e-mail?

> {email}
Para qual campanha você está indicando?
[{campaign}]

> [{campaign}]
Envie o currículo (PDF, DOCX ou uma foto dele, até 10 MB), ou toque em Pular.
[Pular]

> [Pular]
# Confira a indicação
Nome: Ana
Sobrenome: Reyes
Telefone: {phone}
E-mail: {email}
Campanha: {campaign}
Currículo: nenhum
Está tudo certo?
[Confirmar] [Editar] [Cancelar]

> sim
✅ Novo candidato
Ninguém indicou esta pessoa recentemente: C-{ref} agora é seu candidato.
Sua agência detém este candidato até {date}.

> candidates
# Meus candidatos
Indicados nos últimos 30 dias ({date} – {date}): Novos 1 · Já indicados 0 · Duplicados 0
1 indicação listada (qualquer data, mais recentes primeiro)
- C-{ref} Ana Reyes (✅ Novo candidato · Novo · {campaign} · {date} · {me})
page 1/1

(relayed)
{recruiter} comentou sobre C-{ref} Ana Reyes ({campaign}):

Can she start on Monday?

Toque em Responder abaixo desta mensagem para comentar.

> (reply) Yes, she can.
💬 Sua resposta foi adicionada como comentário em C-{ref}.

> candidate C-{ref}
# C-{ref} Ana Reyes
✅ Novo candidato · Novo
Etapa: Novo
Indicado por: {me}, {agency}
Indicado em: {date}
Titularidade: Sua agência detém este candidato até {date}.
Campanha: {campaign}
Origem: Agency Portal (chat web)
Telefone: {phone}
E-mail: {email}
Comentários (2):
{recruiter} ({date}): Can she start on Monday?
{me} ({date}): Yes, she can.
[Comentar]`,
  fil: `> submit
Mag-submit tayo ng candidate. I-type ang “back” para palitan ang naunang sagot o “cancel” para huminto anumang oras. Puwede mo ring i-send muna ang resume, at pupunan ko ang kaya ko.
Ano ang buong pangalan ng candidate (first at last name, hal. Juan Dela Cruz)? Puwede ka ring mag-paste ng isang linya na may pangalan, phone at email.

> Ana Reyes
Ang phone number niya, kasama ang country code (hal. +63 917 123 4567)?

> {phone}
Ang email address niya?

> {email}
Saang campaign mo siya isa-submit?
[{campaign}]

> [{campaign}]
I-send ang resume (PDF, DOCX o picture nito, hanggang 10 MB), o pindutin ang Laktawan.
[Laktawan]

> [Laktawan]
# I-check ang submission
First name: Ana
Apelyido: Reyes
Phone: {phone}
Email: {email}
Campaign: {campaign}
Resume: wala
Tama na ba lahat?
[Kumpirmahin] [Baguhin] [Kanselahin]

> oo
✅ Bagong Candidate
Walang nag-submit sa taong ito kamakailan: candidate mo na si C-{ref}.
Hawak ng agency mo ang candidate na ito hanggang {date}.

> candidates
# Mga Candidate Ko
Na-submit sa huling 30 araw ({date} – {date}): Bago 1 · Na-submit na Dati 0 · Duplicate 0
1 submission sa listahan (kahit anong petsa, pinakabago muna)
- C-{ref} Ana Reyes (✅ Bagong Candidate · Bago · {campaign} · {date} · {me})
page 1/1

(relayed)
Nag-comment si {recruiter} kay C-{ref} Ana Reyes ({campaign}):

Can she start on Monday?

Pindutin ang Reply sa ilalim ng message na ito para sumagot.

> (reply) Yes, she can.
💬 Naidagdag ang reply mo bilang comment sa C-{ref}.

> candidate C-{ref}
# C-{ref} Ana Reyes
✅ Bagong Candidate · Bago
Stage: Bago
Idinagdag ni: {me}, {agency}
Idinagdag noong: {date}
May hawak: Hawak ng agency mo ang candidate na ito hanggang {date}.
Campaign: {campaign}
Source: Agency Portal (web chat)
Phone: {phone}
Email: {email}
Mga comment (2):
{recruiter} ({date}): Can she start on Monday?
{me} ({date}): Yes, she can.
[Mag-comment]`,
};

test.each([
  ['es', 'es-MX', 'sí'],
  ['pt-BR', 'pt-BR', 'sim'],
  ['fil', 'fil-PH', 'oo'],
])(
  '%s: the wizard to a confirmed submission, My Candidates, a relayed comment answered, the profile',
  async (language, locale, yes) => {
    expect(await converse(language, locale, yes)).toBe(EXPECTED[language]);
  },
);
