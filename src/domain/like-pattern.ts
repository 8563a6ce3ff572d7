/**
 * A search text as a literal inside a LIKE pattern. Prisma's `contains` wraps the value in `%…%`
 * without escaping it, so a search for `%` or `_` would match everything; PostgreSQL's default
 * LIKE escape character is the backslash, which therefore needs escaping too.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
