import { DEFAULT_DUPLICATE_RULE, type MatchOn } from '../../../src/domain/duplicates';
import { matchParams, matchStatement } from '../../../src/services/duplicate-check';
import { openTestEnv, uniquePhone, type TestEnv } from '../../support/services';

/**
 * Issue 19: the duplicate check reads the ATS's direct applicants from the (key, supersededAt,
 * registeredAt, id) indexes alone, in their order, never by scanning the table, whatever the rule
 * matches on.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await openTestEnv();
  // Enough people for the planner to prefer an index to a scan, as it will in production.
  await env.deps.sql.query(`
    INSERT INTO "ExternalCandidate" ("id", "externalId", "source", "firstName", "lastName", "phone", "email", "registeredAt")
    SELECT 'plan-' || g, 'plan-' || g || '-' || md5(random()::text), 'DIRECT', 'Plan', 'Person', '+1555' || lpad(g::text, 7, '0'),
           'plan' || g || '@example.com', now() - (g || ' minutes')::interval
    FROM generate_series(1, 5000) AS g`);
  await env.deps.sql.query(`VACUUM ANALYZE "ExternalCandidate"`);
});
afterAll(async () => {
  await env.deps.sql.query(`DELETE FROM "ExternalCandidate" WHERE "id" LIKE 'plan-%'`);
  await env.close();
});

test.each(['EITHER', 'PHONE', 'EMAIL'] as const)(
  'matchOn %s: each applicant branch is an index-only scan',
  async (matchOn: MatchOn) => {
    const rule = { ...DEFAULT_DUPLICATE_RULE, matchOn };
    const params = matchParams({
      key: { phone: uniquePhone(), email: 'nobody@example.com' },
      rule,
      agencyId: 'a',
      now: new Date(),
    });
    const plan = (await env.deps.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${matchStatement(matchOn)}`, params)).map(
      (r) => r['QUERY PLAN'],
    );
    const text = plan.join('\n');
    expect(text).not.toMatch(/Seq Scan on "ExternalCandidate"/);
    // In index order, with the superseded records (a dispute's transfer) left out by the index condition.
    expect(text).not.toMatch(/Sort Key: "ExternalCandidate(_1)?"/);
    if (matchOn !== 'EMAIL')
      expect(text).toMatch(/Index Only Scan using "ExternalCandidate_phone_supersededAt_registeredAt_id_idx"/);
    if (matchOn !== 'PHONE')
      expect(text).toMatch(/Index Only Scan using "ExternalCandidate_emailKey_supersededAt_registeredAt_id_idx"/);
  },
);
