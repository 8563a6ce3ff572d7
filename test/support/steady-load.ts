import { Agent, request } from 'node:http';

/** What a steady load saw, request by request. */
export interface LoadReport {
  sent: number;
  /** Requests answered, by status code. */
  answered: Record<number, number>;
  /** Answers that carried `Connection: close`. */
  answeredWithClose: number;
  /** Connections the server refused (it no longer listens): the request never reached it. */
  refused: number;
  /** Requests whose connection was reset or closed before the answer: the losses a drain must avoid. */
  reset: number;
  /** Any other failure, with its message. */
  other: string[];
}

export interface SteadyLoad {
  /** Requests sent so far. */
  readonly sent: number;
  /** Requests answered so far, whatever their status. */
  readonly answered: number;
  /** Stops sending, waits for every request out to settle, and reports. */
  stop(): Promise<LoadReport>;
}

export interface SteadyLoadOptions {
  url: string;
  headers?: Record<string, string>;
  /** Requests per second, evenly spaced. */
  rate: number;
  /** Kept-alive connections the requests share (a load balancer's pool). */
  connections: number;
  /** With a body, each request is a POST of `body(n)` (n from 0, in sending order); without, a GET. */
  body?: (n: number) => string;
}

/**
 * Evenly spaced requests over a pool of kept-alive connections, as a load balancer sends them;
 * every outcome is counted, so a drain that resets a request cannot hide.
 */
export function startSteadyLoad(options: SteadyLoadOptions): SteadyLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const report: LoadReport = { sent: 0, answered: {}, answeredWithClose: 0, refused: 0, reset: 0, other: [] };
  const pending = new Set<Promise<void>>();
  const url = new URL(options.url);

  const one = () =>
    new Promise<void>((resolve) => {
      const n = report.sent++;
      const body = options.body?.(n);
      const method = body === undefined ? 'GET' : 'POST';
      const req = request(url, { agent, method, headers: options.headers }, (res) => {
        res.resume();
        res.once('end', () => {
          report.answered[res.statusCode ?? 0] = (report.answered[res.statusCode ?? 0] ?? 0) + 1;
          if (res.headers.connection === 'close') report.answeredWithClose++;
          resolve();
        });
        res.once('error', () => {
          report.reset++;
          resolve();
        });
      });
      req.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') report.refused++;
        else if (error.code === 'ECONNRESET' || error.code === 'EPIPE') report.reset++;
        else report.other.push(`${error.code ?? ''} ${error.message}`);
        resolve();
      });
      req.end(body);
    });

  const started = performance.now();
  const timer = setInterval(() => {
    // Catch up with the schedule: timers fire late on a busy machine, the rate must not drop.
    const due = Math.floor(((performance.now() - started) / 1000) * options.rate);
    while (report.sent < due) {
      const work = one();
      pending.add(work);
      void work.finally(() => pending.delete(work));
    }
  }, 5);

  return {
    get sent() {
      return report.sent;
    },
    get answered() {
      return Object.values(report.answered).reduce((a, b) => a + b, 0);
    },
    async stop() {
      clearInterval(timer);
      while (pending.size > 0) await Promise.all([...pending]);
      agent.destroy();
      return report;
    },
  };
}
