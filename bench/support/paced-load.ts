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
  headers: Record<string, string>;
  body: () => string;
  ratePerS: number;
  seconds: number;
  /** Called with a request's body once its response (any status) or error is in. */
  onAnswered?: (body: string) => void;
}

export interface PacedLoadResult {
  p50: number;
  p99: number;
  /** Requests answered per second over the run (the arrival rate when the target keeps up). */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const post = (): Promise<void> => {
    const body = options.body();
    const started = performance.now();
    return new Promise((resolve) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            options.onAnswered?.(body);
            latencies.push(performance.now() - started);
            if ((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300) ok++;
            else non2xx++;
            resolve();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
      req.on('error', () => {
        options.onAnswered?.(body);
        errors++;
        resolve();
      });
      req.end(body);
    });
  };

  const pending: Promise<void>[] = [];
  const total = Math.round(options.seconds * options.ratePerS);
  const start = performance.now();
  for (let n = 0; n < total; n++) {
    const wait = start + (n * 1000) / options.ratePerS - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post());
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p99: latencies.length ? percentile(latencies, 99) : NaN,
    rps: ok / elapsed,
    ok,
    non2xx,
    errors,
  };
}
