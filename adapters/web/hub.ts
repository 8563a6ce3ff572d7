import type { WebEntry } from './render';

/** One open page (an SSE stream): receives live entries, and can be told to end. */
export interface StreamSink {
  push(entry: WebEntry): void;
  end(): void;
}

interface Session {
  transcript: WebEntry[];
  sinks: Set<StreamSink>;
  touchedAt: number;
}

export interface SessionHubOptions {
  transcriptLimit: number;
  /** Sessions idle longer than this are forgotten. */
  idleTtlMs: number;
  now: () => number;
}

/**
 * Per-process memory of web chat sessions: the recent transcript (so a reloaded page shows the
 * conversation) and the open streams. Entries are keyed by id, so an edit replaces in place.
 */
export class SessionHub {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly options: SessionHubOptions) {}

  /** Records an entry (replacing one with the same id) and pushes it to every open page. */
  publish(sessionId: string, entry: WebEntry): void {
    const session = this.session(sessionId);
    const at = session.transcript.findIndex((e) => e.id === entry.id);
    if (at >= 0) session.transcript[at] = entry;
    else session.transcript.push(entry);
    if (session.transcript.length > this.options.transcriptLimit)
      session.transcript.splice(0, session.transcript.length - this.options.transcriptLimit);
    for (const sink of session.sinks) sink.push(entry);
  }

  has(sessionId: string, entryId: string): boolean {
    return this.sessions.get(sessionId)?.transcript.some((e) => e.id === entryId) ?? false;
  }

  history(sessionId: string): WebEntry[] {
    return [...(this.sessions.get(sessionId)?.transcript ?? [])];
  }

  /** Returns the unsubscribe function. */
  subscribe(sessionId: string, sink: StreamSink): () => void {
    const session = this.session(sessionId);
    session.sinks.add(sink);
    return () => session.sinks.delete(sink);
  }

  /** Ends the session's streams (sign-out) and drops what was kept of it. */
  forget(sessionId: string): void {
    for (const sink of this.sessions.get(sessionId)?.sinks ?? []) sink.end();
    this.sessions.delete(sessionId);
  }

  /** Ends every open stream, so the HTTP server can close (shutdown). */
  closeStreams(): void {
    for (const session of this.sessions.values()) for (const sink of session.sinks) sink.end();
  }

  private session(sessionId: string): Session {
    const now = this.options.now();
    this.sweep(now);
    let session = this.sessions.get(sessionId);
    if (!session) {
      session = { transcript: [], sinks: new Set(), touchedAt: now };
      this.sessions.set(sessionId, session);
    }
    session.touchedAt = now;
    return session;
  }

  private sweep(now: number): void {
    for (const [id, s] of this.sessions) {
      if (s.sinks.size === 0 && now - s.touchedAt > this.options.idleTtlMs) this.sessions.delete(id);
    }
  }
}
