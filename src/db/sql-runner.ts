/**
 * The raw SQL the migrator and a few admin tasks need, on either engine. Prisma's own API runs
 * prepared statements, which cannot carry a multi-statement migration script.
 */
export interface SqlRunner extends SqlQuery {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * One parameterized statement, straight on the driver under Prisma. For the few statements every
 * request runs (a chat message, a service call): Prisma's raw path costs about five times the
 * driver's CPU per query (`bench:telegram` shows the difference as throughput).
 */
export interface SqlQuery {
  /** Runs one parameterized statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Row[]>;
}

export interface QueryOptions {
  /**
   * Plan with the values every time (an unnamed statement) instead of reusing a prepared plan. For
   * statements whose best plan depends on the values, e.g. a `LIKE '%…%'` search: PostgreSQL's
   * generic plan for a prepared one cannot use the trigram index and scanned 1,000,000 rows.
   */
  planEachTime?: boolean;
}

/**
 * The driver with transactions: every statement of `fn` runs on one session between BEGIN and
 * COMMIT (ROLLBACK when `fn` throws). For the per-message writes that must be atomic (a
 * submission): one round trip per statement, no ORM in between.
 */
export interface SqlDriver extends SqlQuery {
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export interface TransactionOptions {
  /**
   * Settings for this transaction only (SET LOCAL), sent with its BEGIN in the same round trip,
   * e.g. `{ plan_cache_mode: 'force_generic_plan' }`. Names and values are the code's own words
   * (lower case, digits, underscores); anything else is refused.
   */
  settings?: Record<string, string>;
}
