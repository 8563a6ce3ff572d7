import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ChannelError, type ChannelAdapter } from '../../src/engine/channel';
import type { PlatformName } from '../../src/domain/platforms';

/**
 * A chat platform's send API on this machine: POST /messages {chat, text} answers after a fixed
 * latency with a message id, and records when each bench comment (`#<n>` in the text) arrived.
 */
export interface FakePlatform {
  url: string;
  /** Comment `i` was posted at `startedAt` (performance.now()). */
  expect(i: number, startedAt: number): void;
  /** Resolves when comments [from, from+count) each arrived `perComment` times. */
  waitFor(from: number, count: number, perComment: number, timeoutMs: number): Promise<void>;
  /** Every message's latency (arrival − post start) for comments [from, from+count). */
  latencies(from: number, count: number): number[];
  /** The first arrival of each comment. */
  firstLatencies(from: number, count: number): number[];
  close(): Promise<void>;
}

export async function startFakePlatform(latencyMs: number): Promise<FakePlatform> {
  const started = new Map<number, number>();
  const arrivals = new Map<number, number[]>();
  let seq = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { text?: string };
      const match = /#(\d+):/.exec(body.text ?? '');
      if (match) {
        const i = Number(match[1]);
        arrivals.set(i, [...(arrivals.get(i) ?? []), at]);
      }
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, message_id: ++seq })),
        latencyMs,
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    expect: (i, at) => void started.set(i, at),
    async waitFor(from, count, perComment, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      const done = () => range(from, count).every((i) => (arrivals.get(i)?.length ?? 0) >= perComment);
      while (!done()) {
        if (performance.now() > deadline) throw new Error('not every message arrived in time');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    latencies: (from, count) =>
      range(from, count).flatMap((i) => (arrivals.get(i) ?? []).map((at) => at - (started.get(i) ?? at))),
    firstLatencies: (from, count) =>
      range(from, count).map((i) => Math.min(...(arrivals.get(i) ?? [Infinity])) - (started.get(i) ?? 0)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The adapter side: sends over HTTP like a real adapter, mapping 429 / 5xx onto the neutral errors. */
export function createFakePlatformChannel(platform: PlatformName, baseUrl: string): ChannelAdapter<{ chat: string }> {
  return {
    platform,
    capabilities: { forms: false, editInPlace: false, files: false },
    address: {
      encode: (address) => ({ chat: address.chat }),
      decode: (stored) => {
        const chat = (stored as { chat?: unknown } | null)?.chat;
        return typeof chat === 'string' ? { chat } : null;
      },
    },
    webhooks: [],
    async send(address, message) {
      const text = message.body.type === 'text' ? message.body.text : JSON.stringify(message.body);
      const response = await fetch(`${baseUrl}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat: address.chat, text }),
      });
      if (response.status === 429) throw new ChannelError('RATE_LIMITED', 'fake platform: 429', { retryAfterMs: 1000 });
      if (!response.ok) throw new ChannelError('UNREACHABLE', `fake platform: ${response.status}`);
      const sent = (await response.json()) as { message_id: number };
      return { messageRef: String(sent.message_id) };
    },
    async downloadFile() {
      throw new ChannelError('INVALID', 'the fake platform has no files');
    },
  };
}
