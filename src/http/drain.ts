import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** Options of {@link trackConnections}. */
export interface DrainOptions {
  /**
   * How long a kept-alive connection that is idle when the drain starts stays open, so that its
   * client's next request is answered (with `Connection: close`) instead of meeting a closed
   * socket. Default 1500 ms: a load balancer or a busy client sends within that.
   */
  idleGraceMs?: number;
  /** After this long, connections still open are destroyed, requests or not. Default 20 000 ms. */
  deadlineMs?: number;
}

/** What a drain did, for the shutdown log line. */
export interface DrainReport {
  /** Requests that were running or arrived on an open connection after the drain began, all answered. */
  answered: number;
  /** Idle connections closed by us after the grace period. */
  idleClosed: number;
  /** Connections destroyed at the deadline with a request still running (0 when all went well). */
  forced: number;
  ms: number;
}

export interface ConnectionTracker {
  /** True from the moment {@link drain} is called: readiness reports it. */
  readonly draining: boolean;
  /**
   * Stops accepting connections, marks every response not yet sent and every later one on an open
   * connection `Connection: close` (so the client's connection ends after its answer), closes the
   * connections that stay idle past the grace period, and resolves once no connection is left or
   * at the deadline.
   */
  drain(): Promise<DrainReport>;
}

const DEFAULT_IDLE_GRACE_MS = 1500;
const DEFAULT_DEADLINE_MS = 20_000;

/**
 * Tracks the server's connections and requests from now on, for a drain that loses no request.
 * Node's own `server.close()` destroys idle kept-alive connections at once: a request a client
 * has just written to one is then reset, which is what a load balancer sees as a failed request.
 */
export function trackConnections(server: Server, options: DrainOptions = {}): ConnectionTracker {
  const idleGraceMs = options.idleGraceMs ?? DEFAULT_IDLE_GRACE_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  /** Requests running per connection. */
  const running = new Map<Socket, number>();
  const responses = new Set<ServerResponse>();
  let draining = false;
  let answeredWhileDraining = 0;
  let idleClosed = 0;
  let onIdle: ((socket: Socket) => void) | undefined;
  let onGone: (() => void) | undefined;

  server.on('connection', (socket: Socket) => {
    running.set(socket, 0);
    socket.once('close', () => {
      running.delete(socket);
      onGone?.();
    });
    if (draining) onIdle?.(socket);
  });
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    running.set(socket, (running.get(socket) ?? 0) + 1);
    responses.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      responses.delete(res);
      if (draining) answeredWhileDraining++;
      const left = (running.get(socket) ?? 1) - 1;
      if (running.has(socket)) running.set(socket, left);
      if (left === 0) onIdle?.(socket);
    });
  });

  return {
    get draining() {
      return draining;
    },
    drain() {
      if (draining) return Promise.reject(new Error('The server is already draining.'));
      draining = true;
      const started = Date.now();
      // Answers already being written keep their headers; the client sees the connection end.
      for (const res of responses) if (!res.headersSent) res.setHeader('Connection', 'close');
      const graceTimers = new Set<NodeJS.Timeout>();
      onIdle = (socket) => {
        const timer = setTimeout(() => {
          graceTimers.delete(timer);
          if (running.get(socket) === 0 && !socket.destroyed) {
            idleClosed++;
            socket.destroy();
          }
        }, idleGraceMs);
        graceTimers.add(timer);
      };
      for (const [socket, count] of running) if (count === 0) onIdle(socket);
      // net.Server's close, not http.Server's: it stops accepting without touching open connections.
      NetServer.prototype.close.call(server);

      return new Promise<DrainReport>((resolve) => {
        const finish = (forced: number) => {
          clearTimeout(deadline);
          graceTimers.forEach(clearTimeout);
          onGone = undefined;
          onIdle = undefined;
          // Clears http.Server's request-timeout interval; there is nothing left to close.
          server.close(() => undefined);
          resolve({ answered: answeredWhileDraining, idleClosed, forced, ms: Date.now() - started });
        };
        const deadline = setTimeout(() => {
          let forced = 0;
          for (const [socket, count] of running) {
            if (count > 0) forced++;
            socket.destroy();
          }
          finish(forced);
        }, deadlineMs);
        onGone = () => running.size === 0 && finish(0);
        onGone();
      });
    },
  };
}
