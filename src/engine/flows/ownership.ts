import type { OwnershipSeen } from '../../domain/duplicates';
import type { ProfileOwnership } from '../../services/candidates';
import type { Ctx } from '../context';
import { dayLabel } from '../labels';

/**
 * Whose the person is and until when, as an agency is told it: the line agencies and employers
 * settle fees by. The only place agency-facing ownership becomes words: `until` is null where the
 * rule hides another agency's end date, and then no date (nor whether the hold has ended) is said.
 */
export function ownershipLine(ctx: Ctx, seen: OwnershipSeen): string {
  if (seen.until === null) return ctx.t('ownership.another.hidden');
  const date = dayLabel(ctx, seen.until);
  const ended = seen.until.getTime() < ctx.runtime.now().getTime();
  if (seen.yours) return ctx.t(ended ? 'ownership.yours.ended' : 'ownership.yours', { date });
  return ctx.t(ended ? 'ownership.another.ended' : 'ownership.another', { date });
}

/** The same for a list row of a duplicate: short, after the outcome. */
export function ownershipPhrase(ctx: Ctx, seen: OwnershipSeen): string {
  if (seen.until === null) return ctx.t('dash.held.hidden');
  const date = dayLabel(ctx, seen.until);
  if (seen.yours) return ctx.t('ownership.yours', { date });
  return ctx.t(seen.until.getTime() < ctx.runtime.now().getTime() ? 'dash.held.ended' : 'dash.held', { date });
}

/** A profile's ownership field: the agency's view, or the employer's with the holding agency. */
export function profileOwnershipLine(ctx: Ctx, o: ProfileOwnership): string {
  if (o.viewer === 'agency') return ownershipLine(ctx, o.seen);
  const date = dayLabel(ctx, o.until);
  const ended = o.until.getTime() < ctx.runtime.now().getTime();
  const line = ctx.t(ended ? 'ownership.held.ended' : 'ownership.held', { agency: o.agency, date });
  return o.endShownToAgencies ? line : `${line} ${ctx.t('ownership.held.endHidden')}`;
}
