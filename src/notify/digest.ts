import type { Db } from '../db/database';
import { DIGEST_ON_BY_DEFAULT, digestSince, digestTimeZone, dueDigestDay } from '../domain/digest';
import { every } from '../jobs/every';
import type { Logger } from '../logger';
import { collectDigest, DEFAULT_DIGEST_SETTINGS, digestItems, type DigestReader } from '../services/digests';
import { writeNotifications, type Recipient } from './fan-out';
import type { Notifier } from './notifier';

/** How often job-running processes look for digests that are due (each user's hour comes once a day). */
export const DIGEST_CHECK_INTERVAL_MS = 5 * 60_000;

export interface DigestSchedulerDeps {
  db: Db;
  /** Enqueues the digest's Notification rows: the same delivery path as every notification. */
  notifier: Pick<Notifier, 'deliver'>;
  logger: Logger;
  /** The clock; tests move it across days. */
  now: () => Date;
  /** DIGEST_HOUR and DEFAULT_TIME_ZONE; default 08:00 UTC. */
  settings?: { hour: number; defaultTimeZone: string };
}

/** Claimed runs are kept this long to look into; a digest itself looks back a week at most. */
const DIGEST_RUN_KEEP_DAYS = 30;

/** What one pass did: digests claimed (this instance won the day), and of those, sent (had something to say). */
export interface DigestPass {
  claimed: number;
  sent: number;
}

export interface DigestScheduler {
  /**
   * Claims and sends every digest due now: each agency user and admin with the digest on, whose
   * local hour has come and whose day has no run yet. Safe on every instance at once: the claim
   * (a DigestRun row unique on user and local day, inserted ON CONFLICT DO NOTHING in the same
   * transaction that writes the Notification rows) lets exactly one of them send.
   */
  runDue(): Promise<DigestPass>;
  /** Runs `runDue` every `intervalMs` until the returned function is called. */
  start(intervalMs?: number): () => void;
}

interface Subscriber extends Recipient, DigestReader {
  timeZone: string;
}

const DAY_MS = 86_400_000;

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const settings = deps.settings ?? DEFAULT_DIGEST_SETTINGS;

  /** Agency users and admins who still have access, with their zone and reachable chats. */
  const readers = async (): Promise<Subscriber[]> => {
    const users = await deps.db.user.findMany({
      where: {
        role: { in: ['AGENCY_ADMIN', 'AGENCY_USER'] },
        status: 'ACTIVE',
        agency: { status: 'ACTIVE' },
      },
      select: {
        id: true,
        role: true,
        agencyId: true,
        country: true,
        agency: { select: { country: true } },
        identities: { where: { unreachableAt: null }, select: { id: true, platform: true } },
      },
    });
    const chosen = new Map(
      (
        await deps.db.digestPreference.findMany({
          where: { userId: { in: users.map((u) => u.id) } },
          select: { userId: true, enabled: true },
        })
      ).map((p) => [p.userId, p.enabled]),
    );
    return users.flatMap((u) =>
      (u.role === 'AGENCY_ADMIN' || u.role === 'AGENCY_USER') && u.agencyId && (chosen.get(u.id) ?? DIGEST_ON_BY_DEFAULT)
        ? [
            {
              id: u.id,
              userId: u.id,
              role: u.role,
              agencyId: u.agencyId,
              identities: u.identities,
              timeZone: digestTimeZone({ userCountry: u.country, agencyCountry: u.agency?.country }, settings.defaultTimeZone),
            },
          ]
        : [],
    );
  };

  /** Claims (user, day) and writes the digest's rows in one transaction; null when another run has the day. */
  const claimAndWrite = async (reader: Subscriber, localDate: string, now: Date): Promise<string[] | null> =>
    deps.db.$transaction(async (tx) => {
      const previous = await tx.digestRun.findFirst({
        where: { userId: reader.userId, localDate: { lt: localDate } },
        orderBy: { localDate: 'desc' },
        select: { at: true },
      });
      const since = digestSince(now, previous?.at ?? null);
      // The claim: a second instance's insert waits on this row's lock and then does nothing.
      const claimed = await tx.digestRun.createManyAndReturn({
        data: [{ userId: reader.userId, localDate, timeZone: reader.timeZone, since, at: now }],
        skipDuplicates: true,
        select: { id: true },
      });
      const run = claimed[0];
      if (!run) return null;
      const content = await collectDigest(tx, reader, { since, at: now, localDate });
      const items = digestItems(content);
      // Nothing to say, nothing sent; the run stays, so the next digest starts where this one ended.
      if (items === 0) return [];
      await tx.digestRun.update({ where: { id: run.id }, data: { items } });
      return writeNotifications(tx, now, {
        kind: 'DIGEST',
        candidateId: null,
        eventKey: `digest:${run.id}`,
        recipients: [reader],
        payload: content,
      });
    });

  const scheduler: DigestScheduler = {
    async runDue() {
      const now = deps.now();
      const all = await readers();
      // Runs already claimed for the days that can be due now (a zone's day is at most a day off UTC's).
      const recent = await deps.db.digestRun.findMany({
        where: {
          userId: { in: all.map((r) => r.userId) },
          localDate: { gte: new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10) },
        },
        select: { userId: true, localDate: true },
      });
      const done = new Set(recent.map((r) => `${r.userId}:${r.localDate}`));
      const pass: DigestPass = { claimed: 0, sent: 0 };
      for (const reader of all) {
        const day = dueDigestDay(now, reader.timeZone, settings.hour);
        if (!day || done.has(`${reader.userId}:${day}`)) continue;
        try {
          const ids = await claimAndWrite(reader, day, now);
          if (ids === null) continue;
          pass.claimed++;
          if (ids.length === 0) continue;
          pass.sent++;
          // Rows are committed: if this enqueue is lost, the notifier's sweeper enqueues them again.
          await deps.notifier.deliver(ids);
        } catch (error) {
          // The claim rolled back with the rest: the next pass tries this user again.
          deps.logger.error({ userId: reader.userId, day, err: (error as Error).message }, 'digest: not written');
        }
      }
      if (pass.claimed > 0) deps.logger.info({ ...pass }, 'digest: pass done');
      const keepFrom = new Date(now.getTime() - DIGEST_RUN_KEEP_DAYS * DAY_MS).toISOString().slice(0, 10);
      await deps.db.digestRun.deleteMany({ where: { localDate: { lt: keepFrom } } });
      return pass;
    },
    start(intervalMs = DIGEST_CHECK_INTERVAL_MS) {
      return every(intervalMs, 'digest: due digests', () => scheduler.runDue(), deps.logger);
    },
  };
  return scheduler;
}
