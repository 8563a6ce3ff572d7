import { openDatabase } from '../src/db/database';
import type { SqlDriver } from '../src/db/sql-runner';
import { createLogger } from '../src/logger';
import { createServices } from '../src/services';

async function main() {
  const database = await openDatabase({ databaseUrl: 'postgresql://postgres@127.0.0.1:5432/endorse_bench_search', dataDir: '', poolMax: 4 });
  const driver = database.driver;
  const last = { text: '', params: [] as unknown[] };
  const sql: SqlDriver = {
    query: (text, params, options) => { last.text = text; last.params = params ?? []; return driver.query(text, params, options); },
    transaction: (fn) => driver.transaction((tx) => fn({ query: (text, params, options) => { if (!text.includes('set_config')) { last.text = text; last.params = params ?? []; } return tx.query(text, params, options); } })),
  };
  const services = createServices({ db: database.prisma, sql, logger: createLogger('silent'), now: () => new Date(), publicUrl: 'http://x', inviteTtlDays: 7 });
  for (const term of process.argv.slice(2)) {
    await services.listDashboard(process.env.WHO ?? 'owner', { view: (process.env.VIEW ?? 'pool') as 'pool', search: term, pageSize: 10 });
    const setter = (await driver.query<{ s: string }>(`SELECT 1 AS s`)) && last;
    await database.sql.exec(`BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL join_collapse_limit = 1;`);
    const plan = await database.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${setter.text}`, setter.params);
    await database.sql.exec('COMMIT;');
    console.log(`=== ${term}\n` + plan.map((r) => r['QUERY PLAN']).filter((l) => !/Buffers/.test(l)).join('\n'));
  }
  await database.close();
}
void main();
