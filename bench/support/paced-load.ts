import { Agent, request } from 'node:http';
import { percentile } from './stats';

/**
 * An open-loop load at a fixed rate, arrivals evenly spaced: request n leaves at start + n / rate,
 * whether or not earlier ones were answered, and its latency runs from then to the full response.
 *
 * autocannon's `overallRate` is not this: each connection sends its quota for the second
 * back to back at the top of every second and then waits, so "200/s" arrives as a burst of 200
 * once a second and its p99 measures how long a burst takes to drain.
 */

export interface PacedLoadOptions {
  url: string;
  /** The same for every request, or per body (a signature over it). */
  headers: Record<string, string> | ((body: string) => Record<string, string>);
  body: () => string;
  ratePerS: number;
  seconds: number;
  /** Called with a request's body once its response (any status) or error is in. */
  onAnswered?: (body: string) => void;
  /**
   * Reply-side timing, for a platform whose webhook answers before the work (Slack): resolves
   * with when (performance.now()) the last reply to the request with this body reached the fake
   * platform API, or null when it did not come in time. A request is then done at that moment,
   * not at its HTTP answer.
   */
  settled?: (body: string) => Promise<number | null>;
}

export interface PacedLoadResult {
  p50: number;
  p99: number;
  /** Requests answered per second over the run (the arrival rate when the target keeps up). */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Reply-side timing only: answered 2xx, but its replies did not all come in time. */
  lost: number;
}

type LoadOptions = Omit<PacedLoadOptions, 'ratePerS' | 'seconds'>;

/** Posts one request at a time when told, and tallies how each went. */
function poster(options: LoadOptions) {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const tally = { ok: 0, non2xx: 0, errors: 0, lost: 0, done: 0 };
  const post = (): Promise<void> => {
    const body = options.body();
    const headers = typeof options.headers === 'function' ? options.headers(body) : options.headers;
    // Asked before the request leaves: a reply can reach the fake API before the answer is read.
    const settled = options.settled?.(body);
    const started = performance.now();
    return new Promise<boolean>((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            options.onAnswered?.(body);
            const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
            if (ok) tally.ok++;
            else tally.non2xx++;
            if (!settled) latencies.push(performance.now() - started);
            resolve(ok);
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
      req.on('error', () => {
        options.onAnswered?.(body);
        tally.errors++;
        resolve(false);
      });
      req.end(body);
    }).then(async (ok) => {
      if (!settled) {
        if (ok) tally.done++;
        return;
      }
      const at = await settled;
      if (!ok) return;
      if (at === null) tally.lost++;
      else {
        tally.done++;
        latencies.push(at - started);
      }
    });
  };
  const result = (elapsedMs: number): PacedLoadResult => ({
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p99: latencies.length ? percentile(latencies, 99) : NaN,
    rps: tally.done / (elapsedMs / 1000),
    ok: tally.ok,
    non2xx: tally.non2xx,
    errors: tally.errors,
    lost: tally.lost,
  });
  return { post, result, close: () => agent.destroy() };
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const { post, result, close } = poster(options);
  const pending: Promise<void>[] = [];
  const total = Math.round(options.seconds * options.ratePerS);
  const start = performance.now();
  for (let n = 0; n < total; n++) {
    const wait = start + (n * 1000) / options.ratePerS - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post());
  }
  await Promise.all(pending);
  const elapsed = performance.now() - start;
  close();
  return result(elapsed);
}

/**
 * A closed loop: `connections` senders, each posting its next request as soon as its previous one
 * is done (with `settled`, when its last reply is in: what a user waiting for the bot does). `rps`
 * is requests done per second. autocannon's closed loop moves on at the HTTP answer, which for
 * Slack comes before the work.
 */
export async function closedLoad(options: LoadOptions & { connections: number; seconds: number }): Promise<PacedLoadResult> {
  const { post, result, close } = poster(options);
  const start = performance.now();
  const until = start + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < until) await post();
    }),
  );
  const elapsed = performance.now() - start;
  close();
  return result(elapsed);
}
