import { ServiceError } from '../services/errors';
import type { Ctx } from './context';

/**
 * The text for an error a user can act on (the services write theirs for the person at the
 * keyboard), or null for a fault the engine should log and apologise for.
 */
export function describeError(ctx: Ctx, error: unknown): string | null {
  if (error instanceof ServiceError) {
    const said = error.messageIn(ctx.event.locale);
    return error.code === 'FORBIDDEN' ? `${said} ${ctx.t('error.forbiddenHint')}` : said;
  }
  return null;
}

/**
 * The event could not be handled because a dependency was out of reach (the database): nothing is
 * said to the user, and whoever delivered the event keeps it to hand it in again (`replay`) once
 * the dependency is back, instead of losing it.
 */
export class EventDeferred extends Error {
  override readonly name = 'EventDeferred';
}
