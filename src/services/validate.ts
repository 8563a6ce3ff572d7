import type { z } from 'zod';
import { en, type MessageKey } from '../i18n/en';
import { InvalidInputError } from './errors';

const isMessageKey = (text: string): text is MessageKey => Object.hasOwn(en, text);

/** Parses service input at the edge; the first problem becomes an error naming its field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.');
  // A schema's own message may be a catalogue key, so the person reads it in their language.
  const message = issue?.message;
  if (message && isMessageKey(message)) throw new InvalidInputError({ key: message }, field);
  throw new InvalidInputError(message ?? 'That input is not valid.', field);
}
