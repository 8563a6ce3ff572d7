import { z } from 'zod';
import type { Broadcast } from '../../src/pubsub/broadcast';
import type { WebEntry } from './render';

/** One open page (an SSE stream): receives live entries, and can be told to end. */
export interface StreamSink {
  push(entry: WebEntry): void;
  end(): void;
}

/** The topic every instance's hub listens on; messages name their session. */
export const WEB_CHAT_TOPIC = 'endorse:web-chat';

const wireSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entry'), sessionId: z.string(), entry: z.object({ id: z.string() }).passthrough() }),
  z.object({ type: z.literal('end'), sessionId: z.string() }),
]);
type WireMessage = z.infer<typeof wireSchema>;

/**
 * The open streams of this process, fed through the broadcast (issue 17): a reply produced on any
 * instance reaches the page whose stream is open on another. What was published is also in the
 * stored transcript (the caller keeps it there first), so a page that was not connected at that
 * moment reads it on reconnect.
 */
export class SessionHub {
  private readonly sinks = new Map<string, Set<StreamSink>>();
  private listening: Promise<void> | undefined;

  constructor(
    private readonly broadcast: Broadcast,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Starts listening to the other instances; idempotent, and awaited before a stream opens. */
  listen(): Promise<void> {
    this.listening ??= this.broadcast.subscribe(WEB_CHAT_TOPIC, (raw) => this.receive(raw));
    return this.listening;
  }

  /** Pushes an entry to every open page of the session, on every instance. */
  async publish(sessionId: string, entry: WebEntry): Promise<void> {
    await this.send({ type: 'entry', sessionId, entry: { ...entry } });
  }

  /** Ends the session's streams on every instance (sign-out, revocation). */
  async end(sessionId: string): Promise<void> {
    await this.send({ type: 'end', sessionId });
  }

  /** Returns the unsubscribe function. */
  subscribe(sessionId: string, sink: StreamSink): () => void {
    const set = this.sinks.get(sessionId) ?? new Set();
    set.add(sink);
    this.sinks.set(sessionId, set);
    return () => {
      set.delete(sink);
      if (set.size === 0 && this.sinks.get(sessionId) === set) this.sinks.delete(sessionId);
    };
  }

  /** How many streams this process holds open (tests, metrics). */
  openStreams(): number {
    let n = 0;
    for (const set of this.sinks.values()) n += set.size;
    return n;
  }

  /** Ends every open stream of this process, so the HTTP server can close (shutdown). */
  closeStreams(): void {
    for (const set of this.sinks.values()) for (const sink of set) sink.end();
    this.sinks.clear();
  }

  private async send(message: WireMessage): Promise<void> {
    let raw = JSON.stringify(message);
    const max = this.broadcast.maxMessageBytes;
    // Too big for the backend (PostgreSQL's NOTIFY): the session's streams end instead, and each
    // page reconnects and reads the entry from the stored transcript.
    if (max !== undefined && Buffer.byteLength(raw) > max) raw = JSON.stringify({ type: 'end', sessionId: message.sessionId });
    try {
      await this.broadcast.publish(WEB_CHAT_TOPIC, raw);
    } catch (error) {
      // The stored transcript has the entry; the page reads it when its stream reconnects.
      this.onError(error as Error);
    }
  }

  private receive(raw: string): void {
    let message: WireMessage;
    try {
      message = wireSchema.parse(JSON.parse(raw));
    } catch {
      return;
    }
    const set = this.sinks.get(message.sessionId);
    if (!set) return;
    if (message.type === 'end') {
      for (const sink of set) sink.end();
      this.sinks.delete(message.sessionId);
      return;
    }
    for (const sink of set) sink.push(message.entry as unknown as WebEntry);
  }
}
