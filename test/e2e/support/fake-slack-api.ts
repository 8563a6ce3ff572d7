import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A local Slack Web API at the wire (STYLE.md §11): `POST /api/<method>` answering like Slack
 * ({ok:true,…} / {ok:false,error}), `GET /files/<team>/<name>` serving private files to a bearer
 * token of that team, recording every call, and failing on demand (429 with Retry-After, a
 * platform error, 500). `auth.test` answers the real sample from the shared fixtures.
 */
export interface SlackCall {
  method: string;
  /** Form fields with JSON-valued ones (blocks, view) decoded. */
  body: Record<string, unknown>;
  /** The bearer token the call carried. */
  token: string | null;
  at: number;
  response?: Record<string, unknown>;
}

export interface PlannedFailure {
  status: 429 | 500 | 200;
  retryAfterSeconds?: number;
  /** With status 200: Slack's `{ok:false,error}` (e.g. `channel_not_found`). */
  error?: string;
  /** Only calls to this channel fail (other traffic, e.g. relayed notifications, passes). */
  channel?: string;
}

export interface FakeTeam {
  id: string;
  name: string;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL (ends with `/api/`). */
  apiUrl: string;
  /** Base URL of the server, for file URLs. */
  url: string;
  calls: SlackCall[];
  counts: Map<string, number>;
  callsOf(method: string, channel?: string): SlackCall[];
  failNext(method: string, failure: PlannedFailure, times?: number): void;
  /** A bot token of a team (what a single-workspace app is configured with). */
  addToken(token: string, team: FakeTeam): void;
  /** An OAuth code that oauth.v2.access exchanges for a new bot token of `team`. */
  addInstallCode(code: string, team: FakeTeam): void;
  /** The language a user set in Slack (`users.info` with `include_locale`); `en-US` otherwise, Slack's default. */
  setLocale(userId: string, locale: string): void;
  /** Serves `bytes` at the returned url_private_download, to tokens of `teamId` only. */
  addFile(teamId: string, name: string, bytes: Buffer): string;
  waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  setRecording(on: boolean): void;
  close(): Promise<void>;
}

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/slack');
const AUTH_TEST = JSON.parse(readFileSync(path.join(FIXTURES, 'api_auth_test_response.json'), 'utf8')) as Record<string, unknown>;
const API_PATH = /^\/api\/([\w.]+)$/;
const FILE_PATH = /^\/files\/([A-Z0-9]+)\/(.+)$/;

export interface FakeSlackOptions {
  /** Called on every Web API call as it arrives (the benchmark matches replies to requests with it). */
  onCall?: (method: string, body: Record<string, unknown>) => void;
}

export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const counts = new Map<string, number>();
  const failures = new Map<string, PlannedFailure[]>();
  const tokens = new Map<string, FakeTeam>();
  const codes = new Map<string, FakeTeam>();
  const files = new Map<string, { teamId: string; bytes: Buffer }>();
  const locales = new Map<string, string>();
  let recording = true;
  let tsCounter = 0;
  let viewCounter = 0;
  let base = '';

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
      ...headers,
    });
    res.end(json);
  };
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;

  function result(method: string, body: Record<string, unknown>, team: FakeTeam | undefined): Record<string, unknown> {
    if (method === 'oauth.v2.access') {
      const installed = codes.get(String(body.code));
      if (!installed) return { ok: false, error: 'invalid_code' };
      codes.delete(String(body.code));
      const token = `xoxb-${installed.id}-${randomBytes(6).toString('hex')}`;
      tokens.set(token, installed);
      return {
        ok: true,
        app_id: 'A0ENDORSE',
        authed_user: { id: `U${installed.id.slice(1)}ADMIN` },
        scope: 'chat:write,commands,im:history',
        token_type: 'bot',
        access_token: token,
        bot_user_id: `U${installed.id.slice(1)}BOT`,
        team: { id: installed.id, name: installed.name },
        enterprise: null,
        is_enterprise_install: false,
      };
    }
    // Needs no token: whether the Web API answers at all.
    if (method === 'api.test') return { ok: true, args: {} };
    if (!team) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        // The real sample, with the team of the token that asked.
        return { ...AUTH_TEST, team_id: team.id, team: team.name, user_id: `U${team.id.slice(1)}BOT` };
      case 'chat.postMessage': {
        const ts = nextTs();
        return { ok: true, channel: body.channel, ts, message: { type: 'message', text: body.text, ts, bot_id: 'BZYBOTHED' } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${String(++viewCounter).padStart(8, '0')}`, ...(body.view as object) } };
      case 'users.info': {
        // Slack's shape, trimmed: the locale comes only when asked for.
        const id = String(body.user);
        const locale = String(body.include_locale) === 'true' ? { locale: locales.get(id) ?? 'en-US' } : {};
        return { ok: true, user: { id, team_id: team.id, name: id.toLowerCase(), deleted: false, is_bot: false, ...locale } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).slice(1)}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (!raw) return {};
    if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      // The WebClient sends blocks and views as JSON inside the form.
      out[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
    }
    return out;
  }

  const bearer = (req: IncomingMessage): string | null => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname === '/_counts') return answer(res, 200, Object.fromEntries(counts));
      const fileMatch = FILE_PATH.exec(url.pathname);
      if (fileMatch) {
        const file = files.get(url.pathname);
        const token = bearer(req);
        // Slack answers an unauthorized file request with its HTML login page, status 200.
        if (!file || !token || tokens.get(token)?.id !== file.teamId) {
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.end('<html>login</html>');
        }
        counts.set('files.download', (counts.get('files.download') ?? 0) + 1);
        if (recording) calls.push({ method: 'files.download', body: { path: url.pathname }, token, at: Date.now() });
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': file.bytes.length });
        return void res.end(file.bytes);
      }
      const match = API_PATH.exec(url.pathname);
      if (!match?.[1]) return answer(res, 404, { ok: false, error: 'unknown_method' });
      const method = match[1];
      const body = await readBody(req);
      const token = bearer(req) ?? (typeof body.token === 'string' ? body.token : null);
      counts.set(method, (counts.get(method) ?? 0) + 1);
      options.onCall?.(method, body);
      const call: SlackCall = { method, body, token, at: Date.now() };
      if (recording) calls.push(call);
      const queue = failures.get(method) ?? [];
      const index = queue.findIndex((f) => f.channel === undefined || f.channel === body.channel);
      const planned = index >= 0 ? queue.splice(index, 1)[0] : undefined;
      if (planned) {
        call.response = { ok: false, status: planned.status };
        if (planned.status === 429)
          return answer(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(planned.retryAfterSeconds ?? 1) });
        if (planned.status === 500) return answer(res, 500, { ok: false, error: 'internal_error' });
        return answer(res, 200, { ok: false, error: planned.error ?? 'fatal_error' });
      }
      const out = result(method, body, token ? tokens.get(token) : undefined);
      call.response = out;
      answer(res, 200, out);
    })().catch((error: unknown) => answer(res, 500, { ok: false, error: `fake: ${(error as Error).message}` }));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    url: base,
    calls,
    counts,
    callsOf: (method, channel) =>
      calls.filter((c) => c.method === method && (channel === undefined || c.body.channel === channel)),
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    addToken: (token, team) => void tokens.set(token, team),
    addInstallCode: (code, team) => void codes.set(code, team),
    setLocale: (userId, locale) => void locales.set(userId, locale),
    addFile(teamId, name, bytes) {
      const p = `/files/${teamId}/${encodeURIComponent(name)}`;
      files.set(p, { teamId, bytes });
      return `${base}${p}`;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > until)
          throw new Error(`fake Slack: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    setRecording(on) {
      recording = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
