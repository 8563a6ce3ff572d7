import type { Db } from '../db/database';
import type { Logger } from '../logger';

/** What every service needs, injected so tests pass a real database and a fake clock. */
export interface ServiceDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** Base URL for links (invitations). */
  publicUrl: string;
  inviteTtlDays: number;
}
