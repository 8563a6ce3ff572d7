import { conversationSelect, type LoadedConversation } from './conversations';
import type { SqlQuery } from '../db/sql-runner';
import { identitySelect, toResolvedIdentity, type IdentityKey, type IdentityRow, type ResolvedIdentity } from './identities';

/** What opening events needs: a statement runner (one session is enough) and the clock. */
export interface EventOpenerDeps {
  sql: SqlQuery;
  now: () => Date;
}

/** What every inbound event starts with (see openEvent). */
export interface OpenedEvent {
  /** False when this platform event id was handled before: the event must be dropped. */
  fresh: boolean;
  /** Who is talking, or null for someone without an identity here yet. */
  user: ResolvedIdentity | null;
  conversation: LoadedConversation;
}

export interface EventToOpen {
  eventId: string;
  identity: IdentityKey;
  conversationId: string;
}

interface OpenedRow extends IdentityRow {
  n: string;
  fresh: boolean;
  version: number | null;
  state: unknown;
  conversationUserId: string | null;
}

/**
 * Records each platform event id (insert-first, so two instances receiving one redelivery cannot
 * both handle it) and reads each event's identity and dialog state: one statement for a whole
 * batch. Its commit is asynchronous: an event's effects commit synchronously later, and that
 * flushes the record too, so a crash can only forget an event that changed nothing.
 */
const OPEN_EVENTS = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
      AS t("platform", "eventId", "workspaceId", "platformUserId", "conversationId", "n")
  ), fresh AS (
    INSERT INTO "ProcessedEvent" ("platform", "eventId", "createdAt")
    SELECT "platform"::"Platform", "eventId", $6::timestamp
    FROM (SELECT DISTINCT "platform", "eventId" FROM input) AS ids
    -- In key order: two batches holding the same redelivered ids wait on each other, never deadlock.
    ORDER BY "platform", "eventId"
    ON CONFLICT DO NOTHING
    RETURNING "platform"::text AS "platform", "eventId"
  )
  SELECT input."n", fresh."eventId" IS NOT NULL AS "fresh", who.*,
         conv."version", conv."state", conv."userId" AS "conversationUserId"
  FROM input
  CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS async
  LEFT JOIN fresh ON fresh."platform" = input."platform" AND fresh."eventId" = input."eventId"
  LEFT JOIN LATERAL (${identitySelect('input."platform"', 'input."workspaceId"', 'input."platformUserId"')}) AS who ON true
  LEFT JOIN LATERAL (${conversationSelect('input."platform"', 'input."workspaceId"', 'input."conversationId"')}) AS conv ON true
  ORDER BY input."n"`;

/**
 * OPEN_EVENTS for one event, the usual case while the database keeps up, its values as scalars
 * ($1 platform, $2 event id, $3 workspace, $4 platform user, $5 conversation, $6 time). Its prepared
 * plan knows there is one row: it looks the identity and the conversation up by their keys, where
 * the batch's plan, guessing 10 unnested rows, hashed every chat identity, user and agency for each
 * event; and nothing is left to deduplicate, order or match back. PostgreSQL CPU per event
 * 380 -> 135 µs (bench/pg-cost.ts).
 */
const OPEN_ONE_EVENT = `
  WITH fresh AS (
    INSERT INTO "ProcessedEvent" ("platform", "eventId", "createdAt") VALUES ($1::"Platform", $2, $6::timestamp)
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT 1::bigint AS "n", EXISTS (SELECT FROM fresh) AS "fresh", who.*,
         conv."version", conv."state", conv."userId" AS "conversationUserId"
  FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async
  LEFT JOIN LATERAL (${identitySelect('$1', '$3', '$4')}) AS who ON true
  LEFT JOIN LATERAL (${conversationSelect('$1', '$3', '$5')}) AS conv ON true`;

/** How many statements may be on their way at once; events arriving meanwhile wait and go together. */
const IN_FLIGHT = 2;
/** At most this many events a statement: a failed statement fails every event it carries. */
const MAX_BATCH = 100;

interface Waiting {
  event: EventToOpen;
  resolve: (opened: OpenedEvent) => void;
  reject: (error: unknown) => void;
}

/**
 * openEvent(event): one round trip per event while the database keeps up, and under load one
 * round trip for all the events that arrived while earlier ones were out — the busier it gets, the
 * fewer round trips (and commits) per event, and a quiet moment waits for nothing.
 */
export function createEventOpener(deps: EventOpenerDeps) {
  const queue: Waiting[] = [];
  let inFlight = 0;

  const flush = (): void => {
    const batch = queue.splice(0, MAX_BATCH);
    inFlight++;
    openBatch(
      deps,
      batch.map((w) => w.event),
    )
      .then(
        (opened) => batch.forEach((w, i) => w.resolve(opened[i] as OpenedEvent)),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        inFlight--;
        if (queue.length > 0) flush();
      });
  };

  return function openEvent(eventId: string, identity: IdentityKey, conversationId: string): Promise<OpenedEvent> {
    return new Promise((resolve, reject) => {
      queue.push({ event: { eventId, identity, conversationId }, resolve, reject });
      if (inFlight < IN_FLIGHT) flush();
    });
  };
}

/** Opens the events in one statement, answers in their order. A repeat inside the batch is not fresh. */
export async function openBatch(deps: EventOpenerDeps, events: readonly EventToOpen[]): Promise<OpenedEvent[]> {
  // `timestamp` columns hold UTC as Prisma writes them; the zone in the text is ignored on the way in.
  const at = deps.now().toISOString();
  const [one] = events;
  const rows =
    events.length === 1 && one
      ? await deps.sql.query<OpenedRow>(OPEN_ONE_EVENT, [
          one.identity.platform,
          one.eventId,
          one.identity.workspaceId,
          one.identity.platformUserId,
          one.conversationId,
          at,
        ])
      : await deps.sql.query<OpenedRow>(OPEN_EVENTS, [
          events.map((e) => e.identity.platform),
          events.map((e) => e.eventId),
          events.map((e) => e.identity.workspaceId),
          events.map((e) => e.identity.platformUserId),
          events.map((e) => e.conversationId),
          at,
        ]);
  if (rows.length !== events.length) throw new Error(`opened ${rows.length} rows for ${events.length} events`);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const event = events[i] as EventToOpen;
    const key = `${event.identity.platform}\u0000${event.eventId}`;
    const fresh = row.fresh && !seen.has(key);
    seen.add(key);
    return {
      fresh,
      user: toResolvedIdentity(row),
      conversation: { version: row.version ?? 0, state: row.state, userId: row.conversationUserId },
    };
  });
}
