import type { Db } from '../db/database';
import type { SqlDriver } from '../db/sql-runner';
import type { Logger } from '../logger';
import type { SecretBox } from '../secrets/secret-box';
import type { ReferenceCache } from './reference-cache';

/** What every service needs, injected so tests pass a real database and a fake clock. */
export interface ServiceDeps {
  db: Db;
  /** The driver under `db`, for the statements that run on every message (see SqlQuery). */
  sql: SqlDriver;
  logger: Logger;
  now: () => Date;
  /** Base URL for links (invitations). */
  publicUrl: string;
  inviteTtlDays: number;
  /** DEFAULT_PHONE_COUNTRY: the country of a code-less phone when the agency has none. */
  defaultPhoneCountry?: string;
  /** The daily digest's local hour and fallback zone (DIGEST_HOUR, DEFAULT_TIME_ZONE); default 08:00 UTC. */
  digest?: { hour: number; defaultTimeZone: string };
  /** Seals platform tokens at rest (SECRET_KEYS); without it they are stored in clear (development). */
  secrets?: SecretBox;
  /** Campaigns kept in process, dropped on every instance when one writes them; absent: read every time. */
  reference?: ReferenceCache;
}
