import type { JobQueue } from '../jobs';
import { createResumeJob } from '../jobs/resume-job';
import type { Logger } from '../logger';
import type { ReadResumeOptions, ResumeReadResult } from '../resume/read-resume';
import type { Services } from '../services';
import type { ChannelAdapter } from './channel';
import { commands, type CommandSpec } from './commands';
import type { EngineRuntime } from './context';
import { handleEvent } from './engine';
import { deliverResume } from './flows/resume-delivery';
import type { InboundEventInput, OutboundMessage } from './messages';

export type { CommandSpec } from './commands';
export { commands } from './commands';
export type { ChannelAdapter, ChannelCapabilities, SentMessage } from './channel';
export { ChannelError } from './channel';
export * from './messages';

export interface EngineDeps {
  services: Services;
  queue: JobQueue;
  logger: Logger;
  now?: () => Date;
  /** Replaces the resume reader (tests of slow or failing extraction); default `readResume`. */
  readResume?: (bytes: Buffer, options: ReadResumeOptions) => Promise<ResumeReadResult>;
}

export interface Engine {
  /** Handles one inbound event; returns the direct replies (in order). Never throws for user errors: they become messages. */
  handle(event: InboundEventInput): Promise<OutboundMessage[]>;
  /** Registers a channel adapter (for file downloads and proactive sends, e.g. when a resume finishes reading). */
  registerChannel(adapter: ChannelAdapter): void;
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
    adapters: new Map(),
    resumeJob: createResumeJob({
      services: deps.services,
      logger: deps.logger,
      readResume: deps.readResume,
      deliver: (data, outcome) => deliverResume(runtime, data, outcome),
    }),
  };
  deps.queue.register(runtime.resumeJob);
  return {
    handle: (event) => handleEvent(runtime, event),
    registerChannel(adapter) {
      runtime.adapters.set(adapter.platform, adapter);
    },
    commands,
  };
}
