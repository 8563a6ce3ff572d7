import { OWNERSHIP_REMINDER_DAYS } from '../domain/digest';
import type { OutboundMessageInput } from '../engine/messages';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { formatCandidateRef } from '../services/candidates';
import type { DigestContent } from '../services/digests';

/** The digest's day, written as the reader's locale writes dates (the date itself, no zone shift). */
const dayOf = (locale: string, localDate: string) => formatDate(locale, new Date(`${localDate}T00:00:00Z`));

/**
 * Pure: the digest as one text in the reader's language, section by section, each leaving out
 * what it has none of; ending with how to open a candidate and how to stop the digest.
 */
export function digestText(c: DigestContent, locale = 'en'): string {
  const who = (i: { ref: number; name: string }) => `${formatCandidateRef(i.ref)} ${i.name}`;
  const more = (count: number) => (count > 0 ? [t(locale, 'digest.more', { count })] : []);
  const section = (heading: string, lines: string[], extra: number) =>
    lines.length > 0 ? [`${heading}\n${[...lines, ...more(extra)].join('\n')}`] : [];
  const first = c.comments[0] ?? c.stages[0] ?? c.ending[0];
  return [
    t(locale, c.scope === 'agency' ? 'digest.title.agency' : 'digest.title.mine', { date: dayOf(locale, c.localDate) }),
    ...section(
      t(locale, 'digest.comments'),
      c.comments.map((i) => t(locale, 'digest.comment', { who: who(i), author: i.author, body: i.body })),
      c.more.comments,
    ),
    ...section(
      t(locale, 'digest.stages'),
      c.stages.map((i) =>
        t(locale, 'digest.stage', { who: who(i), from: t(locale, `stageName.${i.from}`), to: t(locale, `stageName.${i.to}`) }),
      ),
      c.more.stages,
    ),
    ...section(
      t(locale, 'digest.ending', { days: OWNERSHIP_REMINDER_DAYS, stage: t(locale, 'stageName.NEW') }),
      c.ending.map((i) => t(locale, 'digest.endingItem', { who: who(i), until: formatDate(locale, new Date(i.until)) })),
      c.more.ending,
    ),
    ...(first ? [t(locale, 'digest.footer', { ref: formatCandidateRef(first.ref) })] : []),
  ].join('\n\n');
}

/** The digest as a chat message (plain text: every channel renders it the same). */
export function renderDigest(c: DigestContent, locale = 'en'): OutboundMessageInput {
  return { body: { type: 'text', text: digestText(c, locale) } };
}

/** The digest as an email, for a reader who linked no chat. */
export function renderDigestEmail(c: DigestContent, publicUrl: string, locale = 'en'): { subject: string; text: string } {
  return {
    subject: t(locale, 'digest.subject', { date: dayOf(locale, c.localDate) }),
    text: `${digestText(c, locale)}\n\n${t(locale, 'notify.emailHint', { url: publicUrl })}`,
  };
}
