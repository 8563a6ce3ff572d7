import type { z } from 'zod';
import { InvalidInputError } from './errors';

/** Parses service input at the edge; the first problem becomes an error naming its field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidInputError(issue?.message ?? 'That input is not valid.', issue?.path.join('.'));
}
