import type { BlockReason } from '../domain/duplicates';
import type { SqlQuery } from '../db/sql-runner';

/**
 * Submissions the duplicate rules blocked. Nothing was created for them (DESIGN §2): what is known
 * is the audit row the submission service wrote, without personal data: who, when, which campaign
 * and why. The dashboards list them under the outcome filter `blocked`.
 */
export interface BlockedAttempt {
  auditId: string;
  reason: BlockReason;
  campaign: string;
  at: Date;
  submittedBy: string;
}

export interface BlockedAttemptsQuery {
  /** Who tried (My Candidates). */
  submittedById?: string;
  /** Whose users tried (an Agency Pool, or a recruiter's agency filter). */
  agencyId?: string;
  /** Only these campaigns; absent: any. */
  campaignIds?: string[];
  limit: number;
  offset: number;
  /** Counted up to here, like the dashboards' totals. */
  countLimit: number;
}

interface Row extends Record<string, unknown> {
  rows: { id: string; reason: BlockReason | null; campaign: string; at: string; submittedBy: string }[] | null;
  total: string;
}

/**
 * One statement: the page and the capped count. The (action, at) index walks the attempts newest
 * first; the scope's conditions (the submitter, their agency, the campaigns) filter that walk.
 */
export async function listBlockedAttempts(
  sql: SqlQuery,
  q: BlockedAttemptsQuery,
): Promise<{ rows: BlockedAttempt[]; counted: number }> {
  const params: unknown[] = [];
  const param = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
  const where = [`a."action" = 'submission.blocked'`, `a."targetType" = 'campaign'`];
  if (q.submittedById) where.push(`a."actorId" = ${param(q.submittedById)}`);
  if (q.agencyId) where.push(`a."actorId" IN (SELECT u."id" FROM "User" u WHERE u."agencyId" = ${param(q.agencyId)})`);
  if (q.campaignIds) where.push(`a."targetId" = ANY (${param(q.campaignIds, '::text[]')})`);
  const condition = where.join(' AND ');
  const [result] = await sql.query<Row>(
    `WITH page AS (
       SELECT a."id", a."actorId", a."targetId", a."details", a."at" FROM "AuditLog" a WHERE ${condition}
       ORDER BY a."at" DESC, a."id" DESC LIMIT ${param(q.limit, '::int')} OFFSET ${param(q.offset, '::int')}
     )
     SELECT
       (SELECT json_agg(json_build_object(
           'id', p."id", 'reason', p."details"->>'reason', 'campaign', coalesce(cp."name", ''),
           'submittedBy', coalesce(u."name", u."email", ''),
           'at', to_char(p."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           ORDER BY p."at" DESC, p."id" DESC)
         FROM page p
         LEFT JOIN "Campaign" cp ON cp."id" = p."targetId"
         LEFT JOIN "User" u ON u."id" = p."actorId") AS "rows",
       (SELECT count(*) FROM (SELECT 1 FROM "AuditLog" a WHERE ${condition} LIMIT ${param(q.countLimit, '::int')}) AS counted) AS "total"`,
    params,
  );
  return {
    rows: (result?.rows ?? []).map((r) => ({
      auditId: r.id,
      // An older row without a reason was a cross-agency block.
      reason: r.reason === 'same_agency' || r.reason === 'already_in_system' ? r.reason : 'cross_agency',
      campaign: r.campaign,
      at: new Date(r.at),
      submittedBy: r.submittedBy,
    })),
    counted: Number(result?.total ?? 0),
  };
}
