import http from 'node:http';
import https from 'node:https';

export interface ApiFetchOptions {
  /** The whole call, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** Answers larger than this fail (default 8 MB). */
  maxResponseBytes?: number;
  /** For what this transport does not send itself. Default: the global fetch. */
  fallback?: typeof fetch;
  /** How long a kept-alive connection may sit unused before we close it (default 4 s). */
  idleSocketMs?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Statuses whose Response must have no body (the Fetch standard's "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_IDLE_SOCKET_MS = 4_000;
/** setTimeout's ceiling: a longer delay fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A reused connection the server had already closed fails the write with one of these. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * A `fetch` for a platform's Web API (small JSON requests and answers), built on node:http(s)
 * with keep-alive agents. Why not the global fetch: under load its responses outlive the request.
 * undici registers each one for finalization, so V8's scavenger keeps it, and 12–20 KB per call
 * reach the old generation. At 200 replies a second that made a full mark-compact every 1–2 s, and
 * those pauses were our reply p99 (`npm run bench:api-fetch` measures both). The SDK's own
 * `timeout` has the same effect: `AbortSignal.timeout` cannot be cleared, so every call leaves a
 * timer behind for the whole timeout. Here the deadline is one timer, cleared when the body is in.
 *
 * The answer is read whole (at most `maxResponseBytes`) before the promise resolves, so the
 * deadline covers the body too. Differences from fetch, fine for API calls: redirects are not
 * followed (an error unless `redirect: 'manual'`), no content decoding is asked for or done, and
 * `Response.url` is empty. A body this transport does not send (FormData, a stream) and a
 * `Request` object go to `fallback` (the global fetch) with the same deadline.
 *
 * A kept-alive connection is closed after `idleSocketMs` unused (as undici does), and a request
 * that finds its reused connection already closed by the server (reset before any answer) is sent
 * once more on a new one: the race Node's documentation describes for keep-alive clients.
 */
export function createApiFetch(options: ApiFetchOptions): typeof fetch {
  const idleSocketMs = options.idleSocketMs ?? DEFAULT_IDLE_SOCKET_MS;
  for (const [name, value] of [
    ['timeoutMs', options.timeoutMs],
    ['idleSocketMs', idleSocketMs],
  ] as const)
    if (!Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS)
      throw new RangeError(`createApiFetch: ${name} must be a whole number of ms from 1 to ${MAX_TIMER_MS}, not ${value}`);
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const fallback = options.fallback ?? ((input, init) => fetch(input, init));
  // With an agent timeout Node also honours a shorter Keep-Alive: timeout=N the server announces.
  const idle = { keepAlive: true, timeout: idleSocketMs };
  const agents: Record<string, http.Agent> = { 'http:': new http.Agent(idle), 'https:': new https.Agent(idle) };

  return async function apiFetch(input, init = {}) {
    const body = sendableBody(init.body);
    const url = input instanceof Request ? null : new URL(input);
    const agent = url ? agents[url.protocol] : undefined;
    if (!url || !agent || body === undefined)
      return fallback(input, { ...init, signal: withDeadline(init.signal, options.timeoutMs) });
    const headers = new Headers(init.headers);
    if (init.body instanceof URLSearchParams && !headers.has('content-type'))
      headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    if (body) headers.set('content-length', String(body.length));
    return send(url, agent, {
      method: init.method ?? 'GET',
      headers,
      body,
      redirect: init.redirect ?? 'follow',
      signal: init.signal,
    });
  };

  function send(url: URL, agent: http.Agent, call: OutgoingCall, retried = false): Promise<Response> {
    return new Promise((resolve, reject) => {
      const { signal } = call;
      if (signal?.aborted) return reject(signal.reason);
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: call.method,
        headers: Object.fromEntries(call.headers),
        agent,
      });
      let settled = false;
      const settle = () => {
        settled = true;
        clearTimeout(deadline);
        signal?.removeEventListener('abort', onAbort);
      };
      // Rejects here rather than through request.destroy(error): once the answer began, that error is
      // not always emitted again on the request.
      const fail = (error: unknown) => {
        if (settled) return;
        settle();
        reject(error);
        request.destroy();
      };
      const deadline = setTimeout(
        () => fail(new DOMException(`No complete answer from ${url.host} in ${options.timeoutMs} ms`, 'TimeoutError')),
        options.timeoutMs,
      );
      const onAbort = () => fail(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      let answered = false;
      request.on('error', (error: NodeJS.ErrnoException) => {
        // The server had closed this idle connection as we wrote to it, so it read nothing: send again.
        if (!retried && !answered && !settled && request.reusedSocket && STALE_SOCKET_CODES.has(error.code ?? '')) {
          settle();
          send(url, agent, call, true).then(resolve, reject);
          return;
        }
        fail(new TypeError('fetch failed', { cause: error }));
      });
      request.on('response', (answer) => {
        answered = true;
        const status = answer.statusCode ?? 0;
        if (REDIRECT_STATUSES.has(status) && call.redirect !== 'manual')
          return fail(new TypeError(`fetch failed: ${url.host} answered a redirect (${status}), which API calls do not follow`));
        const chunks: Buffer[] = [];
        let size = 0;
        answer.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes)
            fail(new TypeError(`fetch failed: the answer from ${url.host} is over ${maxResponseBytes} bytes`));
          else chunks.push(chunk);
        });
        answer.on('error', (error) => fail(new TypeError('fetch failed', { cause: error })));
        answer.on('end', () => {
          if (settled) return;
          let response: Response;
          try {
            response = new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), {
              status,
              statusText: answer.statusMessage ?? '',
              headers: headerPairs(answer.rawHeaders),
            });
          } catch (error) {
            return fail(new TypeError('fetch failed: the answer could not be read', { cause: error }));
          }
          settle();
          resolve(response);
        });
      });
      request.end(call.body ?? undefined);
    });
  }
}

interface OutgoingCall {
  method: string;
  headers: Headers;
  body: Buffer | null;
  redirect: RequestRedirect;
  signal: AbortSignal | null | undefined;
}

/** The body as bytes; null for none; undefined when this transport cannot send it. */
function sendableBody(body: RequestInit['body']): Buffer | null | undefined {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof URLSearchParams) return Buffer.from(String(body));
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return undefined;
}

function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] as string, raw[i + 1] as string]);
  return pairs;
}

/** The caller's signal, if any, or the deadline, whichever ends first. */
function withDeadline(signal: AbortSignal | null | undefined, timeoutMs: number): AbortSignal {
  const deadline = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
