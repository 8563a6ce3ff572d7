import type { Actor, Role } from '../domain/permissions';
import type { Decision } from '../domain/permissions';
import type { SqlQuery } from '../db/sql-runner';
import { ForbiddenError, NotFoundError } from './errors';

/**
 * The operator at the command line (`npm run admin`): whoever can run it already holds the
 * database, so it acts with an owner's rights; its audit rows carry no user.
 */
export const SYSTEM_ACTOR = 'system';

/**
 * Who a service call acts for: a user id, read fresh by the service, or the actor the caller read
 * in this same request (the engine reads the user and agency with each event's first statement).
 */
export type ActorRef = string | Actor;

/**
 * The actor from the database on every request: a disabled user or agency loses access on the
 * very next one, because nothing outlives a request (DESIGN §1). An actor the caller read in this
 * request is taken as it is: a second read a few milliseconds later cost a statement on half the
 * chat messages.
 */
export async function loadActor(sql: SqlQuery, who: ActorRef): Promise<Actor> {
  if (typeof who !== 'string') return who;
  const userId = who;
  if (userId === SYSTEM_ACTOR) return { userId, role: 'OWNER', agencyId: null, active: true };
  // On the driver: every service call starts here.
  const rows = await sql.query<{ role: Role; status: string; agencyId: string | null; agencyStatus: string | null }>(
    `SELECT u."role"::text AS "role", u."status"::text AS "status", u."agencyId", a."status"::text AS "agencyStatus"
     FROM "User" u LEFT JOIN "Agency" a ON a."id" = u."agencyId" WHERE u."id" = $1`,
    [userId],
  );
  return toActor(userId, rows[0]);
}

/** The actor from a row of the user joined with their agency (a statement may read more beside it). */
export function toActor(
  userId: string,
  user: { role: Role; status: string; agencyId: string | null; agencyStatus: string | null } | undefined,
): Actor {
  if (!user) throw new NotFoundError({ key: 'svc.accountNotFound' });
  return {
    userId,
    role: user.role,
    agencyId: user.agencyId,
    active: user.status === 'ACTIVE' && (user.agencyStatus === null || user.agencyStatus === 'ACTIVE'),
  };
}

export function assertAllowed(decision: Decision): void {
  if (!decision.allowed) throw new ForbiddenError({ key: decision.denial.key });
}
