import { renderMessage as renderSlack } from '../../../adapters/slack/render';
import { splitText } from '../../../adapters/shared/split-text';
import { renderActivity } from '../../../adapters/teams/render';
import { CallbackDataCodec } from '../../../adapters/telegram/callback-data';
import { renderMessages as renderTelegram, TEXT_MAX_CHARS } from '../../../adapters/telegram/render';
import { renderMessage as renderWeb } from '../../../adapters/web/render';
import { TEXT_LIMITS } from '../../../src/domain/limits';
import type { OutboundMessage } from '../../../src/engine/messages';
import { t } from '../../../src/i18n';
import { renderNotification } from '../../../src/notify/render';

/**
 * Issue 14, journey 6: a long bot reply is never cut. The longest the engine sends is a relayed
 * comment at its limit; every channel delivers it whole, in parts where one message is too small.
 */

/** A comment of exactly the limit, in words (with an ampersand, which escaping makes longer). */
const words = (n: number) => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += `word${i} & `;
  return s.slice(0, n).trim();
};
const comment = words(TEXT_LIMITS.comment);
const relayed = renderNotification(
  'RECRUITER_COMMENT',
  {
    candidateRef: 1042,
    candidateName: 'Jane Dela Cruz',
    campaign: 'Support',
    agency: 'Bright',
    actor: 'Rita Recruiter',
    body: comment,
  },
  'reply',
);
const relayText = relayed.body.type === 'text' ? relayed.body.text : '';
// How to answer comes last, so it must survive any split.
const REPLY_HINT = t('en', 'notify.replyHint.reply');
// What the notifier sends (renderNotification): one text message.
const relay: OutboundMessage = { body: { type: 'text', text: relayText } };
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('splitText breaks at spaces, keeps every word, and fits each piece once measured', () => {
  const text = words(10_000);
  const pieces = splitText(text, 3000, (s) => s.replace(/&/g, '&amp;').length);
  expect(pieces.length).toBeGreaterThan(3);
  for (const p of pieces) expect(p.replace(/&/g, '&amp;').length).toBeLessThanOrEqual(3000);
  expect(pieces.join(' ')).toBe(text);
  expect(splitText('short', 10)).toEqual(['short']);
});

test('Telegram: a relayed comment at the limit arrives whole in parts of at most 4096 characters, the hint last', () => {
  const codec = new CallbackDataCodec();
  const parts = renderTelegram(relay, (a) => codec.encode(a));
  expect(parts.length).toBeGreaterThan(1);
  for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(TEXT_MAX_CHARS);
  const joined = squash(parts.map((p) => p.text.replace(/&amp;/g, '&')).join(' '));
  expect(joined).toContain(squash(comment));
  expect(parts.at(-1)?.text).toContain(REPLY_HINT);
});

test('Telegram: buttons ride on the last part of a long question', () => {
  const codec = new CallbackDataCodec();
  const parts = renderTelegram(
    {
      body: {
        type: 'choices',
        text: words(6000),
        choices: [{ actionId: 'confirm', value: 'yes', label: 'Yes', style: 'default' }],
      },
    },
    (a) => codec.encode(a),
  );
  const withButtons = parts.map((p) => Boolean(p.reply_markup));
  expect(withButtons.length).toBeGreaterThan(1);
  expect(withButtons).toEqual([...withButtons.slice(0, -1).map(() => false), true]);
});

test('Slack: a relayed comment at the limit arrives whole, in sections of at most 3,000 characters', () => {
  const rendered = renderSlack(relay);
  const texts = rendered.blocks.map((b) => (b as { text: { text: string } }).text.text);
  expect(texts.length).toBeGreaterThan(1);
  for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
  expect(squash(texts.join(' ').replace(/&amp;/g, '&'))).toContain(squash(comment));
  expect(texts.at(-1)).toContain(REPLY_HINT);
});

test('Teams and the web chat: one message holds a relayed comment at the limit whole', () => {
  const teams = renderActivity(relay).text ?? '';
  expect(teams).toContain(REPLY_HINT);
  expect(teams.replace(/\\/g, '').replace(/&amp;/g, '&')).toContain('word0 & word1');
  expect(squash(teams.replace(/\\/g, '').replace(/&amp;/g, '&'))).toContain(squash(comment));
  const web = renderWeb(relay);
  expect(web).toMatchObject({ kind: 'text' });
  expect(web.kind === 'text' ? web.text : '').toContain(comment);
  expect(web.kind === 'text' ? web.text : '').toContain(REPLY_HINT);
});
