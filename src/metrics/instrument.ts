import type { JobDefinition } from '../jobs/job';
import type { JobQueue } from '../jobs/queue';
import type { ReadResumeOptions, ResumeReadResult } from '../resume/read-resume';
import type { Services } from '../services';
import type { Metrics } from './metrics';

/** Times every job try of this queue's handlers (registered after this wrap). */
export function instrumentQueue(queue: JobQueue, metrics: Metrics): JobQueue {
  // The in-process backend runs the definition handed to add(): it must be the timed one.
  const timed = new Map<string, JobDefinition>();
  return {
    ...queue,
    backend: queue.backend,
    register(definition) {
      const handler = definition.handler;
      const wrapped: typeof definition = {
        ...definition,
        async handler(data, context) {
          const started = process.hrtime.bigint();
          const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
          try {
            await handler(data, context);
            metrics.jobDuration(definition.name, 'ok', seconds());
          } catch (error) {
            metrics.jobDuration(definition.name, 'failed', seconds());
            throw error;
          }
        },
      };
      timed.set(definition.name, wrapped as unknown as JobDefinition);
      queue.register(wrapped);
    },
    add(definition, data, options) {
      const wrapped = (timed.get(definition.name) ?? definition) as typeof definition;
      return queue.add(wrapped, data, options);
    },
  };
}

/** Counts the outcome of every submission, whichever channel or API it came through. */
export function instrumentServices(services: Services, metrics: Metrics): Services {
  return {
    ...services,
    async submitCandidate(...args) {
      const result = await services.submitCandidate(...args);
      metrics.submissionOutcome(result.outcome);
      return result;
    },
  };
}

/** Counts resume reads by result. */
export function countResumeReads(
  read: (bytes: Buffer, options: ReadResumeOptions) => Promise<ResumeReadResult>,
  metrics: Metrics,
): (bytes: Buffer, options: ReadResumeOptions) => Promise<ResumeReadResult> {
  return async (bytes, options) => {
    const result = await read(bytes, options);
    metrics.resumeRead(result.ok ? 'ok' : result.error.code);
    return result;
  };
}
