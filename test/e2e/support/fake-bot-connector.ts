import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Bot Connector service at the wire (STYLE.md §11), the `serviceUrl` of every activity in
 * the tests: `POST v3/conversations/{id}/activities[/{replyToId}]` and `PUT …/activities/{id}`
 * answer `{"id": "…"}` like Teams, every call is recorded, failures are planned per method (429
 * with Retry-After, 403 BotNotInConversationRoster, 412, 502), and `GET /files/{name}` serves the
 * bytes behind a file attachment's `downloadUrl`. It also plays Bot Framework's token service: an
 * OpenID metadata document and key set (endorsed for msteams) at `openIdMetadataUrl`, and
 * `signToken` to make the JWT the channel would send, so the real verifier runs in the tests.
 */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** POST …/activities/{replyToId}: the activity this one answers. */
  replyToId?: string;
  /** PUT …/activities/{activityId}: the activity replaced. */
  activityId?: string;
  body: Record<string, unknown>;
  authorization?: string;
  at: number;
  status: number;
  /** The id the fake gave a delivered activity. */
  id?: string;
}

export interface PlannedFailure {
  status: 429 | 403 | 412 | 404 | 500 | 502 | 504;
  retryAfterSeconds?: number;
  code?: string;
}

export interface FakeBotConnector {
  /** The serviceUrl to put in activities (with the trailing slash Bot Framework uses). */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Delivered (2xx) calls per method, counted even when recording is off. */
  counts: { POST: number; PUT: number; files: number };
  /** The recorded calls to one conversation (all methods and outcomes). */
  callsTo(conversationId: string): ConnectorCall[];
  /** The next `times` calls of `method` fail this way. */
  failNext(method: 'POST' | 'PUT', failure: PlannedFailure, times?: number): void;
  /** Serves `bytes` at a download URL, returned (the `content.downloadUrl` of an attachment). */
  addFile(name: string, bytes: Buffer): string;
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<void>;
  setRecording(on: boolean): void;
  /** MICROSOFT_OPENID_METADATA_URL for an app that should trust this fake's keys. */
  openIdMetadataUrl: string;
  /** A channel-to-bot JWT signed with the fake's key (RS256), as `Bearer …`. */
  signToken(claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'fake-connector-key';
const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const counts = { POST: 0, PUT: 0, files: 0 };
  const failures = new Map<string, PlannedFailure[]>();
  const files = new Map<string, Buffer>();
  let recording = true;
  let nextId = 1_700_000_000_000;
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: KEY_ID, kty: 'RSA', use: 'sig', endorsements: ['msteams'] };

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), ...headers });
    res.end(json);
  };

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname === '/_counts') return answer(res, 200, counts);
      if (url.pathname === '/openid/.well-known/openidconfiguration')
        return answer(res, 200, {
          issuer: ISSUER,
          jwks_uri: `${base}/openid/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      if (url.pathname === '/openid/keys') return answer(res, 200, { keys: [jwk] });
      if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
        const bytes = files.get(decodeURIComponent(url.pathname.slice('/files/'.length)));
        if (!bytes) return answer(res, 404, { error: 'not found' });
        counts.files++;
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
        return void res.end(bytes);
      }
      const match = ACTIVITIES.exec(url.pathname);
      const method = req.method === 'PUT' ? 'PUT' : req.method === 'POST' ? 'POST' : null;
      if (!match?.[1] || !method) return answer(res, 404, { error: { code: 'NotFound', message: 'No such route' } });
      const body = await readJson(req);
      const call: ConnectorCall = {
        method,
        conversationId: decodeURIComponent(match[1]),
        body,
        at: Date.now(),
        status: 0,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      };
      if (match[2]) call[method === 'PUT' ? 'activityId' : 'replyToId'] = decodeURIComponent(match[2]);
      if (recording) calls.push(call);
      const planned = failures.get(method)?.shift();
      if (planned) {
        call.status = planned.status;
        const code = planned.code ?? defaultCode(planned.status);
        const headers: Record<string, string> =
          planned.retryAfterSeconds === undefined ? {} : { 'retry-after': String(planned.retryAfterSeconds) };
        return answer(res, planned.status, { error: { code, message: `planned ${planned.status}` } }, headers);
      }
      const id = method === 'PUT' ? (call.activityId ?? '') : String(++nextId);
      call.status = 200;
      call.id = id;
      counts[method]++;
      answer(res, 200, { id });
    })().catch((error: unknown) => answer(res, 500, { error: { code: 'Internal', message: (error as Error).message } }));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    serviceUrl: `${base}/`,
    calls,
    counts,
    callsTo: (conversationId) => calls.filter((c) => c.conversationId === conversationId),
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    addFile(name, bytes) {
      files.set(name, bytes);
      return `${base}/files/${encodeURIComponent(name)}`;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > until) throw new Error(`fake connector: condition not met in ${timeoutMs} ms (${calls.length} calls)`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    setRecording(on) {
      recording = on;
    },
    openIdMetadataUrl: `${base}/openid/.well-known/openidconfiguration`,
    signToken(claims) {
      const now = Math.floor(Date.now() / 1000);
      const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: KEY_ID }));
      const payload = b64url(JSON.stringify({ iss: ISSUER, iat: now, nbf: now - 5, exp: now + 600, ...claims }));
      const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(keys.privateKey);
      return `Bearer ${header}.${payload}.${b64url(signature)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function defaultCode(status: number): string {
  if (status === 429) return 'Throttled';
  if (status === 403) return 'BotNotInConversationRoster';
  if (status === 412) return 'PreconditionFailed';
  return 'ServiceError';
}
