import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueDepth } from '../jobs/queue';
import type { Metrics } from './metrics';

export interface PrometheusSources {
  /** Jobs by state, read at each scrape. */
  queueDepth?: () => Promise<QueueDepth>;
  /** The PostgreSQL pool's connections, read at each scrape (absent on the embedded database). */
  databasePool?: () => { total: number; idle: number; waiting: number };
}

export interface PrometheusMetrics {
  metrics: Metrics;
  /** The exposition text and its content type, for GET /metrics. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Reply latencies: chat replies are tens of ms; a slow database shows in the seconds buckets. */
const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS_S = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The Prometheus registry of this process: the product's metrics plus Node's defaults. */
export function createPrometheusMetrics(sources: PrometheusSources = {}): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'endorse_' });
  const registers = [registry];

  const inbound = new Counter({
    name: 'endorse_inbound_events_total',
    help: 'Inbound chat events handed to the engine, by platform and kind',
    labelNames: ['platform', 'kind'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'endorse_reply_latency_seconds',
    help: 'From an inbound event to its last reply sent, by platform',
    labelNames: ['platform'] as const,
    buckets: LATENCY_BUCKETS_S,
    registers,
  });
  const outcomes = new Counter({
    name: 'endorse_submission_outcomes_total',
    help: 'Submissions by duplicate-validation outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  const jobs = new Histogram({
    name: 'endorse_job_duration_seconds',
    help: 'Job tries by job and result',
    labelNames: ['job', 'result'] as const,
    buckets: JOB_BUCKETS_S,
    registers,
  });
  const deliveries = new Counter({
    name: 'endorse_deliveries_total',
    help: 'Notification delivery tries by channel and result (sent, or the error code)',
    labelNames: ['channel', 'result'] as const,
    registers,
  });
  const resumes = new Counter({
    name: 'endorse_resume_reads_total',
    help: 'Resume reads by result',
    labelNames: ['result'] as const,
    registers,
  });
  const { queueDepth, databasePool } = sources;
  new Gauge({
    name: 'endorse_queue_jobs',
    help: 'Jobs in the queue by state',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      if (!queueDepth) return;
      try {
        const depth = await queueDepth();
        for (const [state, n] of Object.entries(depth)) this.set({ state }, n);
      } catch {
        // Redis down: the gauge keeps its last values; /readyz reports the outage.
      }
    },
  });
  new Gauge({
    name: 'endorse_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      if (!databasePool) return;
      for (const [state, n] of Object.entries(databasePool())) this.set({ state }, n);
    },
  });

  return {
    metrics: {
      inboundEvent: (platform, kind) => inbound.inc({ platform, kind }),
      replyLatency: (platform, seconds) => latency.observe({ platform }, seconds),
      submissionOutcome: (outcome) => outcomes.inc({ outcome }),
      jobDuration: (job, result, seconds) => jobs.observe({ job, result }, seconds),
      delivery: (channel, result) => deliveries.inc({ channel, result }),
      resumeRead: (result) => resumes.inc({ result }),
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
