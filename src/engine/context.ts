import type { JobDefinition, JobQueue } from '../jobs';
import type { resumeJobSchema } from '../jobs/resume-job';
import type { Logger } from '../logger';
import type { MessageKey, MessageParams } from '../i18n';
import type { Services } from '../services';
import type { ConversationKey } from '../services/conversations';
import type { ResolvedIdentity } from '../services/identities';
import type { ChannelAdapter, ChannelCapabilities } from './channel';
import type { InboundEvent, OutboundMessage } from './messages';
import type { ConversationState } from './state';

export type Replies = OutboundMessage[];

/** What the engine holds for its whole life; flows and the resume job reach it through here. */
export interface EngineRuntime {
  services: Services;
  queue: JobQueue;
  logger: Logger;
  now: () => Date;
  adapters: Map<string, ChannelAdapter>;
  resumeJob: JobDefinition<typeof resumeJobSchema>;
}

/** Capabilities assumed for a platform whose adapter was not registered (tests, the CLI). */
export const PLAIN_CAPABILITIES: ChannelCapabilities = { forms: false, editInPlace: false, files: true };

/**
 * One event being handled by a known, active user. Flows read and change `state`; the engine
 * saves it afterwards with the version it was loaded at.
 */
export interface Ctx {
  runtime: EngineRuntime;
  services: Services;
  event: InboundEvent;
  user: ResolvedIdentity;
  key: ConversationKey;
  caps: ChannelCapabilities;
  state: ConversationState;
  t(key: MessageKey, params?: MessageParams): string;
  /**
   * Saves the state now, before a side effect (a submission, a comment), so that a second
   * instance handling the same conversation cannot repeat it. Throws `ConversationConflict` when
   * someone advanced the conversation first; the engine then re-runs the event once.
   */
  claim(): Promise<void>;
}

export class ConversationConflict extends Error {
  override readonly name = 'ConversationConflict';
}
