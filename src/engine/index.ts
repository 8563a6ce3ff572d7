import type { JobQueue } from '../jobs';
import { createResumeJob } from '../jobs/resume-job';
import type { Logger } from '../logger';
import type { ReadResumeOptions, ResumeReadResult } from '../resume/read-resume';
import type { Services } from '../services';
import type { ChannelRegistry } from './channel-registry';
import { commands, type CommandSpec } from './commands';
import type { EngineRuntime, SendLater } from './context';
import { handleEvent, type HandleOptions } from './engine';
import { deliverResume, tellReadingPicture } from './flows/resume-delivery';
import type { InboundEventInput, OutboundMessage } from './messages';

export type { CommandSpec } from './commands';
export { commands } from './commands';
export type { ChannelAdapter, ChannelCapabilities, SentMessage } from './channel';
export { ChannelError } from './channel';
export { createChannelRegistry, type ChannelRegistry } from './channel-registry';
export type { ProactiveTarget, SendLater } from './context';
export * from './messages';
export { EventDeferred } from './errors';
export type { HandleOptions } from './engine';

export interface EngineDeps {
  services: Services;
  queue: JobQueue;
  logger: Logger;
  now?: () => Date;
  /** The channels of this process, shared with the delivery path (capabilities, downloads). */
  channels: ChannelRegistry;
  /** Proactive messages (a resume's result) go out through this: the delivery path, not a direct send. */
  sendLater: SendLater;
  /** Replaces the resume reader (tests of slow or failing extraction); default `readResume`. */
  readResume?: (bytes: Buffer, options: ReadResumeOptions) => Promise<ResumeReadResult>;
}

export interface Engine {
  /**
   * Handles one inbound event; returns the direct replies (in order). Never throws for user errors:
   * they become messages. Throws EventDeferred when the database is out of reach.
   */
  handle(event: InboundEventInput, options?: HandleOptions): Promise<OutboundMessage[]>;
  /** The declared command list (name, aliases, help, roles, args) — also used for platform manifests. */
  readonly commands: readonly CommandSpec[];
}

/**
 * The channel-agnostic conversation engine (DESIGN §3). Registers its resume job on `deps.queue`
 * here, so build the engine before `queue.start()`.
 */
export function createEngine(deps: EngineDeps): Engine {
  const runtime: EngineRuntime = {
    services: deps.services,
    queue: deps.queue,
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
    channels: deps.channels,
    sendLater: deps.sendLater,
    resumeJob: createResumeJob({
      services: deps.services,
      logger: deps.logger,
      readResume: deps.readResume,
      deliver: (data, outcome) => deliverResume(runtime, data, outcome),
      progress: (data) => tellReadingPicture(runtime, data),
    }),
  };
  deps.queue.register(runtime.resumeJob);
  return {
    handle: (event, options) => handleEvent(runtime, event, options),
    commands,
  };
}
