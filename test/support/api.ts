import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../src/http/app';
import { mountApi } from '../../src/http/api';
import { createLogger } from '../../src/logger';
import { SYSTEM_ACTOR } from '../../src/services';
import type { NotifyEnv } from './notify';
import { unique, type TestEnv } from './services';

export interface ApiServer {
  url: string;
  /** `fetch` against the API with an optional key. */
  call(
    method: string,
    path: string,
    options?: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** The HTTP app with only the API mounted, on an ephemeral port, over the notifying services. */
export async function startApi(env: TestEnv, n: NotifyEnv): Promise<ApiServer> {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = createHttpApp({
    logger,
    health: async () => ({ ok: true, database: { ok: true, kind: 'postgres' }, queue: { ok: true, backend: n.queue.backend } }),
    mounts: [mountApi({ services: n.services, logger })],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.key) headers.authorization = `Bearer ${options.key}`;
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(`${url}/api/v1${path}`, { method: method.toUpperCase(), headers, body });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface ApiKeys {
  owner: string;
  recruiter: string;
  /** A recruiter key bound to a recruiter user (writes need no authorEmail). */
  recruiterAsUser: string;
  revoked: string;
}

export async function createApiKeys(env: TestEnv, recruiterEmail: string): Promise<ApiKeys> {
  const s = env.services;
  const owner = await s.createApiKey(SYSTEM_ACTOR, { name: unique('ats-owner'), scope: 'OWNER' });
  const recruiter = await s.createApiKey(SYSTEM_ACTOR, { name: unique('ats'), scope: 'RECRUITER' });
  const bound = await s.createApiKey(SYSTEM_ACTOR, { name: unique('ats-bound'), scope: 'RECRUITER', userEmail: recruiterEmail });
  const revoked = await s.createApiKey(SYSTEM_ACTOR, { name: unique('ats-old'), scope: 'OWNER' });
  await s.revokeApiKey(SYSTEM_ACTOR, revoked.id);
  return { owner: owner.key, recruiter: recruiter.key, recruiterAsUser: bound.key, revoked: revoked.key };
}
