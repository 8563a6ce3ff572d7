import type { Actor } from '../domain/permissions';
import type { Decision } from '../domain/permissions';
import type { Db } from '../db/database';
import { ForbiddenError, NotFoundError } from './errors';

/**
 * The operator at the command line (`npm run admin`): whoever can run it already holds the
 * database, so it acts with an owner's rights; its audit rows carry no user.
 */
export const SYSTEM_ACTOR = 'system';

/**
 * Loads the actor from the database on every call: a disabled user or agency loses access on the
 * very next request, because nothing is cached (DESIGN §1).
 */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
  if (userId === SYSTEM_ACTOR) return { userId, role: 'OWNER', agencyId: null, active: true };
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, status: true, agencyId: true, agency: { select: { status: true } } },
  });
  if (!user) throw new NotFoundError('Your account was not found. Ask an owner or your agency admin for a new invitation.');
  return {
    userId: user.id,
    role: user.role,
    agencyId: user.agencyId,
    active: user.status === 'ACTIVE' && (user.agency === null || user.agency.status === 'ACTIVE'),
  };
}

export function assertAllowed(decision: Decision): void {
  if (!decision.allowed) throw new ForbiddenError(decision.denial.reason);
}
