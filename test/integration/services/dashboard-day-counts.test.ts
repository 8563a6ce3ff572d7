import type { MetricName } from '../../../src/services/dashboards';
import { METRIC_OUTCOMES } from '../../../src/services/dashboards';
import type { SqlQuery } from '../../../src/db/sql-runner';
import { openTestEnv, seedFixture, unique, uniquePhone, type Fixture, type TestEnv } from '../../support/services';

/**
 * The period metrics of an agency and of every agency read whole days from SubmissionDayCount,
 * a recruiter's campaigns' from SubmissionCampaignDayCount (both kept by triggers on Submission), and count the partial first and last day from the submissions.
 * Here they must equal a plain count of the submissions for periods that start and end anywhere:
 * mid-day, exactly at midnight, a millisecond either side, within one day.
 */
jest.setTimeout(60_000);

let env: TestEnv;
let f: Fixture;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** A UTC midnight well in the past, so the fixture's days are its own. */
let MIDNIGHT: Date;
const at = (days: number, ms = 0) => new Date(MIDNIGHT.getTime() + days * DAY_MS + ms);

const person = () => {
  const name = unique('Dora');
  return { firstName: name, lastName: 'Day', phone: uniquePhone(), email: `${name.toLowerCase()}@example.com` };
};

async function submitAt(date: Date, userId: string, p = person()) {
  env.clock.set(date);
  return env.services.submitCandidate(userId, { ...p, campaignId: f.campaignId, channel: 'WEB' });
}

/** The truth the metrics must equal: the scope's submissions in the period, counted one by one. */
async function counted(agencyId: string | null, from: Date, to: Date, toIncluded: boolean, campaignId: string | null = null) {
  const rows = await env.deps.sql.query<{ outcome: string; n: string }>(
    `SELECT "outcome", count(*) AS n FROM "Submission"
      WHERE ($1::text IS NULL OR "agencyId" = $1) AND ($4::text IS NULL OR "campaignId" = $4)
        AND "submittedAt" >= $2::timestamp AND "submittedAt" ${toIncluded ? '<=' : '<'} $3::timestamp
      GROUP BY 1`,
    [agencyId, from.toISOString(), to.toISOString(), campaignId],
  );
  return Object.fromEntries(
    METRIC_OUTCOMES.map(({ outcome, field }) => [field, Number(rows.find((r) => r.outcome === outcome)?.n ?? 0)]),
  ) as Record<MetricName, number>;
}

/** Every (day, outcome) of one agency's or campaign's whose kept count differs from the submissions' own count. */
async function drifted(by: 'agencyId' | 'campaignId', id: string, sql: SqlQuery) {
  const counts = by === 'agencyId' ? '"SubmissionDayCount"' : '"SubmissionCampaignDayCount"';
  return sql.query(
    `SELECT coalesce(d."day", s."day") AS "day", coalesce(d."outcome", s."outcome") AS "outcome", d."n" AS kept, s."n" AS real
       FROM (SELECT "day", "outcome", sum("n")::int AS n FROM ${counts} WHERE "${by}" = $1 GROUP BY 1, 2) d
       FULL JOIN (SELECT date_trunc('day', "submittedAt") AS "day", "outcome", count(*)::int AS n
                    FROM "Submission" WHERE "${by}" = $1 GROUP BY 1, 2) s
         ON s."day" = d."day" AND s."outcome" = d."outcome"
      WHERE coalesce(d."n", 0) <> coalesce(s."n", 0)`,
    [id],
  );
}
const driftedDays = (agencyId: string, sql: SqlQuery = env.deps.sql) => drifted('agencyId', agencyId, sql);
const driftedCampaignDays = (campaignId: string, sql: SqlQuery = env.deps.sql) => drifted('campaignId', campaignId, sql);

beforeAll(async () => {
  env = await openTestEnv();
  const today = Math.floor(env.clock.now().getTime() / DAY_MS) * DAY_MS;
  MIDNIGHT = new Date(today - 400 * DAY_MS);
  f = await seedFixture(env);
  // Agency A: submissions over five days, some exactly at midnight or a millisecond before it.
  const again = person();
  await submitAt(at(0, 5 * HOUR_MS), f.userA, again);
  await submitAt(at(1, -1), f.userA);
  await submitAt(at(1), f.userA);
  await submitAt(at(1, 12 * HOUR_MS), f.userA2);
  await submitAt(at(2, 3 * HOUR_MS), f.userA);
  expect((await submitAt(at(2, 20 * HOUR_MS), f.userA, again)).outcome).toBe('PREVIOUSLY_SUBMITTED');
  await submitAt(at(3, 23 * HOUR_MS), f.userA);
  await submitAt(at(4), f.userA);
  // Agency B: one on a day agency A also has.
  await submitAt(at(2, 8 * HOUR_MS), f.userB);
});

afterAll(async () => {
  await env.close();
});

describe('the metrics equal a count of the submissions', () => {
  const periods: [string, () => [Date, Date]][] = [
    ['several whole days with partial ends', () => [at(0, 2 * HOUR_MS), at(4, 6 * HOUR_MS)]],
    ['from and to exactly at midnight', () => [at(1), at(4)]],
    ['a millisecond either side of midnight', () => [at(1, -1), at(4, 1)]],
    ['a millisecond inside midnight', () => [at(1, 1), at(4, -1)]],
    ['within one day', () => [at(1, HOUR_MS), at(1, 13 * HOUR_MS)]],
    ['one whole day and nothing else', () => [at(2), at(3)]],
    ['two partial days, no whole day between', () => [at(1, 6 * HOUR_MS), at(2, 6 * HOUR_MS)]],
  ];

  test.each(periods)('an agency pool: %s', async (_what, period) => {
    const [from, to] = period();
    const page = await env.services.listDashboard(f.adminA, { view: 'pool', from, to });
    expect(page.metrics).toEqual({ ...(await counted(f.agencyA, from, to, false)), from, to });
  });

  test.each(periods)('an owner, every agency: %s', async (_what, period) => {
    const [from, to] = period();
    const page = await env.services.listDashboard(f.ownerId, { view: 'pool', from, to });
    expect(page.metrics).toEqual({ ...(await counted(null, from, to, false)), from, to });
  });

  test.each(periods)('a recruiter, the campaigns they recruit for: %s', async (_what, period) => {
    const [from, to] = period();
    const page = await env.services.listDashboard(f.recruiterId, { view: 'campaigns', from, to });
    expect(page.metrics).toEqual({ ...(await counted(null, from, to, false, f.campaignId)), from, to });
  });

  test('the default period (ending now, now included) in an agency pool', async () => {
    env.clock.set(at(4));
    const page = await env.services.listDashboard(f.adminA, { view: 'pool' });
    expect(page.metrics).toMatchObject(await counted(f.agencyA, new Date(at(4).getTime() - 30 * DAY_MS), at(4), true));
    expect(page.metrics.added).toBe(7);
    expect(page.metrics.previouslySubmitted).toBe(1);
  });

  test('a user’s metrics are still counted from its own index, and a recruiter’s campaigns’ from their day counts', async () => {
    const [from, to] = [at(0), at(5)];
    expect((await env.services.listDashboard(f.userA2, { view: 'mine', from, to })).metrics).toMatchObject({ added: 1 });
    expect((await env.services.listDashboard(f.recruiterId, { view: 'campaigns', from, to })).metrics).toMatchObject({
      added: 8,
      previouslySubmitted: 1,
    });
  });
});

describe('the day counts stay equal to the submissions', () => {
  test('after the fixture’s submissions', async () => {
    expect(await driftedDays(f.agencyA)).toEqual([]);
    expect(await driftedDays(f.agencyB)).toEqual([]);
    expect(await driftedCampaignDays(f.campaignId)).toEqual([]);
  });

  test('when one agency’s submissions of one day are confirmed at the same time', async () => {
    env.clock.set(at(6, HOUR_MS));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        env.services.submitCandidate(i % 2 ? f.userA : f.userA2, { ...person(), campaignId: f.campaignId, channel: 'WEB' }),
      ),
    );
    expect(results.every((r) => r.outcome === 'ADDED')).toBe(true);
    expect(await driftedDays(f.agencyA)).toEqual([]);
    expect(await driftedCampaignDays(f.campaignId)).toEqual([]);
    const [day] = await env.deps.sql.query<{ n: number }>(
      `SELECT sum("n")::int AS n FROM "SubmissionDayCount" WHERE "agencyId" = $1 AND "day" = $2::timestamp AND "outcome" = 'ADDED'`,
      [f.agencyA, at(6).toISOString()],
    );
    expect(day?.n).toBe(12);
  });

  test('when a submission is moved to another agency and day, and when one is deleted', async () => {
    await env.deps.sql
      .transaction(async (tx) => {
        await tx.query(
          `UPDATE "Submission" SET "agencyId" = $2, "submittedAt" = "submittedAt" + interval '1 day'
          WHERE "id" = (SELECT "id" FROM "Submission" WHERE "agencyId" = $1 AND "submittedAt" = $3::timestamp)`,
          [f.agencyA, f.agencyB, at(4).toISOString()],
        );
        await tx.query(
          `DELETE FROM "Submission" WHERE "id" = (SELECT "id" FROM "Submission" WHERE "agencyId" = $1 AND "submittedAt" = $2::timestamp)`,
          [f.agencyA, at(3, 23 * HOUR_MS).toISOString()],
        );
        expect(await driftedDays(f.agencyA, tx)).toEqual([]);
        expect(await driftedDays(f.agencyB, tx)).toEqual([]);
        expect(await driftedCampaignDays(f.campaignId, tx)).toEqual([]);
        // Not kept: the fixture stays as the other tests describe it.
        throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
  });
});

class RollBack extends Error {}
