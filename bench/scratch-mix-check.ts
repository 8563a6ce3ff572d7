import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { createEngine } from '../src/engine';
import { createQueue } from '../src/jobs';
import { createLogger } from '../src/logger';
import { createServices } from '../src/services';
import { recreateDatabase } from './support/bench-database';
import { seedCandidates } from './support/seed-candidates';
import { script, type Known } from './mix';
import { personOf } from './support/mix-people';

async function main() {
  const url = await recreateDatabase('endorse_scratch_mix');
  const db = await openDatabase({ databaseUrl: url, dataDir: '' });
  await migrate(db.sql);
  await seedCandidates(db.sql, { candidates: 5000, agencies: 50, usersPerAgency: 5, campaigns: 12, label: 'Mix' });
  const logger = createLogger('silent');
  const services = createServices({ db: db.prisma, sql: db.driver, logger, now: () => new Date(), publicUrl: 'http://x', inviteTtlDays: 7 });
  const queue = createQueue({ logger });
  const engine = createEngine({ services, queue, logger });
  const rows = await db.sql.query<{ phone: string; ref: number; agencyId: string; submittedById: string }>(`SELECT "phone","ref","agencyId","submittedById" FROM "Candidate"`);
  const known: Known = { byAgency: new Map(), campaignIds: [] };
  for (const r of rows) { const a = Number(r.agencyId.slice(7)); known.byAgency.set(a, [...(known.byAgency.get(a) ?? []), r]); }
  known.campaignIds = (await db.sql.query<{ id: string }>(`SELECT "id" FROM "Campaign"`)).map((c) => c.id);
  for (const k of [0, 1, 2]) {
    await db.sql.query(`INSERT INTO "ChatIdentity" ("id","userId","platform","workspaceId","platformUserId","address","createdAt","updatedAt") VALUES (gen_random_uuid()::text, $1, 'WEB', '', $2, '{}'::jsonb, now(), now())`, [personOf(k).userId, `p${k}`]).catch((e) => { console.log(String(e)); });
    for (const loop of [0, 1, 2]) for (const step of script(k, loop, known, process.argv[2] === 'forms')) {
      const payload = step.kind === 'text' ? { type: 'text' as const, text: step.text } : step.kind === 'action' ? { type: 'action' as const, actionId: step.actionId, ...(step.value ? { value: step.value } : {}) } : { type: 'form' as const, formId: 'submission', values: step.values, files: [] };
      const replies = await engine.handle({ platform: 'WEB', eventId: `e-${Math.random()}`, identity: { platformUserId: `p${k}` }, conversation: { id: `c${k}`, address: { c: k } }, payload });
      const b = replies[0]?.body as { type: string; text?: string; title?: string } | undefined;
      console.log(k, step.label, '→', b?.type, (b?.text ?? b?.title ?? '').replace(/\n/g, ' ').slice(0, 90));
    }
  }
  await queue.close();
  await db.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
