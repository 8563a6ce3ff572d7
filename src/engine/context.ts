import type { JobDefinition, JobQueue } from '../jobs';
import type { resumeJobSchema } from '../jobs/resume-job';
import type { Logger } from '../logger';
import type { MessageKey, MessageParams, PluralKey } from '../i18n';
import type { Services } from '../services';
import type { ConversationKey } from '../services/conversations';
import type { ResolvedIdentity } from '../services/identities';
import type { ChannelCapabilities, StoredAddress } from './channel';
import type { ChannelRegistry } from './channel-registry';
import type { PlatformName } from '../domain/platforms';
import type { Actor } from '../domain/permissions';
import type { InboundEvent, OutboundMessage } from './messages';
import type { ConversationState } from './state';

export type Replies = OutboundMessage[];

/** Where a proactive message goes: the platform, the stored address, and whose chat it is. */
export interface ProactiveTarget {
  platform: PlatformName;
  /** As stored on the chat identity (the adapter's codec made it). */
  address: StoredAddress;
  identity: { workspaceId: string; platformUserId: string };
}
export type SendLater = (target: ProactiveTarget, messages: OutboundMessage[]) => Promise<void>;

/** What the engine holds for its whole life; flows and the resume job reach it through here. */
export interface EngineRuntime {
  services: Services;
  queue: JobQueue;
  logger: Logger;
  now: () => Date;
  /** The channels of this process (capabilities, file downloads). */
  channels: ChannelRegistry;
  /** Queues proactive messages on the delivery path (rate limits, retries, unreachable users). */
  sendLater: SendLater;
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
  /**
   * The user as services check their rights, read with this event's first statement: pass it
   * instead of `user.userId` where a service takes an ActorRef, and it is not read again.
   */
  actor: Actor;
  key: ConversationKey;
  caps: ChannelCapabilities;
  state: ConversationState;
  t(key: MessageKey, params?: MessageParams): string;
  /** The plural form of `key` for `count` (Intl.PluralRules of the user's language). */
  tp(key: PluralKey, count: number, params?: MessageParams): string;
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
