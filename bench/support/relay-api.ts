import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../src/http/app';
import { mountApi } from '../../src/http/api';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';

/** The product's HTTP app with the REST API mounted, on an ephemeral port. */
export async function startApiServer(services: Services, logger: Logger): Promise<{ url: string; close(): Promise<void> }> {
  const app = createHttpApp({
    logger,
    health: async () => ({ ok: true, database: { ok: true, kind: 'postgres' }, queue: { ok: true, backend: 'bull' } }),
    mounts: [mountApi({ services, logger })],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
