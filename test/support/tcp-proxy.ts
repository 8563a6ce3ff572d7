import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A fault-injecting TCP proxy, in the test's own process, to put in front of PostgreSQL or Redis
 * (DESIGN §8): point the code under test at `proxy.port` instead of the real server's, then
 * freeze, cut or slow the link while the test runs.
 *
 * ```ts
 * const proxy = await startTcpProxy({ port: 5432 });
 * const url = proxy.rewriteUrl('postgresql://postgres@127.0.0.1:5432/test'); // → port of the proxy
 * proxy.stall();   // bytes stop flowing both ways, connections stay open (like SIGSTOP)
 * proxy.resume();  // held bytes flow again, in order
 * proxy.cut();     // every connection is reset, new ones too, until restore()
 * ```
 */
export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewriteUrl(url: string): string;
  /**
   * Holds every byte in both directions; connections stay open and new ones are accepted (and held
   * too): a frozen server or a stalled network. Nothing answers, nothing fails.
   */
  stall(): void;
  /** Releases what {@link stall} held, in order, and lets bytes flow again. */
  resume(): void;
  /** Resets every open connection and every new one until {@link restore}: a server that is gone. */
  cut(): void;
  /** Accepts connections again after {@link cut}. */
  restore(): void;
  /** Delays every chunk by `ms` in each direction (0: none), keeping order. */
  setLatency(ms: number): void;
  /** Connections open now. */
  readonly openConnections: number;
  /** Connections accepted so far. */
  readonly acceptedConnections: number;
  close(): Promise<void>;
}

export interface TcpProxyTarget {
  port: number;
  host?: string;
}

/** One direction of one connection: chunks wait here while stalled or delayed. */
class Pipe {
  private readonly queue: { chunk: Buffer; due: number }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly to: Socket,
    private readonly state: { stalled: boolean; latencyMs: number },
  ) {}

  push(chunk: Buffer): void {
    this.queue.push({ chunk, due: Date.now() + this.state.latencyMs });
    this.pump();
  }

  pump(): void {
    if (this.timer) return;
    while (!this.state.stalled && this.queue.length > 0 && !this.to.destroyed) {
      const head = this.queue[0] as { chunk: Buffer; due: number };
      const wait = head.due - Date.now();
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      this.queue.shift();
      this.to.write(head.chunk);
    }
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
  }
}

export async function startTcpProxy(target: TcpProxyTarget): Promise<TcpProxy> {
  const host = target.host ?? '127.0.0.1';
  const state = { stalled: false, latencyMs: 0 };
  let refusing = false;
  let accepted = 0;
  const pairs = new Set<{ client: Socket; upstream: Socket; pipes: Pipe[] }>();

  const server: Server = createServer((client) => {
    accepted++;
    if (refusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, host);
    const toUpstream = new Pipe(upstream, state);
    const toClient = new Pipe(client, state);
    const pair = { client, upstream, pipes: [toUpstream, toClient] };
    pairs.add(pair);
    client.on('data', (chunk: Buffer) => toUpstream.push(chunk));
    upstream.on('data', (chunk: Buffer) => toClient.push(chunk));
    const end = () => {
      if (!pairs.delete(pair)) return;
      pair.pipes.forEach((pipe) => pipe.clear());
      client.destroy();
      upstream.destroy();
    };
    // Either side ending ends both: the proxy never holds a half-open link of its own making.
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
      socket.on('end', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  return {
    port,
    rewriteUrl(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    stall() {
      state.stalled = true;
    },
    resume() {
      state.stalled = false;
      for (const pair of pairs) pair.pipes.forEach((pipe) => pipe.pump());
    },
    cut() {
      refusing = true;
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        pair.pipes.forEach((pipe) => pipe.clear());
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      }
    },
    restore() {
      refusing = false;
    },
    setLatency(ms) {
      state.latencyMs = ms;
    },
    get openConnections() {
      return pairs.size;
    },
    get acceptedConnections() {
      return accepted;
    },
    async close() {
      for (const pair of [...pairs]) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
