import { z } from 'zod';
import type { Logger } from '../logger';
import { DEFAULT_EXTRACTOR_LIMITS } from '../resume/extractor';
import { readResume as defaultReadResume, type ReadResumeOptions, type ResumeReadResult } from '../resume/read-resume';
import type { Services } from '../services';
import { platformSchema } from '../domain/platforms';
import { defineJob, type JobDefinition } from './job';

export const RESUME_JOB_NAME = 'resume.extract';

/** Extraction per file up to any OCR; well inside the job's own limit so a slow PDF ends as a clear message. */
export const RESUME_READ_TIMEOUT_MS = 15_000;

/**
 * The job's own limit: the text read, then OCR at most its page cap times its time per page (a
 * scan or a photo), then delivery; a stalled job still ends and the user still hears back.
 */
export const RESUME_JOB_TIMEOUT_MS =
  RESUME_READ_TIMEOUT_MS + DEFAULT_EXTRACTOR_LIMITS.ocrMaxPages * DEFAULT_EXTRACTOR_LIMITS.ocrPageTimeoutMs + 15_000;

export const resumeJobSchema = z.object({
  fileId: z.string().min(1),
  filename: z.string(),
  userId: z.string().min(1),
  locale: z.string().default('en'),
  conversation: z.object({ platform: platformSchema, workspaceId: z.string(), conversationId: z.string() }),
  /** Where to send the result: the chat address the file came from. */
  address: z.json().optional(),
});
export type ResumeJobData = z.output<typeof resumeJobSchema>;

export type ResumeJobOutcome = ResumeReadResult | { ok: false; error: 'failed' };

export interface ResumeJobDeps {
  services: Services;
  logger: Logger;
  /** Puts the result where the user sees it (the engine's wizard and a proactive message). */
  deliver: (data: ResumeJobData, outcome: ResumeJobOutcome) => Promise<void>;
  /** Tells the user a slow step started (the file is a picture, read by OCR); best effort. */
  progress?: (data: ResumeJobData, step: 'ocr') => Promise<void>;
  readResume?: (bytes: Buffer, options: ReadResumeOptions) => Promise<ResumeReadResult>;
}

/**
 * Reads a stored resume off the chat path (DESIGN §3): bad files are an answer, not a failure,
 * so only a fault (database, delivery) is retried; after the last try the user still hears back.
 */
export function createResumeJob(deps: ResumeJobDeps): JobDefinition<typeof resumeJobSchema> {
  const read = deps.readResume ?? defaultReadResume;
  return defineJob({
    name: RESUME_JOB_NAME,
    schema: resumeJobSchema,
    attempts: 3,
    backoffMs: 500,
    timeoutMs: RESUME_JOB_TIMEOUT_MS,
    async handler(data) {
      const file = await deps.services.readFile(data.fileId);
      let told: Promise<void> | null = null;
      const onProgress = () => {
        // Once per file, when OCR starts: seconds per page, where a text file takes milliseconds.
        told ??= (deps.progress?.(data, 'ocr') ?? Promise.resolve()).catch((err: unknown) =>
          deps.logger.warn({ job: RESUME_JOB_NAME, fileId: data.fileId, err: (err as Error)?.message }, 'resume: progress not sent'),
        );
      };
      const outcome = await read(file.data, { filename: data.filename, timeoutMs: RESUME_READ_TIMEOUT_MS, onProgress });
      // The progress message goes out before the result, never after it.
      if (told) await told;
      deps.logger.info(
        { job: RESUME_JOB_NAME, fileId: data.fileId, ok: outcome.ok, code: outcome.ok ? undefined : outcome.error.code },
        'resume read',
      );
      await deps.deliver(data, outcome);
    },
    async onFailed(data) {
      await deps.deliver(data, { ok: false, error: 'failed' });
    },
  });
}
