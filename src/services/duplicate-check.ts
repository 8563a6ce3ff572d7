import type { SqlQuery } from '../db/sql-runner';
import { windowStart, type DuplicateRuleSpec, type ExistingCandidate, type MatchOn } from '../domain/duplicates';

export interface MatchedCandidate extends ExistingCandidate {
  ref: number;
}

/**
 * The duplicate check's read (DESIGN §2): the earliest in-window match from the submitting agency
 * and the earliest from any agency — all the rules need, however often the person was submitted.
 * Each branch is a range scan on the (phone, submittedAt) / (emailKey, submittedAt) indexes. The
 * email is matched by its canonical form (`emailKey`, see canonicalEmail), and the rows give it
 * back as `email`, so the rules compare like with like. The parameters are the keys the rule
 * matches on (phone, canonical email or both, in that order), then the window's start and the agency. Exported so bench/dedup.ts explains exactly what submissions run.
 */
export function matchStatement(matchOn: MatchOn): string {
  const keys: string[] = [];
  if (matchOn !== 'EMAIL') keys.push(`"phone" = $${keys.length + 1}`);
  if (matchOn !== 'PHONE') keys.push(`"emailKey" = $${keys.length + 1}`);
  const since = `$${keys.length + 1}::timestamp`;
  const agency = `$${keys.length + 2}`;
  // `timestamp` columns hold UTC (as Prisma writes them); AT TIME ZONE makes the driver read them so.
  const columns = `"id", "ref", "agencyId", "phone", "emailKey" AS "email", "submittedAt" AT TIME ZONE 'UTC' AS "submittedAt"`;
  const match = `(${keys.join(' OR ')}) AND "submittedAt" >= ${since}`;
  return `(SELECT ${columns} FROM "Candidate" WHERE ${match} AND "agencyId" = ${agency} ORDER BY "submittedAt" LIMIT 1)
    UNION ALL
    (SELECT ${columns} FROM "Candidate" WHERE ${match} ORDER BY "submittedAt" LIMIT 1)`;
}

/** The parameters of matchStatement(rule.matchOn) for one submission; `key.email` is canonical already. */
export function matchParams(input: {
  key: { phone: string; email: string };
  rule: DuplicateRuleSpec;
  agencyId: string;
  now: Date;
}): unknown[] {
  const params: unknown[] = [];
  if (input.rule.matchOn !== 'EMAIL') params.push(input.key.phone);
  if (input.rule.matchOn !== 'PHONE') params.push(input.key.email);
  params.push(windowStart(input.now, input.rule.windowMonths).toISOString(), input.agencyId);
  return params;
}

/** Runs the check on the driver: inside the submission's transaction, after its key locks (`key.email` canonical). */
export async function findMatches(
  sql: SqlQuery,
  input: { key: { phone: string; email: string }; rule: DuplicateRuleSpec; agencyId: string; now: Date },
): Promise<MatchedCandidate[]> {
  return sql.query<MatchedCandidate & Record<string, unknown>>(matchStatement(input.rule.matchOn), matchParams(input));
}
