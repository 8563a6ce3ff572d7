/**
 * The raw SQL the migrator and a few admin tasks need, on either engine. Prisma's own API runs
 * prepared statements, which cannot carry a multi-statement migration script.
 */
export interface SqlRunner {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one parameterized statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}
