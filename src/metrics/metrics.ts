/**
 * What the product counts (issue 17), as a small interface the runner, the notifier and the
 * composition root call: no metrics library is imported outside src/metrics/prometheus.ts.
 */
export interface Metrics {
  /** An inbound event reached the engine: `kind` is the payload type (text, command, action, form, file…). */
  inboundEvent(platform: string, kind: string): void;
  /** From the event's arrival to its last reply sent, in seconds. */
  replyLatency(platform: string, seconds: number): void;
  /** A submission's duplicate-validation outcome (ADDED, PREVIOUSLY_SUBMITTED, DUPLICATE, ALREADY_IN_SYSTEM) or BLOCKED. */
  submissionOutcome(outcome: string): void;
  /** One try of a job, in seconds, and whether it succeeded. */
  jobDuration(job: string, result: 'ok' | 'failed', seconds: number): void;
  /** One delivery try of a notification: `sent`, or the channel's error code. */
  delivery(channel: string, result: string): void;
  /** A resume read: `ok` or why not (encrypted, broken, timeout…). */
  resumeRead(result: string): void;
}

/** Counts nothing: tests and tools that do not serve /metrics. */
export const noMetrics: Metrics = {
  inboundEvent: () => undefined,
  replyLatency: () => undefined,
  submissionOutcome: () => undefined,
  jobDuration: () => undefined,
  delivery: () => undefined,
  resumeRead: () => undefined,
};
