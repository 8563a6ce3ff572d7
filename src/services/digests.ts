import { z } from 'zod';
import { DIGEST_ON_BY_DEFAULT, digestTimeZone, OWNERSHIP_REMINDER_DAYS, ownershipEndsSoon } from '../domain/digest';
import { DEFAULT_DUPLICATE_RULE, ownershipOf, windowStart } from '../domain/duplicates';
import { shortQuote } from '../domain/limits';
import type { Prisma } from '../generated/prisma/client';
import type { DbOrTx } from './audit';
import { STAGES } from './dashboards';
import type { ServiceDeps } from './deps';
import { InvalidInputError } from './errors';

/** DIGEST_HOUR and DEFAULT_TIME_ZONE when the composition passes none (tests). */
export const DEFAULT_DIGEST_SETTINGS = Object.freeze({ hour: 8, defaultTimeZone: 'UTC' });

/** At most this many lines per section; the rest is counted ("…and 3 more"). */
export const DIGEST_ITEMS_MAX = 10;
/** A comment is quoted up to this many characters. */
const COMMENT_QUOTE_CHARS = 200;
const DAY_MS = 86_400_000;

const item = { ref: z.number().int(), name: z.string() };
/**
 * What one digest tells, stored as the Notification's payload when it is claimed (so a retry
 * sends the same text) and rendered in the reader's language when it is sent. Only the reader's
 * own agency's candidates, recruiters' names and the agency's own ownership dates are in it.
 */
export const digestContentSchema = z.object({
  /** `mine`: what the user submitted; `agency`: everything their agency submitted (admins). */
  scope: z.enum(['mine', 'agency']),
  /** The reader's calendar day the digest is for (`2026-11-30`). */
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  comments: z.array(z.object({ ...item, author: z.string(), body: z.string() })),
  stages: z.array(z.object({ ...item, from: z.enum(STAGES), to: z.enum(STAGES) })),
  /** Owned candidates still at NEW whose ownership ends within the reminder's days. */
  ending: z.array(z.object({ ...item, until: z.iso.datetime() })),
  /** How many more of each there were than the lists hold. */
  more: z.object({ comments: z.number().int(), stages: z.number().int(), ending: z.number().int() }),
});
export type DigestContent = z.infer<typeof digestContentSchema>;

/** Lines a digest tells: 0 means nothing to say (and nothing is sent). */
export const digestItems = (c: DigestContent): number =>
  c.comments.length + c.stages.length + c.ending.length + c.more.comments + c.more.stages + c.more.ending;

/** Whose digest: an agency user's own candidates, or an admin's whole agency. */
export interface DigestReader {
  userId: string;
  role: 'AGENCY_ADMIN' | 'AGENCY_USER';
  agencyId: string;
}

const scopeOf = (reader: DigestReader): Prisma.CandidateWhereInput =>
  reader.role === 'AGENCY_ADMIN' ? { agencyId: reader.agencyId } : { agencyId: reader.agencyId, submittedById: reader.userId };

const nameOf = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

/**
 * The digest of `reader` for the period after `since` up to `at`: recruiters' comments (never an
 * agency's own) and stage changes on the reader's candidates, and those of them whose ownership ends
 * within 14 days of `at` while they are still at NEW. Reads only; pass the claim's transaction.
 */
export async function collectDigest(
  db: DbOrTx,
  reader: DigestReader,
  period: { since: Date; at: Date; localDate: string },
): Promise<DigestContent> {
  const scope = scopeOf(reader);
  const inPeriod = { gt: period.since, lte: period.at };
  const commentWhere: Prisma.CommentWhereInput = { createdAt: inPeriod, author: { agencyId: null }, candidate: scope };
  const stageWhere: Prisma.StageChangeWhereInput = { at: inPeriod, candidate: scope };
  const candidateSelect = { select: { ref: true, firstName: true, lastName: true } } as const;
  const [comments, commentCount, stages, stageCount, ending] = await Promise.all([
    db.comment.findMany({
      where: commentWhere,
      orderBy: { createdAt: 'asc' },
      take: DIGEST_ITEMS_MAX,
      select: { body: true, author: { select: { name: true, email: true } }, candidate: candidateSelect },
    }),
    db.comment.count({ where: commentWhere }),
    db.stageChange.findMany({
      where: stageWhere,
      orderBy: { at: 'asc' },
      take: DIGEST_ITEMS_MAX,
      select: { fromStage: true, toStage: true, candidate: candidateSelect },
    }),
    db.stageChange.count({ where: stageWhere }),
    endingSoon(db, scope, period.at),
  ]);
  return {
    scope: reader.role === 'AGENCY_ADMIN' ? 'agency' : 'mine',
    localDate: period.localDate,
    comments: comments.map((c) => ({
      ref: c.candidate.ref,
      name: nameOf(c.candidate),
      author: c.author.name ?? c.author.email,
      body: shortQuote(c.body, COMMENT_QUOTE_CHARS),
    })),
    stages: stages.map((s) => ({ ref: s.candidate.ref, name: nameOf(s.candidate), from: s.fromStage, to: s.toStage })),
    ending: ending.slice(0, DIGEST_ITEMS_MAX),
    more: {
      comments: commentCount - comments.length,
      stages: stageCount - stages.length,
      ending: Math.max(0, ending.length - DIGEST_ITEMS_MAX),
    },
  };
}

/**
 * Candidates in `scope` at NEW whose ownership (ownershipOf with their campaign's rule window, else
 * the global one) ends after `now` and within the reminder's days, soonest first. The query takes
 * the widest submission range any rule could put there; ownershipOf decides exactly.
 */
async function endingSoon(db: DbOrTx, scope: Prisma.CandidateWhereInput, now: Date): Promise<DigestContent['ending']> {
  const rules = await db.duplicateRule.findMany({ select: { scope: true, windowMonths: true } });
  const globalWindow = rules.find((r) => r.scope === 'global')?.windowMonths ?? DEFAULT_DUPLICATE_RULE.windowMonths;
  const windowOf = (campaignId: string) => rules.find((r) => r.scope === campaignId)?.windowMonths ?? globalWindow;
  const windows = [globalWindow, ...rules.map((r) => r.windowMonths)];
  const horizon = new Date(now.getTime() + OWNERSHIP_REMINDER_DAYS * DAY_MS);
  // Two days of slack on each side for month-end clamping; the exact test is below.
  const from = new Date(windowStart(now, Math.max(...windows)).getTime() - 2 * DAY_MS);
  const to = new Date(windowStart(horizon, Math.min(...windows)).getTime() + 2 * DAY_MS);
  const rows = await db.candidate.findMany({
    where: { ...scope, stage: 'NEW', submittedAt: { gte: from, lte: to } },
    select: { ref: true, firstName: true, lastName: true, agencyId: true, campaignId: true, submittedAt: true },
    orderBy: { submittedAt: 'asc' },
    take: 1000,
  });
  return rows
    .map((c) => ({ c, until: ownershipOf(c, windowOf(c.campaignId)).until }))
    .filter(({ until }) => ownershipEndsSoon(until, now))
    .sort((a, b) => a.until.getTime() - b.until.getTime())
    .map(({ c, until }) => ({ ref: c.ref, name: nameOf(c), until: until.toISOString() }));
}

/** What `digest status` says: on or off, and when it comes. */
export interface DigestSettings {
  enabled: boolean;
  /** The local hour it comes at (DIGEST_HOUR). */
  hour: number;
  /** The zone that hour is in: the user's country's, their agency's, else DEFAULT_TIME_ZONE. */
  timeZone: string;
}

export async function getDigestSettings(deps: ServiceDeps, userId: string): Promise<DigestSettings> {
  const settings = deps.digest ?? DEFAULT_DIGEST_SETTINGS;
  const [user, preference] = await Promise.all([
    deps.db.user.findUnique({ where: { id: userId }, select: { country: true, agency: { select: { country: true } } } }),
    deps.db.digestPreference.findUnique({ where: { userId }, select: { enabled: true } }),
  ]);
  return {
    enabled: preference?.enabled ?? DIGEST_ON_BY_DEFAULT,
    hour: settings.hour,
    timeZone: digestTimeZone({ userCountry: user?.country, agencyCountry: user?.agency?.country }, settings.defaultTimeZone),
  };
}

/** Turns the user's daily digest on or off (agency users and admins; others have none). */
export async function setDigestEnabled(deps: ServiceDeps, userId: string, enabled: boolean): Promise<DigestSettings> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (user?.role !== 'AGENCY_ADMIN' && user?.role !== 'AGENCY_USER')
    throw new InvalidInputError({ key: 'svc.digest.agencyOnly' });
  await deps.db.digestPreference.upsert({ where: { userId }, create: { userId, enabled }, update: { enabled } });
  return getDigestSettings(deps, userId);
}
