/** One dependency's state as `/healthz` and `/readyz` show it. */
export interface CheckResult {
  ok: boolean;
  detail?: string;
}

export interface HealthReport {
  ok: boolean;
  database: CheckResult & { kind: string };
  queue: CheckResult & { backend: string };
  /** Each checked chat platform; one that is down does not make the process unhealthy (the others serve). */
  channels?: Record<string, CheckResult>;
}

export interface ReadinessReport {
  /** True when a load balancer may send requests here. */
  ready: boolean;
  /** Set while the process is shutting down: it answers what it has, and takes nothing new. */
  draining: boolean;
  database: CheckResult;
  queue: CheckResult;
  /** Each checked chat platform: one that is down is named here, and only its webhooks answer 503. */
  channels?: Record<string, CheckResult>;
}

export interface HealthChecksOptions {
  /** Runs one trivial statement on the database. */
  pingDatabase: () => Promise<unknown>;
  databaseKind: string;
  queueBackend: string;
  queueHealth: () => Promise<CheckResult & { backend: string }>;
  /** True once shutdown began (readiness turns 503 at once). */
  isDraining: () => boolean;
  /** The chat platforms' state (no I/O: kept by src/http/channel-status.ts). */
  channels?: () => Record<string, CheckResult>;
  /** Each check's answer time limit; the reports come within it. Default 800 ms (`/healthz` must answer within 1 s). */
  timeoutMs?: number;
}

export interface HealthChecks {
  health(): Promise<HealthReport>;
  readiness(): Promise<ReadinessReport>;
}

const DEFAULT_TIMEOUT_MS = 800;

/**
 * `/healthz` and `/readyz` behind time limits: a frozen database (a stopped server, a stalled
 * network) answers nothing, and a check that waits for it would hang the probe, then the
 * orchestrator's, then pile up. A check still running from an earlier probe is joined, not
 * started again, so a frozen dependency holds at most one probe query.
 */
export function createHealthChecks(options: HealthChecksOptions): HealthChecks {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const database = singleFlight(options.pingDatabase);
  const queue = singleFlight(options.queueHealth);

  const check = async (): Promise<{ db: CheckResult; q: CheckResult & { backend: string } }> => {
    const [db, q] = await Promise.all([
      withinLimit(database(), timeoutMs).then(
        (answer): CheckResult =>
          answer === TIMED_OUT ? { ok: false, detail: `no answer within ${timeoutMs} ms` } : { ok: true },
        (error: Error): CheckResult => ({ ok: false, detail: error.message }),
      ),
      withinLimit(queue(), timeoutMs).then(
        (answer) =>
          answer === TIMED_OUT
            ? { ok: false, backend: options.queueBackend, detail: `no answer within ${timeoutMs} ms` }
            : answer,
        (error: Error) => ({ ok: false, backend: options.queueBackend, detail: error.message }),
      ),
    ]);
    return { db, q };
  };

  return {
    async health() {
      const { db, q } = await check();
      const channels = options.channels?.();
      return { ok: db.ok && q.ok, database: { ...db, kind: options.databaseKind }, queue: q, ...(channels ? { channels } : {}) };
    },
    async readiness() {
      const draining = options.isDraining();
      const { db, q } = await check();
      const { backend: _backend, ...queueResult } = q;
      const channels = options.channels?.();
      return { ready: !draining && db.ok && q.ok, draining, database: db, queue: queueResult, ...(channels ? { channels } : {}) };
    },
  };
}

const TIMED_OUT = Symbol('timed out');

/** The work's value, or {@link TIMED_OUT} when it has not settled within `ms`. */
async function withinLimit<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Calls share the one run in progress instead of starting another. */
function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= run().finally(() => (running = undefined));
    return running;
  };
}
