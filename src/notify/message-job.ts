import { z } from 'zod';
import { platformSchema } from '../domain/platforms';
import type { ChannelRegistry } from '../engine/channel-registry';
import { ChannelError } from '../engine/channel';
import { outboundMessageSchema, type OutboundMessage } from '../engine/messages';
import { defineJob, type JobDefinition, type JobQueue } from '../jobs';
import type { Logger } from '../logger';
import type { IdentityKey } from '../services/identities';
import type { RateLimiter } from './rate-limiter';

export const MESSAGE_JOB_NAME = 'notify.messages';

/** Tries per message before it is given up (and logged as failed), with doubling waits from 1 s. */
const MESSAGE_ATTEMPTS = 6;
const MESSAGE_BACKOFF_MS = 1000;

export const messageJobSchema = z.object({
  platform: platformSchema,
  /** The conversation address as stored on the chat identity. */
  address: z.json(),
  /** Whose chat it is: marked unreachable when the platform answers FORBIDDEN. */
  identity: z.object({ workspaceId: z.string(), platformUserId: z.string().min(1) }),
  /** In order; a retry resumes at the first one not sent, so none is sent twice. */
  messages: z.array(outboundMessageSchema).min(1),
  attempt: z.number().int().min(1).default(1),
});
export type MessageJobData = z.input<typeof messageJobSchema>;

export interface MessageJobDeps {
  channels: ChannelRegistry;
  limiter: RateLimiter;
  queue: JobQueue;
  logger: Logger;
  markUnreachable(key: IdentityKey): Promise<void>;
}

/**
 * Proactive messages that are not notifications (a resume's result, for now) take the same path
 * as notifications: the platform's rate limits, Retry-After and backoff, FORBIDDEN marking the
 * identity unreachable. A retry is a new job holding the messages not yet sent, so the order per
 * conversation holds and nothing is sent twice.
 */
export function createMessageJob(deps: MessageJobDeps): JobDefinition<typeof messageJobSchema> {
  const job: JobDefinition<typeof messageJobSchema> = defineJob({
    name: MESSAGE_JOB_NAME,
    schema: messageJobSchema,
    // Retries are scheduled by the handler itself (see above); the queue runs each job once.
    attempts: 1,
    async handler(data) {
      const conversation = `${data.identity.workspaceId}:${data.identity.platformUserId}`;
      for (const [index, message] of data.messages.entries()) {
        try {
          await deps.limiter.acquire(data.platform, conversation);
          await deps.channels.sendStored(data.platform, data.address, message);
        } catch (error) {
          await onSendError(data, data.messages.slice(index), error, conversation);
          return;
        }
      }
    },
  });

  async function onSendError(
    data: z.output<typeof messageJobSchema>,
    rest: OutboundMessage[],
    error: unknown,
    conversation: string,
  ) {
    const code = error instanceof ChannelError ? error.code : 'INTERNAL';
    const ids = { platform: data.platform, attempt: data.attempt, left: rest.length, code };
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') {
      deps.logger.warn(ids, 'messages: the user cannot be reached; identity marked unreachable');
      await deps.markUnreachable({ platform: data.platform, ...data.identity });
      return;
    }
    if (code === 'INVALID' || data.attempt >= MESSAGE_ATTEMPTS) {
      deps.logger.error({ ...ids, err: (error as Error)?.message }, 'messages: given up after the last try');
      return;
    }
    const retryAfterMs = error instanceof ChannelError ? error.options.retryAfterMs : undefined;
    if (retryAfterMs !== undefined) deps.limiter.pause(data.platform, conversation, retryAfterMs);
    const delayMs = retryAfterMs ?? MESSAGE_BACKOFF_MS * 2 ** (data.attempt - 1);
    deps.logger.warn({ ...ids, delayMs }, 'messages: send failed; retrying the rest later');
    await deps.queue.add(job, { ...data, messages: rest, attempt: data.attempt + 1 }, { delayMs });
  }

  return job;
}
