import type { Logger } from '../logger';

/**
 * Runs `task` every `intervalMs` in this process until stopped: housekeeping that is safe to run
 * on every instance at once (an idempotent delete, a sweep), so it needs no queue. A run still
 * going when the next is due is not doubled; a failure is logged and the next run comes as
 * planned. The timer never keeps the process alive.
 */
export function every(intervalMs: number, name: string, task: () => Promise<unknown>, logger: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .then((result) => logger.debug({ task: name, result }, 'housekeeping done'))
      .catch((error: unknown) => logger.error({ task: name, err: (error as Error)?.message }, 'housekeeping failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
