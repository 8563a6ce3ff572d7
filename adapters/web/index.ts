import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, SentMessage } from '../../src/engine/channel';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Logger } from '../../src/logger';
import type { WebChatConfig } from './config';
import { toChannelError, WebChatError } from './errors';
import { UploadStore } from './files';
import { SessionHub } from './hub';
import { decodeAddress } from './parse';
import { renderMessage, type WebEntry, type WebView } from './render';

export type { WebChatConfig } from './config';
export { toWebChatConfig } from './config';
export { mountWebChat, mountInvitePage, type InvitePageDeps, type WebChatMountDeps } from './mount';

export interface WebChatAdapterOptions {
  config: WebChatConfig;
  logger: Logger;
  now?: () => Date;
}

/** The web chat as a channel adapter, plus what its routes need (uploads, transcript, streams). */
export interface WebChatAdapter extends ChannelAdapter {
  readonly config: WebChatConfig;
  readonly uploads: UploadStore;
  readonly hub: SessionHub;
  readonly now: () => Date;
  /** Shows the engine's direct replies in a session; returns them as the page renders them. */
  deliver(sessionId: string, messages: readonly OutboundMessage[]): WebEntry[];
  /** Records what the user sent, so other open tabs and a reload show it. */
  echoUser(sessionId: string, id: string, view: WebView): void;
  /** Ends the open event streams; call before closing the HTTP server. */
  close(): void;
}

export function createWebChatAdapter(options: WebChatAdapterOptions): WebChatAdapter {
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const uploads = new UploadStore({ ttlMs: options.config.fileTtlMs, now: nowMs });
  const hub = new SessionHub({
    transcriptLimit: options.config.transcriptLimit,
    idleTtlMs: options.config.sessionTtlMs,
    now: nowMs,
  });

  // An edit of a message this process no longer holds (restart, other instance) is shown as new.
  const show = (sessionId: string, message: OutboundMessage): WebEntry => {
    const id = message.edit && hub.has(sessionId, message.edit) ? message.edit : randomUUID();
    const entry: WebEntry = { id, from: 'bot', view: renderMessage(message), at: now().toISOString() };
    hub.publish(sessionId, entry);
    return entry;
  };

  return {
    platform: 'WEB',
    capabilities: { forms: true, editInPlace: true, files: true },
    config: options.config,
    uploads,
    hub,
    now,
    async send(address: unknown, message: OutboundMessage): Promise<SentMessage> {
      try {
        const { sessionId } = decodeAddress(address);
        return { messageRef: show(sessionId, message).id };
      } catch (error) {
        throw toChannelError(error);
      }
    },
    async downloadFile(ref: string, maxBytes: number): Promise<Buffer> {
      const bytes = uploads.bytes(ref);
      if (!bytes)
        throw toChannelError(new WebChatError('NOT_FOUND', 'That upload has expired; ask the user to attach it again.'));
      if (bytes.length > maxBytes) throw toChannelError(new WebChatError('TOO_LARGE', 'That file is larger than allowed.'));
      return bytes;
    },
    deliver(sessionId, messages) {
      return messages.map((m) => show(sessionId, m));
    },
    echoUser(sessionId, id, view) {
      hub.publish(sessionId, { id, from: 'user', view, at: now().toISOString() });
    },
    close() {
      hub.closeStreams();
    },
  };
}
