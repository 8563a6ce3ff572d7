import type { z } from 'zod';
import type { JobDefinition } from './job';

export interface AddOptions {
  /** Same id, same job: a second add with it is ignored (idempotent enqueue). */
  jobId?: string;
  delayMs?: number;
}

export interface QueueHealth {
  backend: 'bull' | 'inline';
  ok: boolean;
  detail?: string;
}

/**
 * One interface, two backends (DESIGN §3): bull on Redis when REDIS_URL is set, in-process
 * otherwise. Same handlers, same retry policy.
 */
/** How many jobs wait, run, wait for a delay, or failed for good. */
export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface JobQueue {
  readonly backend: 'bull' | 'inline';
  register<S extends z.ZodType>(definition: JobDefinition<S>): void;
  add<S extends z.ZodType>(definition: JobDefinition<S>, data: z.input<S>, options?: AddOptions): Promise<void>;
  /** Starts running registered jobs in this process (the worker role). */
  start(): Promise<void>;
  health(): Promise<QueueHealth>;
  /** Jobs by state right now (metrics); optional for test doubles. */
  depth?(): Promise<QueueDepth>;
  /** Resolves when no job is waiting or running (tests, graceful shutdown of the inline queue). */
  idle(): Promise<void>;
  close(): Promise<void>;
}
