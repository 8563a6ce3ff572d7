import type { OutboundMessage } from './messages';
import type { PlatformName } from '../domain/platforms';

/**
 * The port every platform adapter implements (STYLE.md §1). The engine owns it; adapters live in
 * `adapters/<platform>` and never import the engine's internals beyond this and the messages.
 */
export interface ChannelAdapter {
  readonly platform: PlatformName;
  /** What the channel can do; the engine degrades instead of branching on the platform's name. */
  readonly capabilities: ChannelCapabilities;
  /** Sends a message to a stored conversation address; returns the platform's message ref. */
  send(address: unknown, message: OutboundMessage): Promise<SentMessage>;
  /** Fetches the bytes of a file the user sent (the `ref` of an inbound file). */
  downloadFile(ref: string, maxBytes: number): Promise<Buffer>;
}

export interface ChannelCapabilities {
  /** Renders a `form` body as one form (Slack modal, Adaptive Card, HTML form). */
  forms: boolean;
  /** Can replace an earlier message (paged lists). */
  editInPlace: boolean;
  /** Users can send files. */
  files: boolean;
}

export interface SentMessage {
  messageRef: string;
}

/** Neutral errors an adapter maps its platform's failures onto (STYLE.md §4). */
export type ChannelErrorCode = 'RATE_LIMITED' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID' | 'UNREACHABLE';

export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }
}
