import { windowStart, type DuplicateRuleSpec, type ExistingCandidate } from '../domain/duplicates';
import { Prisma } from '../generated/prisma/client';
import type { DbOrTx } from './audit';

export interface MatchedCandidate extends ExistingCandidate {
  ref: number;
}

/**
 * The duplicate check's read (DESIGN §2): the earliest in-window match from the submitting agency
 * and the earliest from any agency — all the rules need, however often the person was submitted.
 * Each branch is a range scan on the (phone, submittedAt) / (email, submittedAt) indexes. It is one
 * raw statement because it runs on every submission under a lock: one round trip, no query
 * compilation. Exported so bench/dedup.ts times exactly what submissions run.
 */
export async function findMatches(
  db: DbOrTx,
  input: { key: { phone: string; email: string }; rule: DuplicateRuleSpec; agencyId: string; now: Date },
): Promise<MatchedCandidate[]> {
  const keys: Prisma.Sql[] = [];
  if (input.rule.matchOn !== 'EMAIL') keys.push(Prisma.sql`"phone" = ${input.key.phone}`);
  if (input.rule.matchOn !== 'PHONE') keys.push(Prisma.sql`"email" = ${input.key.email}`);
  const since = windowStart(input.now, input.rule.windowMonths);
  const match = Prisma.sql`(${Prisma.join(keys, ' OR ')}) AND "submittedAt" >= ${since}`;
  return db.$queryRaw<MatchedCandidate[]>`
    (SELECT "id", "ref", "agencyId", "phone", "email", "submittedAt" FROM "Candidate"
      WHERE ${match} AND "agencyId" = ${input.agencyId} ORDER BY "submittedAt" LIMIT 1)
    UNION ALL
    (SELECT "id", "ref", "agencyId", "phone", "email", "submittedAt" FROM "Candidate"
      WHERE ${match} ORDER BY "submittedAt" LIMIT 1)`;
}
