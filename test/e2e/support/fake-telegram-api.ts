import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Bot API at the wire (STYLE.md §11): `POST /bot<token>/<method>` and
 * `GET /file/bot<token>/<path>`, answering like Telegram ({ok,result} / {ok:false,error_code,
 * description,parameters}), recording every call, and failing on demand (429 with retry_after,
 * 403 blocked, 500).
 */
export interface FakeCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
  /** What the fake answered (set once answered). */
  response?: { ok: boolean; result?: unknown };
}

export interface PlannedFailure {
  status: 429 | 403 | 400 | 500;
  retryAfterSeconds?: number;
  description?: string;
  /** Only calls to this chat fail (other traffic, e.g. notifications, passes). */
  chatId?: number;
}

export interface FakeTelegramApi {
  /** Base URL to use as TELEGRAM_API_ROOT (no trailing slash). */
  url: string;
  calls: FakeCall[];
  /** Calls per method, counted even when recording is off. */
  counts: Map<string, number>;
  /** The calls of one method, optionally only those to one chat. */
  callsOf(method: string, chatId?: number): FakeCall[];
  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: PlannedFailure, times?: number): void;
  /** Serves `bytes` as a file for getFile(fileId) and the file endpoint. */
  addFile(fileId: string, bytes: Buffer, name?: string): void;
  /** Resolves when `predicate` holds for the recorded calls (polls; bounded). */
  waitFor(predicate: (calls: FakeCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Stops recording (benchmarks) or clears what was recorded. */
  setRecording(on: boolean): void;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeTelegramOptions {
  token: string;
  botUsername?: string;
}

const BOT_PATH = /^\/bot([^/]+)\/(\w+)$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;

export async function startFakeTelegramApi(options: FakeTelegramOptions): Promise<FakeTelegramApi> {
  const calls: FakeCall[] = [];
  const counts = new Map<string, number>();
  const failures = new Map<string, PlannedFailure[]>();
  const files = new Map<string, { path: string; bytes: Buffer }>();
  let recording = true;
  let nextMessageId = 5000;
  const botId = Number(options.token.split(':')[0]);
  const botUser = { id: botId, is_bot: true, first_name: 'Test Bot', username: options.botUsername ?? 'test_bot' };

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };
  const fail = (res: ServerResponse, status: number, description: string, parameters?: Record<string, unknown>) =>
    answer(res, status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });

  const message = (body: Record<string, unknown>, messageId: number) => ({
    message_id: messageId,
    from: botUser,
    chat: { id: Number(body.chat_id), type: 'private' },
    date: Math.floor(Date.now() / 1000),
    text: body.text,
    ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
  });

  function result(method: string, body: Record<string, unknown>): { status: number; body: unknown } {
    switch (method) {
      case 'getMe':
        return {
          status: 200,
          body: {
            ok: true,
            result: { ...botUser, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
          },
        };
      case 'sendMessage':
        return { status: 200, body: { ok: true, result: message(body, ++nextMessageId) } };
      case 'editMessageText':
      case 'editMessageReplyMarkup':
        return { status: 200, body: { ok: true, result: message(body, Number(body.message_id)) } };
      case 'getFile': {
        const file = files.get(String(body.file_id));
        if (!file) return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' } };
        const result = {
          file_id: body.file_id,
          file_unique_id: `uq-${body.file_id}`,
          file_size: file.bytes.length,
          file_path: file.path,
        };
        return { status: 200, body: { ok: true, result } };
      }
      case 'answerCallbackQuery':
      case 'setWebhook':
      case 'deleteWebhook':
      case 'setMyCommands':
      case 'sendChatAction':
        return { status: 200, body: { ok: true, result: true } };
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
    }
  }

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (!raw) return {};
    if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(new URLSearchParams(raw));
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      // For a benchmark in another process: how many calls of each method arrived.
      if (url.pathname === '/_counts') return answer(res, 200, Object.fromEntries(counts));
      const fileMatch = FILE_PATH.exec(url.pathname);
      if (fileMatch) {
        if (fileMatch[1] !== options.token) return fail(res, 401, 'Unauthorized');
        const file = [...files.values()].find((f) => f.path === fileMatch[2]);
        if (!file) return fail(res, 404, 'Not Found');
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
        return void res.end(file.bytes);
      }
      const match = BOT_PATH.exec(url.pathname);
      if (!match?.[2]) return fail(res, 404, 'Not Found');
      if (match[1] !== options.token) return fail(res, 401, 'Unauthorized');
      const method = match[2];
      const body = await readJson(req);
      counts.set(method, (counts.get(method) ?? 0) + 1);
      const call: FakeCall = { method, body, at: Date.now() };
      if (recording) calls.push(call);
      const queue = failures.get(method) ?? [];
      const at = queue.findIndex((f) => f.chatId === undefined || f.chatId === Number(body.chat_id));
      const planned = at >= 0 ? queue.splice(at, 1)[0] : undefined;
      if (planned) {
        const description = planned.description ?? defaultDescription(planned);
        const parameters = planned.retryAfterSeconds === undefined ? undefined : { retry_after: planned.retryAfterSeconds };
        call.response = { ok: false };
        return fail(res, planned.status, description, parameters);
      }
      const out = result(method, body);
      call.response = out.body as FakeCall['response'];
      answer(res, out.status, out.body);
    })().catch((error: unknown) => fail(res, 500, `Internal Server Error: ${(error as Error).message}`));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    counts,
    callsOf: (method, chatId) =>
      calls.filter((c) => c.method === method && (chatId === undefined || Number(c.body.chat_id) === chatId)),
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    addFile(fileId, bytes, name = `${fileId}.pdf`) {
      files.set(fileId, { path: `documents/${name}`, bytes });
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > until)
          throw new Error(`fake Telegram: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    setRecording(on) {
      recording = on;
    },
    reset() {
      calls.length = 0;
      counts.clear();
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function defaultDescription(f: PlannedFailure): string {
  if (f.status === 429) return `Too Many Requests: retry after ${f.retryAfterSeconds ?? 1}`;
  if (f.status === 403) return 'Forbidden: bot was blocked by the user';
  if (f.status === 400) return 'Bad Request';
  return 'Internal Server Error';
}
