import type { ChannelAdapter, ReplyControl } from '../../src/engine/channel';
import { jsonAddress } from './engine';
import type { OutboundMessage } from '../../src/engine/messages';
import type { Mail, Mailer } from '../../src/mail/mailer';
import type { PlatformName } from '../../src/domain/platforms';

export interface RecordedSend {
  address: unknown;
  message: OutboundMessage;
  messageRef: string;
  at: number;
}

/**
 * A real in-memory implementation of the channel port (not a mock): it records what it is asked
 * to send, answers with message refs, and fails on cue — a scripted sequence of errors, or always.
 */
export interface RecordingChannel extends ChannelAdapter {
  readonly sent: RecordedSend[];
  /** Errors thrown by the next sends, in order; an empty script means success. */
  script(...errors: Error[]): void;
  /** When set, every send throws this (after the script is used up). */
  failAlways(error: Error | null): void;
  /** Resolves when `count` messages were recorded. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  calls: number;
}

export function createRecordingChannel(
  platform: PlatformName,
  options: { latencyMs?: number; replies?: ReplyControl } = {},
): RecordingChannel {
  const sent: RecordedSend[] = [];
  const scripted: Error[] = [];
  let always: Error | null = null;
  let waiters: { count: number; resolve: () => void }[] = [];
  let seq = 0;
  const channel: RecordingChannel = {
    platform,
    capabilities: { forms: false, editInPlace: false, files: false, ...(options.replies ? { replies: options.replies } : {}) },
    address: jsonAddress,
    webhooks: [],
    sent,
    calls: 0,
    script: (...errors) => void scripted.push(...errors),
    failAlways: (error) => void (always = error),
    async send(address, message) {
      channel.calls++;
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const next = scripted.shift() ?? always;
      if (next) throw next;
      const messageRef = `${platform.toLowerCase()}-msg-${++seq}`;
      sent.push({ address, message, messageRef, at: performance.now() });
      waiters = waiters.filter((w) => (sent.length >= w.count ? (w.resolve(), false) : true));
      return { messageRef };
    },
    async downloadFile() {
      throw new Error('the recording channel has no files');
    },
    waitFor(count, timeoutMs = 20_000) {
      if (sent.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${sent.length} of ${count} messages arrived`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
  return channel;
}

/** A mailer that keeps the mails (for notification-by-email tests; SMTP itself is tested in test/integration/mail). */
export function createRecordingMailer(): Mailer & { mails: Mail[] } {
  const mails: Mail[] = [];
  return {
    kind: 'log',
    mails,
    async send(mail) {
      mails.push(mail);
      return { messageId: `mail-${mails.length}` };
    },
    close: () => undefined,
  };
}
