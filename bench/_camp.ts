import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { createServices } from '../src/services';
async function main() {
  const database = await openDatabase({ databaseUrl: 'postgresql://postgres@127.0.0.1:5432/endorse_bench_search', dataDir: '', poolMax: 4 });
  const services = createServices({ db: database.prisma, sql: database.driver, logger: createLogger('silent'), now: () => new Date(), publicUrl: 'http://x', inviteTtlDays: 7 });
  for (const search of [undefined, 'santos', 'maria santos', 'anto']) {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) { const t0 = performance.now(); await services.listDashboard('recruiter', { view: 'campaigns', search, pageSize: 10 }); ms.push(performance.now() - t0); }
    console.log(search, ms.map((m) => m.toFixed(1)).join(' '));
  }
  await database.close();
}
void main();
