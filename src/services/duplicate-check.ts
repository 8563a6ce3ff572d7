import type { SqlQuery } from '../db/sql-runner';
import {
  windowStart,
  type DirectApplicant,
  type DuplicateRuleSpec,
  type ExistingCandidate,
  type MatchOn,
} from '../domain/duplicates';

export interface MatchedCandidate extends ExistingCandidate {
  ref: number;
}

/** What the check found: agencies' candidates and people the employer's ATS registered (direct applicants). */
export interface Matches {
  candidates: MatchedCandidate[];
  applicants: DirectApplicant[];
}

type MatchRow = { kind: 'candidate' | 'applicant'; ref: number | null; agencyId: string | null } & Record<string, unknown> &
  Omit<ExistingCandidate, 'agencyId' | 'phone' | 'email'> & { phone: string | null; email: string | null };

/**
 * The duplicate check's read (DESIGN §2): the earliest in-window match from the submitting agency
 * and the earliest from any agency — all the rules need, however often the person was submitted —
 * and, per key, the earliest person the employer's ATS registered from another source in the
 * window — unless a dispute transferred them to an agency (`supersededAt` set: the agency's candidate
 * holds them now). Each candidate branch is a range scan on the (phone, submittedAt) / (emailKey,
 * submittedAt) indexes; each applicant branch reads (key, supersededAt, registeredAt, id) from the
 * index alone: the key and `supersededAt IS NULL` are equalities, so registeredAt is still in order.
 * The email is matched by its canonical form (`emailKey`, see canonicalEmail), and the rows give it
 * back as `email`, so the rules compare like with like. The parameters are the keys the rule
 * matches on (phone, canonical email or both, in that order), then the window's start and the
 * agency. Exported so bench/dedup.ts explains exactly what submissions run.
 */
export function matchStatement(matchOn: MatchOn): string {
  const keys: { column: 'phone' | 'emailKey'; param: string }[] = [];
  if (matchOn !== 'EMAIL') keys.push({ column: 'phone', param: `$${keys.length + 1}` });
  if (matchOn !== 'PHONE') keys.push({ column: 'emailKey', param: `$${keys.length + 1}` });
  const since = `$${keys.length + 1}::timestamp`;
  const agency = `$${keys.length + 2}`;
  // `timestamp` columns hold UTC (as Prisma writes them); AT TIME ZONE makes the driver read them so.
  const columns = `'candidate' AS "kind", "id", "ref", "agencyId", "phone", "emailKey" AS "email", "submittedAt" AT TIME ZONE 'UTC' AS "submittedAt"`;
  const match = `(${keys.map((k) => `"${k.column}" = ${k.param}`).join(' OR ')}) AND "submittedAt" >= ${since}`;
  const applicants = keys.map((k) => {
    // Only the matched key is read back (the other is null): it is in the index, the row is not needed.
    const phone = k.column === 'phone' ? '"phone"' : 'NULL::text';
    const email = k.column === 'emailKey' ? '"emailKey"' : 'NULL::text';
    // Ordered by the index's own columns: every row read has "supersededAt" null, so this is the
    // order of registeredAt, and the planner sees that the index gives it (no sort: unlike the key's
    // equality, `IS NULL` does not let it drop the column from the order).
    return `(SELECT 'applicant', "id", NULL::int, NULL::text, ${phone}, ${email}, "registeredAt" AT TIME ZONE 'UTC'
      FROM "ExternalCandidate" WHERE "${k.column}" = ${k.param} AND "supersededAt" IS NULL AND "registeredAt" >= ${since}
      ORDER BY "supersededAt", "registeredAt" LIMIT 1)`;
  });
  return [
    `(SELECT ${columns} FROM "Candidate" WHERE ${match} AND "agencyId" = ${agency} ORDER BY "submittedAt" LIMIT 1)`,
    `(SELECT ${columns} FROM "Candidate" WHERE ${match} ORDER BY "submittedAt" LIMIT 1)`,
    ...applicants,
  ].join('\n    UNION ALL\n    ');
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
): Promise<Matches> {
  const rows = await sql.query<MatchRow>(matchStatement(input.rule.matchOn), matchParams(input));
  const matches: Matches = { candidates: [], applicants: [] };
  for (const { kind, ref, agencyId, ...row } of rows) {
    if (kind === 'applicant') {
      matches.applicants.push({ id: row.id, phone: row.phone, email: row.email, registeredAt: row.submittedAt });
    } else {
      matches.candidates.push({
        ...row,
        ref: ref ?? 0,
        agencyId: agencyId ?? '',
        phone: row.phone ?? '',
        email: row.email ?? '',
      });
    }
  }
  return matches;
}
