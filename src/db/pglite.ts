import type { PGlite } from '@electric-sql/pglite';
import type { SqlRunner } from './sql-runner';

/**
 * PGlite's own start-up flags, plus memory settings sized for a demo: PostgreSQL's default 128 MB
 * of shared buffers live in the WebAssembly heap, which never shrinks, and cost about 120 MB of
 * resident memory in a process that holds a few thousand rows (bench:memory).
 */
const EMBEDDED_START_PARAMS = [
  ...['--single', '-F', '-O', '-j', '-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false'],
  ...['-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0', '-c', 'max_parallel_workers_per_gather=0'],
  ...['-c', 'shared_buffers=16MB', '-c', 'work_mem=2MB', '-c', 'maintenance_work_mem=16MB', '-c', 'temp_buffers=2MB'],
];

/** The embedded PostgreSQL on the data folder `pgdata` (created there when it holds no database). */
export async function startPglite(pgdata: string): Promise<PGlite> {
  // Loaded only here: the embedded engine costs ~50 MB of memory that a PostgreSQL deployment never needs.
  const [{ PGlite: EmbeddedPostgres }, { pg_trgm }, { btree_gin }] = await Promise.all([
    import('@electric-sql/pglite'),
    // The dashboards' search index needs both (migrations 20261129110000_dashboard_search and
    // 20261201400000_search_index_by_agency).
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/btree_gin'),
  ]);
  return EmbeddedPostgres.create(pgdata, { extensions: { pg_trgm, btree_gin }, startParams: EMBEDDED_START_PARAMS });
}

/** The migrator's view of a PGlite session. */
export function pgliteRunner(pglite: PGlite, close: () => Promise<void> = async () => undefined): SqlRunner {
  return {
    exec: async (text) => void (await pglite.exec(text)),
    query: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows as never,
    close,
  };
}
