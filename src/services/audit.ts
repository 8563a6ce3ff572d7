import type { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/database';
import { SYSTEM_ACTOR } from './actor';

/** A client or an open transaction: audit rows are written inside the action's own transaction. */
export type DbOrTx = Db | Prisma.TransactionClient;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** Ids and flags only: never personal data in clear. */
  details?: Prisma.InputJsonValue;
}

export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  const system = entry.actorId === SYSTEM_ACTOR;
  await db.auditLog.create({
    data: { ...entry, actorId: system ? null : entry.actorId, details: entry.details ?? (system ? { via: 'cli' } : {}) },
  });
}
