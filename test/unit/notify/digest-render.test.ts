import { LANGUAGES } from '../../../src/i18n';
import { digestText, renderDigestEmail } from '../../../src/notify/digest-render';
import { digestContentSchema, type DigestContent } from '../../../src/services/digests';

const content: DigestContent = {
  scope: 'mine',
  localDate: '2026-12-01',
  comments: [{ ref: 1042, name: 'Maria Santos', author: 'Rita Recruiter', body: 'Please send the updated resume.' }],
  stages: [{ ref: 1043, name: 'Juan Cruz', from: 'NEW', to: 'INTERVIEW' }],
  ending: [{ ref: 1040, name: 'Ana Reyes', until: '2026-12-11T03:00:00.000Z' }],
  more: { comments: 0, stages: 2, ending: 0 },
};

test('the digest in English, section by section, with what did not fit counted', () => {
  expect(digestText(content, 'en')).toBe(
    [
      'Your daily digest, Dec 1, 2026',
      'Recruiter comments:\n• C-1042 Maria Santos — Rita Recruiter: “Please send the updated resume.”',
      'Stage changes:\n• C-1043 Juan Cruz: New → Interview\n  …and 2 more',
      'Ownership ends within 14 days, still at New:\n• C-1040 Ana Reyes — owned until Dec 11, 2026',
      'Open one with “candidate C-1042”. “digest off” stops these summaries.',
    ].join('\n\n'),
  );
});

test('an admin’s digest says it is the agency’s; empty sections are left out', () => {
  const text = digestText(
    { ...content, scope: 'agency', comments: [], stages: [], more: { comments: 0, stages: 0, ending: 0 } },
    'en',
  );
  expect(text).toBe(
    [
      'Your agency’s daily digest, Dec 1, 2026',
      'Ownership ends within 14 days, still at New:\n• C-1040 Ana Reyes — owned until Dec 11, 2026',
      'Open one with “candidate C-1040”. “digest off” stops these summaries.',
    ].join('\n\n'),
  );
});

test.each(LANGUAGES)('in %s: every placeholder filled, dates as the locale writes them', (language) => {
  const text = digestText(content, language);
  expect(text).not.toMatch(/\{\w+\}/);
  expect(text).toContain(
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-12-11T03:00:00Z')),
  );
  if (language !== 'en') expect(text).not.toContain('Your daily digest');
});

test('by email: a subject with the day, and how to answer from a chat', () => {
  const mail = renderDigestEmail(content, 'https://endorse.example', 'es');
  expect(mail.subject).toBe('Tu resumen de Endorse, 1 dic 2026');
  expect(mail.text).toContain('https://endorse.example');
});

test('the stored payload is checked when it is sent', () => {
  expect(digestContentSchema.safeParse(content).success).toBe(true);
  expect(digestContentSchema.safeParse({ ...content, stages: [{ ref: 1, name: 'x', from: 'NEW', to: 'LIMBO' }] }).success).toBe(
    false,
  );
});
