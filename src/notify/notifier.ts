import type { Db } from '../db/database';
import type { SqlDriver } from '../db/sql-runner';
import type { JobDefinition, JobQueue } from '../jobs';
import { every } from '../jobs/every';
import type { Logger } from '../logger';
import type { Mailer } from '../mail/mailer';
import type { CommentAdded, StageChanged } from '../services/candidates';
import { loadDisputeForNotice, loadDisputeLostNotice } from '../services/dispute-views';
import { outboxEventSchema } from '../services/outbox';
import type { SubmissionResult } from '../services/submissions';

import { ATS_JOB_NAME, newAtsDeliveryId, type atsJobSchema, type AtsJobData } from './ats-webhook';
import type { ChannelRegistry } from '../engine/channel-registry';
import { createDeliveryJob, deliveryJobId, type deliveryJobSchema } from './delivery-job';
import {
  disputeDeciders,
  usersById,
  loadCandidateEvent,
  insertNotifications,
  type CandidateContext,
  type NotificationEvent,
} from './fan-out';
import { createRateLimiter, type RateLimiter } from './rate-limiter';
import type { Metrics } from '../metrics/metrics';

/** What the new-candidate notification needs of a submission (the outbox row carries exactly this). */
type SubmittedCandidate =
  | Pick<
      Extract<SubmissionResult, { outcome: 'ADDED' }>,
      'outcome' | 'submissionId' | 'candidateId' | 'candidateRef' | 'outboxEventId'
    >
  | Pick<Extract<SubmissionResult, { outcome: 'ALREADY_IN_SYSTEM' }>, 'outcome' | 'submissionId' | 'outboxEventId'>
  | { outcome: Exclude<SubmissionResult['outcome'], 'ADDED' | 'ALREADY_IN_SYSTEM'> };

/** A dispute event (src/services/disputes.ts): the notifier reads the dispute itself. */
interface DisputeEvent {
  disputeId: string;
  outboxEventId?: string;
}

/** How often job-running processes look for outbox events a crash left behind. */
export const OUTBOX_RELAY_INTERVAL_MS = 5_000;
/** How long a relayed outbox event is kept. */
const OUTBOX_KEEP_MS = 7 * 24 * 3_600_000;

export interface NotifierDeps {
  db: Db;
  /** The driver under `db`: the per-event statements (outbox claim, fan-out, delivery) run on it. */
  sql: SqlDriver;
  queue: JobQueue;
  logger: Logger;
  now: () => Date;
  publicUrl: string;
  channels: ChannelRegistry;
  mailer: Mailer;
  limiter?: RateLimiter;
  /** Counts delivery tries by channel and result (GET /metrics). */
  metrics?: Pick<Metrics, 'delivery'>;
  /** Retry policy of the delivery job (tests shorten it). */
  delivery?: { attempts?: number; backoffMs?: number; leaseMs?: number; retryDelaysMs?: readonly number[] };
  /** The ATS webhook job when ATS_WEBHOOK_URL is set. */
  atsJob?: JobDefinition<typeof atsJobSchema> | null;
  /** An enqueue that takes longer (Redis down) is left to the sweeper. Default 2 s. */
  enqueueTimeoutMs?: number;
  /** A PENDING row older than this with no live lease is re-enqueued by `sweep`. Default 60 s. */
  sweepAfterMs?: number;
  /** How long a relay holds an outbox event while it fans it out. Default 15 s. */
  outboxLeaseMs?: number;
}

/**
 * The domain-event step (issue 8): call after a service succeeded. Each event writes its
 * Notification rows first (the database is the record; DESIGN §7 "nothing is lost"), then enqueues
 * one delivery job per row. If Redis loses jobs, `sweep` re-enqueues what is still pending.
 */
export interface Notifier {
  readonly deliveryJob: JobDefinition<typeof deliveryJobSchema>;
  /** Registers the delivery (and ATS) jobs on the queue; call before `queue.start()`. */
  register(): void;
  /** Dispatches on the author's role: recruiters and owners → agency side; agency users → recruiters. */
  onCommentAdded(result: CommentAdded): Promise<number>;
  onRecruiterComment(result: CommentAdded): Promise<number>;
  onAgencyComment(result: CommentAdded): Promise<number>;
  onStageChange(result: StageChanged): Promise<number>;
  /**
   * A new candidate's recruiters and ATS hear of it; the ATS also hears of a submission of someone
   * it registered first (ALREADY_IN_SYSTEM); other outcomes tell no one.
   */
  onCandidateSubmitted(result: SubmittedCandidate): Promise<number>;
  /** Enqueues delivery jobs for Notification rows just written (the digest's, issue 19). */
  deliver(ids: readonly string[]): Promise<void>;
  /** A dispute opened: every owner and the campaign's recruiters, with Uphold / Transfer buttons. */
  onDisputeOpened(result: DisputeEvent): Promise<number>;
  /** A dispute decided: the disputing agency's people, told only what concerns their submission. */
  onDisputeDecided(result: DisputeEvent): Promise<number>;
  /** Re-enqueues stale PENDING rows, and those whose next round is due; returns how many. */
  sweep(): Promise<number>;
  /**
   * Fans out one outbox event (the services write one with every comment, stage change and new
   * candidate, in the same transaction): Notification rows, their jobs, the ATS webhook; then marks
   * it processed. False when another relay holds it or it was done already.
   */
  relay(outboxEventId: string): Promise<boolean>;
  /** Relays every outbox event left behind (a crash after the commit), oldest first; returns how many. */
  relayPending(): Promise<number>;
  /**
   * Starts a new round of tries for these notifications now (owners' `deliveries retry`); the
   * rows were put back to PENDING by the service. Returns how many were enqueued.
   */
  resend(rows: readonly { id: string; retryRound: number }[]): Promise<number>;
  /** Runs `sweep` every `intervalMs` until the returned function is called. */
  startSweeper(intervalMs?: number): () => void;
}

/**
 * Takes a relay's lease on an unprocessed outbox event ($1) and reads it; no row: done or held by
 * another relay. The relay's writes (this lease, the notification rows, the processed mark) commit
 * asynchronously: none waits for its WAL flush, which cost more CPU than the statement itself. A
 * crash of the database server can forget the last fraction of a second of them, in order; the
 * event is then relayed again, which its notifications' dedupe keys make harmless. A delivery's
 * record (delivery-job.ts) commits synchronously, flushing the rows it sent from first.
 */
const CLAIM_OUTBOX_EVENT = `
  UPDATE "OutboxEvent" SET "lockedUntil" = $2::timestamp, "attempts" = "attempts" + 1
  FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async
  WHERE "id" = $1 AND "processedAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" < $3::timestamp)
  RETURNING "kind", "payload"`;

/** The relay is done with the outbox event ($1) at $2 (asynchronous commit, as CLAIM_OUTBOX_EVENT says). */
const MARK_OUTBOX_EVENT_PROCESSED = `
  UPDATE "OutboxEvent" SET "processedAt" = $2::timestamp, "lockedUntil" = NULL
  FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async
  WHERE "id" = $1`;

/** The latest change of the candidate ($1) to the stage ($2), with who made it (name, else email). */
const LATEST_STAGE_CHANGE = `
  SELECT s."id", coalesce(u."name", u."email") AS "actor"
  FROM "StageChange" s JOIN "User" u ON u."id" = s."changedById"
  WHERE s."candidateId" = $1 AND s."toStage" = $2::"Stage"
  ORDER BY s."at" DESC LIMIT 1`;

/** A direct applicant's submission ($1) as the ATS hears of it: its record, the agency, the campaign. */
const DIRECT_SUBMISSION_FOR_ATS = `
  SELECT e."externalId", e."source"::text AS "source", a."name" AS "agency", c."name" AS "campaign"
  FROM "Submission" s
  JOIN "ExternalCandidate" e ON e."id" = s."externalCandidateId"
  JOIN "Agency" a ON a."id" = s."agencyId"
  JOIN "Campaign" c ON c."id" = s."campaignId"
  WHERE s."id" = $1`;

export function createNotifier(deps: NotifierDeps): Notifier {
  const limiter = deps.limiter ?? createRateLimiter();
  const enqueueTimeoutMs = deps.enqueueTimeoutMs ?? 2000;
  const sweepAfterMs = deps.sweepAfterMs ?? 60_000;
  const outboxLeaseMs = deps.outboxLeaseMs ?? 15_000;

  const enqueue = async (ids: readonly string[]) => {
    await Promise.all(ids.map((id) => enqueueOne(id)));
  };
  const enqueueOne = async (id: string, round = 0, delayMs?: number) => {
    const added = deps.queue.add(deliveryJob, { notificationId: id, round }, { jobId: deliveryJobId(id, round), delayMs });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      added.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), enqueueTimeoutMs))),
    ])
      .catch((error: Error) => {
        deps.logger.warn({ notificationId: id, err: error.message }, 'notify: enqueue failed; the sweeper will retry');
        return false;
      })
      .finally(() => clearTimeout(timer));
    // The add may still land later; the job id makes that and the sweeper's re-add one job.
    if (timedOut) {
      added.catch(() => undefined);
      deps.logger.warn({ notificationId: id }, 'notify: enqueue is slow (queue down?); the sweeper will retry');
    }
  };

  const deliveryJob = createDeliveryJob({
    ...deps,
    ...deps.delivery,
    limiter,
    scheduleRound: (id, round, delayMs) => enqueueOne(id, round, delayMs),
  });

  const publish = async (event: NotificationEvent): Promise<number> => {
    const ids = await insertNotifications(deps.sql, deps.now(), event);
    await enqueue(ids);
    deps.logger.info({ kind: event.kind, candidateId: event.candidateId, notifications: ids.length }, 'notify: event fanned out');
    return ids.length;
  };

  /** `outboxEventId` makes a relayed-again event the same webhook (same delivery id, one job). */
  const toAts = async (data: Omit<AtsJobData, 'deliveryId' | 'occurredAt'>, outboxEventId?: string) => {
    if (!deps.atsJob) return;
    const deliveryId = outboxEventId ? `ats-${outboxEventId}` : newAtsDeliveryId();
    const job = { ...data, deliveryId, occurredAt: deps.now().toISOString() };
    await deps.queue.add(deps.atsJob, job, outboxEventId ? { jobId: deliveryId } : {}).catch((error: Error) => {
      deps.logger.error({ job: ATS_JOB_NAME, err: error.message }, 'notify: could not enqueue the ATS webhook');
    });
  };

  /**
   * The employer's side of ALREADY_IN_SYSTEM: which agency submitted which of the ATS's records.
   * `outboxEventId` makes a relayed-again event the same webhook.
   */
  const alreadyInSystemToAts = async (submissionId: string, outboxEventId?: string) => {
    if (!deps.atsJob) return;
    const [s] = await deps.sql.query<{ externalId: string; source: string; agency: string; campaign: string }>(
      DIRECT_SUBMISSION_FOR_ATS,
      [submissionId],
    );
    if (!s) return;
    await toAts(
      {
        event: 'candidate.already_in_system',
        data: { submissionId, externalId: s.externalId, source: s.source.toLowerCase(), agency: s.agency, campaign: s.campaign },
      },
      outboxEventId,
    );
  };

  const payloadOf = (c: CandidateContext) => ({
    candidateRef: c.ref,
    candidateName: c.name,
    campaign: c.campaign,
    agency: c.agency,
  });

  const notifier: Notifier = {
    deliveryJob,
    register() {
      deps.queue.register(deliveryJob);
      if (deps.atsJob) deps.queue.register(deps.atsJob);
    },
    async onCommentAdded(result) {
      return result.authorRole === 'AGENCY_ADMIN' || result.authorRole === 'AGENCY_USER'
        ? notifier.onAgencyComment(result)
        : notifier.onRecruiterComment(result);
    },
    async onRecruiterComment(result) {
      const found = await loadCandidateEvent(deps.sql, 'comment', result.commentId, 'agencySide');
      if (!found?.comment) return 0;
      const { c, comment, recipients } = found;
      return publish({
        kind: 'RECRUITER_COMMENT',
        candidateId: c.id,
        eventKey: `comment:${result.commentId}`,
        recipients,
        payload: { ...payloadOf(c), actor: comment.author, body: comment.body },
      });
    },
    async onAgencyComment(result) {
      const found = await loadCandidateEvent(deps.sql, 'comment', result.commentId, 'recruiters');
      if (!found?.comment) return 0;
      const { c, comment, recipients } = found;
      await toAts(
        {
          event: 'comment.created',
          data: {
            candidateRef: c.ref,
            candidateId: c.id,
            commentId: result.commentId,
            author: comment.author,
            agency: c.agency,
            body: comment.body,
          },
        },
        result.outboxEventId,
      );
      return publish({
        kind: 'AGENCY_COMMENT',
        candidateId: c.id,
        eventKey: `comment:${result.commentId}`,
        recipients,
        payload: { ...payloadOf(c), actor: comment.author, body: comment.body },
      });
    },
    async onStageChange(result) {
      // Two independent reads on the driver, side by side: the candidate with its submitter, and who moved it.
      const [found, [change]] = await Promise.all([
        loadCandidateEvent(deps.sql, 'candidate', result.candidateId, 'submitter'),
        deps.sql.query<{ id: string; actor: string }>(LATEST_STAGE_CHANGE, [result.candidateId, result.to]),
      ]);
      if (!found) return 0;
      const { c, recipients } = found;
      return publish({
        kind: 'STAGE_CHANGE',
        candidateId: c.id,
        eventKey: `stage:${change?.id ?? `${c.id}:${result.from}:${result.to}`}`,
        recipients,
        payload: {
          ...payloadOf(c),
          from: result.from,
          to: result.to,
          actor: change?.actor,
        },
      });
    },
    async onCandidateSubmitted(result) {
      if (result.outcome === 'ALREADY_IN_SYSTEM') {
        await alreadyInSystemToAts(result.submissionId, result.outboxEventId);
        return 0;
      }
      if (result.outcome !== 'ADDED') return 0;
      const found = await loadCandidateEvent(deps.sql, 'candidate', result.candidateId, 'recruiters');
      if (!found) return 0;
      const { c, recipients } = found;
      await toAts(
        {
          event: 'candidate.submitted',
          data: {
            candidateRef: c.ref,
            candidateId: c.id,
            submissionId: result.submissionId,
            agency: c.agency,
            campaign: c.campaign,
          },
        },
        result.outboxEventId,
      );
      return publish({
        kind: 'CANDIDATE_SUBMITTED',
        candidateId: c.id,
        eventKey: `submission:${result.submissionId}`,
        recipients,
        payload: payloadOf(c),
      });
    },
    deliver: (ids) => enqueue(ids),
    async onDisputeOpened({ disputeId }) {
      const d = await loadDisputeForNotice(deps.db, disputeId);
      if (!d) return 0;
      const v = d.view;
      return publish({
        kind: 'DISPUTE_OPENED',
        candidateId: null,
        eventKey: `dispute:${disputeId}:opened`,
        recipients: await disputeDeciders(deps.db, v.campaign.id),
        payload: {
          disputeRef: v.ref,
          outcome: v.outcome,
          agency: v.agency.name,
          openedBy: v.openedBy,
          // Null: the employer's own record held the person (ALREADY_IN_SYSTEM), there is no candidate yet.
          ownerAgency: v.ownerAgency?.name ?? null,
          candidateRef: v.candidate?.ref ?? null,
          candidateName: v.person,
          submissionRef: v.submissionRef,
          campaign: v.campaign.name,
          reason: v.reason,
          evidence: v.evidence?.filename ?? null,
        },
      });
    },
    async onDisputeDecided({ disputeId }) {
      const d = await loadDisputeForNotice(deps.db, disputeId);
      if (!d?.view.decision) return 0;
      const decision = d.view.decision;
      const told = await publish({
        kind: 'DISPUTE_DECIDED',
        candidateId: null,
        eventKey: `dispute:${disputeId}:decided`,
        recipients: await usersById(deps.db, d.agencyUserIds),
        // Built from the agency's own side only: the other agency is not named, not even by id.
        payload: {
          disputeRef: d.agencySide.disputeRef,
          submissionRef: d.agencySide.submissionRef,
          personName: d.agencySide.personName,
          decision: decision.decision,
          reason: decision.reason,
          until: (decision.ownershipUntil ?? decision.at).toISOString(),
          candidateRef: decision.decision === 'transfer' ? (d.view.candidate?.ref ?? null) : null,
          heldByEmployer: d.agencySide.heldByEmployer,
        },
      });
      // A transfer takes the person from another agency: it hears so, instead of finding out from a list.
      const lost = decision.decision === 'transfer' ? await loadDisputeLostNotice(deps.db, disputeId) : null;
      if (!lost) return told;
      return (
        told +
        (await publish({
          kind: 'DISPUTE_DECIDED',
          candidateId: null,
          eventKey: `dispute:${disputeId}:lost`,
          recipients: await usersById(deps.db, lost.userIds),
          payload: { lost: true, disputeRef: lost.disputeRef, candidateRef: lost.candidateRef, personName: lost.personName },
        }))
      );
    },
    async sweep() {
      const now = deps.now();
      const stale = await deps.db.notification.findMany({
        where: {
          status: 'PENDING',
          createdAt: { lt: new Date(now.getTime() - sweepAfterMs) },
          AND: [
            { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
            // A row waiting for its next round is left alone until the round is due.
            { OR: [{ retryAt: null }, { retryAt: { lte: now } }] },
          ],
        },
        select: { id: true, retryRound: true },
        orderBy: { createdAt: 'asc' },
        take: 1000,
      });
      await Promise.all(stale.map((n) => enqueueOne(n.id, n.retryRound)));
      // Relayed outbox events are kept a week (to look into), then let go.
      await deps.db.outboxEvent.deleteMany({ where: { processedAt: { lt: new Date(now.getTime() - OUTBOX_KEEP_MS) } } });
      if (stale.length > 0) deps.logger.info({ notifications: stale.length }, 'notify: re-enqueued pending notifications');
      return stale.length;
    },
    async resend(rows) {
      await Promise.all(rows.map((n) => enqueueOne(n.id, n.retryRound)));
      if (rows.length > 0) deps.logger.info({ notifications: rows.length }, 'notify: failed notifications sent again');
      return rows.length;
    },
    async relay(outboxEventId) {
      const now = deps.now();
      // On the driver, as the rest of the per-event path: every comment and new candidate is relayed.
      const [row] = await deps.sql.query<{ kind: string; payload: unknown }>(CLAIM_OUTBOX_EVENT, [
        outboxEventId,
        new Date(now.getTime() + outboxLeaseMs).toISOString(),
        now.toISOString(),
      ]);
      if (!row) return false;
      try {
        const event = outboxEventSchema.parse({ kind: row.kind, data: row.payload });
        if (event.kind === 'comment.added') await notifier.onCommentAdded({ ...event.data, outboxEventId });
        else if (event.kind === 'stage.changed') await notifier.onStageChange({ ...event.data, outboxEventId });
        else if (event.kind === 'dispute.opened') await notifier.onDisputeOpened({ ...event.data, outboxEventId });
        else if (event.kind === 'dispute.decided') await notifier.onDisputeDecided({ ...event.data, outboxEventId });
        else await notifier.onCandidateSubmitted({ ...event.data, outboxEventId });
      } catch (error) {
        // The lease runs out and the next relay tries again; a row that never parses stays to be looked at.
        const message = (error as Error).message.slice(0, 500);
        await deps.sql
          .query(`UPDATE "OutboxEvent" SET "lastError" = $2 WHERE "id" = $1`, [outboxEventId, message])
          .catch(() => undefined);
        throw error;
      }
      await deps.sql.query(MARK_OUTBOX_EVENT_PROCESSED, [outboxEventId, deps.now().toISOString()]);
      return true;
    },
    async relayPending() {
      const now = deps.now();
      const pending = await deps.db.outboxEvent.findMany({
        where: { processedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
        select: { id: true },
        orderBy: { createdAt: 'asc' },
        take: 500,
      });
      let relayed = 0;
      for (const { id } of pending) {
        const done = await notifier.relay(id).catch((error: Error) => {
          deps.logger.error({ outboxEventId: id, err: error.message }, 'notify: outbox event not relayed; retried later');
          return false;
        });
        if (done) relayed++;
      }
      if (relayed > 0) deps.logger.info({ events: relayed }, 'notify: relayed outbox events left behind');
      return relayed;
    },
    startSweeper(intervalMs = 30_000) {
      const stopSweep = every(intervalMs, 'notify: sweep', () => notifier.sweep(), deps.logger);
      // Events a crash left in the outbox are picked up at start and then every few seconds: they
      // are comments people wait for, unlike the sweep's rare lost jobs.
      void notifier
        .relayPending()
        .catch((error: Error) => deps.logger.error({ err: error.message }, 'notify: outbox relay failed'));
      const stopRelay = every(
        Math.min(intervalMs, OUTBOX_RELAY_INTERVAL_MS),
        'notify: outbox relay',
        () => notifier.relayPending(),
        deps.logger,
      );
      return () => {
        stopSweep();
        stopRelay();
      };
    },
  };
  return notifier;
}
