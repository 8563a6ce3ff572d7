import { canAdministerPlatform } from '../domain/permissions';
import { assertAllowed, loadActor } from './actor';
import type { ServiceDeps } from './deps';

export interface AuditRow {
  at: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
}

/** The latest admin actions, newest first (owners only). */
export async function listAuditLog(deps: ServiceDeps, actorId: string, limit = 20): Promise<AuditRow[]> {
  assertAllowed(canAdministerPlatform(await loadActor(deps.sql, actorId)));
  const rows = await deps.db.auditLog.findMany({
    orderBy: { at: 'desc' },
    take: Math.min(Math.max(limit, 1), 200),
    select: { at: true, action: true, targetType: true, targetId: true, actor: { select: { email: true } } },
  });
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor?.email ?? 'system',
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
  }));
}
