import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n';
import type { ServiceDeps } from './deps';
import { parseOrThrow } from './validate';

const languageSchema = z.enum(LANGUAGES, { message: `The language is one of ${LANGUAGES.join(', ')}.` });

/** The user's stored language (`User.language`), or null before their first chat message. */
export async function getUserLanguage(deps: ServiceDeps, userId: string): Promise<Language | null> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { language: true } });
  const parsed = languageSchema.safeParse(user?.language);
  return parsed.success ? parsed.data : null;
}

/** Keeps the language the bot speaks to this user, in chat and in proactive messages and emails. */
export async function setUserLanguage(deps: ServiceDeps, userId: string, language: string): Promise<Language> {
  const value = parseOrThrow(languageSchema, language);
  await deps.db.user.update({ where: { id: userId }, data: { language: value } });
  return value;
}
