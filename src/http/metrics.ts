import { createHash, timingSafeEqual } from 'node:crypto';
import type { Mount } from './app';

export interface MetricsRouteOptions {
  scrape: () => Promise<{ contentType: string; body: string }>;
  /** METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string | undefined;
}

// Hashing both sides first makes the comparison constant-time whatever the lengths.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** GET /metrics in the Prometheus text format (issue 17). */
export function mountMetrics(options: MetricsRouteOptions): Mount {
  const expected = options.token ? digest(`Bearer ${options.token}`) : null;
  return (app) => {
    app.get('/metrics', async (req, res) => {
      if (expected && !timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        return void res.status(401).json({ error: 'unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' });
      }
      const { contentType, body } = await options.scrape();
      res.setHeader('Content-Type', contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(body);
    });
  };
}
