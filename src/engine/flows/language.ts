import { LANGUAGE_NAMES, LANGUAGES, matchLanguage, t, type Language } from '../../i18n';
import type { Ctx, Replies } from '../context';
import type { OutboundMessage } from '../messages';
import { choices, text } from '../reply';

/** Words people type for a language besides its code: its own name and the English one. */
const LANGUAGE_WORDS: Record<string, Language> = {
  english: 'en',
  ingles: 'en',
  inglés: 'en',
  spanish: 'es',
  espanol: 'es',
  español: 'es',
  portuguese: 'pt-BR',
  portugues: 'pt-BR',
  português: 'pt-BR',
  filipino: 'fil',
  tagalog: 'fil',
  taglish: 'fil',
};

export function parseLanguageWord(word: string): Language | null {
  const w = word.trim().toLowerCase();
  return LANGUAGE_WORDS[w] ?? matchLanguage(w);
}

const button = (language: Language) => ({ actionId: 'lang', value: language, label: LANGUAGE_NAMES[language] });

/**
 * Said once, on a user's first contact: the language taken from the platform, with one tap to
 * pick another. Each button is labelled in its own language, so anyone can find theirs. `before`
 * (the welcome) goes in the same message, so the buttons sit under the first thing they read;
 * `after` is a question whose answer is typed (the invitee's name), last, where the answer goes.
 */
export function languageConfirmation(language: Language, before?: string, after?: string): OutboundMessage {
  const confirm = t(language, 'language.confirm', { language: LANGUAGE_NAMES[language] });
  const lines = [before, confirm, after].filter((line): line is string => Boolean(line));
  return choices(lines.join('\n\n'), LANGUAGES.filter((l) => l !== language).map(button));
}

/** `language` (asks with buttons), `language es` / `language español`, or a language button. */
export async function onLanguage(ctx: Ctx, word: string | undefined): Promise<Replies> {
  const language = word ? parseLanguageWord(word) : null;
  if (!language) return [choices(ctx.t('language.ask'), LANGUAGES.map(button))];
  await ctx.services.setUserLanguage(ctx.user.userId, language);
  ctx.user.language = language;
  return [text(t(language, 'language.set', { language: LANGUAGE_NAMES[language] }))];
}
