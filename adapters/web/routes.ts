import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { admitUpload, type UploadQuota, type UploadVerdict } from '../../src/domain/upload-quota';
import type { Logger } from '../../src/logger';
import type { DemoUser } from '../../src/demo/seed';
import { ServiceError } from '../../src/services';
import type { WebChatConfig } from './config';
import { fileTooLarge, notSignedIn, WebChatError } from './errors';
import type { SessionHub } from './hub';
import type { WebChatServices } from './deps';
import { demoLoginSchema, parseOrInvalid, uploadHeadersSchema } from './parse';
import { clearSessionCookie, liveSessionOf, newSessionId, sessionOf, setSessionCookie } from './session';
import { renderChatPage } from './page';
import { matchLanguage, t } from '../../src/i18n';
import { languageFromAcceptLanguage } from '../../src/i18n/accept-language';
import { formatNumber } from '../../src/i18n/format';

export interface WebChatRoutesDeps {
  adapter: { config: WebChatConfig; hub: SessionHub };
  services: WebChatServices;
  demoUsers: readonly DemoUser[];
  logger: Logger;
  now: () => Date;
}

const PUBLIC_DIR = path.join(__dirname, 'public');
/**
 * A stream ends itself after this long and the page reconnects at once (and re-reads the history,
 * so nothing published in between is lost). Two reasons: proxies drop long idle connections, and
 * an endless response would keep the HTTP server from closing on shutdown.
 */
export const STREAM_LIFETIME_MS = 15_000;
/** How often an open stream re-checks its session: a disabled user's page is cut within this. */
export const STREAM_RECHECK_MS = 3_000;
// No inline script or style anywhere: the page's only code is /chat/assets/chat.js.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * GET /chat and /chat/api/*: the page, the session, uploads, the transcript and the live stream.
 * Events (POST /chat/api/events) go through the webhook runner like every platform's.
 */
export function mountWebChatRoutes(app: Express, deps: WebChatRoutesDeps): void {
  app.use('/chat', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  // The page in the signed-in person's language, else the browser's first one Endorse speaks.
  app.get('/chat', async (req, res) => {
    const sessionId = await liveSessionOf(req.headers.cookie, deps.adapter.config, deps.services, deps.now().getTime());
    const user = sessionId
      ? await deps.services.resolveIdentity({ platform: 'WEB', workspaceId: '', platformUserId: sessionId })
      : null;
    const language = matchLanguage(user?.language) ?? languageFromAcceptLanguage(req.headers['accept-language']);
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept-Language, Cookie');
    res.type('html').send(renderChatPage(language));
  });
  // The page's template is served only filled in, above.
  app.get('/chat/assets/chat.html', (_req, res) => void res.status(404).end());
  app.use('/chat/assets', express.static(PUBLIC_DIR, { index: false, maxAge: '1h' }));
  app.use('/chat/api', apiRouter(deps));
}

function apiRouter(deps: WebChatRoutesDeps): express.Router {
  const { adapter, logger } = deps;
  const config = adapter.config;
  const router = express.Router();
  const json = express.json({ limit: '64kb' });
  const nowMs = () => deps.now().getTime();
  const liveSession = (req: Request) => liveSessionOf(req.headers.cookie, config, deps.services, nowMs());
  const requireSession = async (req: Request): Promise<string> => {
    const sessionId = await liveSession(req);
    if (!sessionId) throw notSignedIn(localeOf(req));
    return sessionId;
  };

  router.get('/session', async (req, res) => {
    const sessionId = await liveSession(req);
    const user = sessionId
      ? await deps.services.resolveIdentity({ platform: 'WEB', workspaceId: '', platformUserId: sessionId })
      : null;
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      signedIn: sessionId !== null,
      user: user
        ? { name: user.name ?? user.email, role: user.role, agency: user.agencyName, language: matchLanguage(user.language) }
        : null,
      demoUsers: deps.demoUsers.map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        roleLabel: roleLabel(localeOf(req), u.role),
        agency: u.agency,
      })),
      maxFileBytes: config.maxFileBytes,
    });
  });

  router.post('/demo-login', json, async (req, res) => {
    if (deps.demoUsers.length === 0) throw new WebChatError('NOT_FOUND', t(localeOf(req), 'web.error.demoOnly'));
    const { userId } = parseOrInvalid(demoLoginSchema, req.body, 'The sign-in request');
    const sessionId = newSessionId();
    const user = await deps.services.bindDemoWebIdentity({ userId, sessionId });
    await deps.services.openWebSession({ sessionId, ttlMs: config.sessionTtlMs });
    res.setHeader('Set-Cookie', setSessionCookie(sessionId, config, nowMs()));
    logger.info({ userId: user.userId, channel: 'WEB' }, 'web chat demo sign-in');
    res.json({ user: { name: user.name, role: user.role, agency: user.agency } });
  });

  router.post('/logout', async (req, res) => {
    const sessionId = sessionOf(req.headers.cookie, config, nowMs());
    // Ended on the server, so a copy of the cookie replayed later is refused too.
    if (sessionId) {
      await deps.services.revokeWebSession(sessionId);
      await adapter.hub.end(sessionId);
    }
    res.setHeader('Set-Cookie', clearSessionCookie(config));
    res.json({ signedIn: false });
  });

  router.post('/files', async (req, res) => {
    const sessionId = await requireSession(req);
    const headers = parseOrInvalid(uploadHeadersSchema, req.headers, 'The upload');
    // Over a quota, nothing is read, let alone kept.
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared <= config.maxFileBytes) {
      const quota = config.uploadQuota;
      const usage = await deps.services.webUploadUsage(sessionId, quota.windowMs);
      const verdict = admitUpload(quota, usage, declared, new Date(nowMs()));
      if (!verdict.ok) {
        req.resume();
        throw quotaRefusal(verdict, quota, localeOf(req));
      }
    }
    const bytes = await readBody(req, config.maxFileBytes);
    if (bytes.length === 0) throw new WebChatError('INVALID', t(localeOf(req), 'web.error.fileEmpty'));
    const file = await deps.services.createWebUpload({
      sessionId,
      filename: headers['x-file-name'],
      contentType: headers['content-type'],
      data: bytes,
      ttlMs: config.fileTtlMs,
    });
    res.status(201).json({ file });
  });

  router.get('/history', async (req, res) => {
    const sessionId = await requireSession(req);
    const entries = await deps.services.webHistory(sessionId, config.transcriptLimit);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ entries });
  });

  router.get('/stream', async (req, res) => {
    const sessionId = await requireSession(req);
    // Listening before the stream opens: an entry published from now on reaches this page.
    await adapter.hub.listen();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 500\n\n');
    const unsubscribe = adapter.hub.subscribe(sessionId, {
      push: (entry) => res.write(`data: ${JSON.stringify(entry)}\n\n`),
      end: () => res.end(),
    });
    const lifetime = setTimeout(() => res.end(), STREAM_LIFETIME_MS);
    lifetime.unref();
    // Logout ends the stream at once (through the hub); a user or agency disabled meanwhile ends it here.
    const recheck = setInterval(() => {
      deps.services.checkWebSession(sessionId, config.sessionIdleMs).then(
        (state) => {
          if (state !== 'ok') res.end();
        },
        (error: unknown) => logger.warn({ err: (error as Error).message }, 'web chat: session re-check failed; the stream stays'),
      );
    }, STREAM_RECHECK_MS);
    recheck.unref();
    req.on('close', () => {
      clearTimeout(lifetime);
      clearInterval(recheck);
      unsubscribe();
    });
  });

  router.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', message: 'No such web chat route.' });
  });
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const answer = toHttpError(error, config.maxFileBytes, localeOf(req));
    if (answer.status >= 500)
      logger.error({ requestId: res.locals.requestId, path: req.path, err: (error as Error).message }, 'web chat request failed');
    if (res.headersSent) return void res.end();
    if (answer.status === 413) res.setHeader('Connection', 'close');
    const retryAfterMs = error instanceof WebChatError ? error.retryAfterMs : undefined;
    if (retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    res.status(answer.status).json(answer.body);
  });
  return router;
}

function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(fileTooLarge(maxBytes, localeOf(req)));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(fileTooLarge(maxBytes, localeOf(req)));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const ROLES = ['OWNER', 'AGENCY_ADMIN', 'AGENCY_USER', 'RECRUITER'] as const;
const roleLabel = (locale: string, role: string): string => {
  const known = ROLES.find((r) => r === role);
  return known ? t(locale, `roleName.${known}`) : role;
};

/** The page sends its own language as Accept-Language, so what the server says matches the page. */
const localeOf = (req: Request): string => languageFromAcceptLanguage(req.headers['accept-language']);

function toHttpError(
  error: unknown,
  maxBytes: number,
  locale: string,
): { status: number; body: { error: string; message: string } } {
  if (error instanceof WebChatError) return { status: error.status, body: error.toJSON() };
  if (error instanceof ServiceError) {
    const status = { FORBIDDEN: 403, NOT_FOUND: 404, INVALID: 400, CONFLICT: 409, RATE_LIMITED: 429, EXPIRED: 410 }[error.code];
    return { status, body: { error: error.code.toLowerCase(), message: error.messageIn(locale) } };
  }
  // body-parser's errors carry a `type`; a JSON syntax error is the sender's fault, not ours.
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return { status: 400, body: { error: 'invalid', message: t(locale, 'web.error.badJson') } };
  if (type === 'entity.too.large') return { status: 413, body: fileTooLarge(maxBytes, locale).toJSON() };
  return { status: 500, body: { error: 'internal', message: t(locale, 'web.error.internal') } };
}

/** The quota's refusal in words the person can act on (429 with Retry-After). */
function quotaRefusal(verdict: Exclude<UploadVerdict, { ok: true }>, quota: UploadQuota, locale: string): WebChatError {
  const retryAfterMs = verdict.retryAfterMs;
  if (verdict.reason === 'too-many-sent')
    return new WebChatError(
      'RATE_LIMITED',
      t(locale, 'web.error.tooManyFiles', {
        count: verdict.sent,
        minutes: Math.max(1, Math.round(quota.windowMs / 60_000)),
        wait: Math.max(1, Math.ceil(retryAfterMs / 60_000)),
      }),
      { retryAfterMs },
    );
  const mb = Math.round((verdict.bytes / 1024 / 1024) * 10) / 10;
  return new WebChatError(
    'RATE_LIMITED',
    t(locale, 'web.error.filesWaiting', { count: verdict.files, mb: formatNumber(locale, mb) }),
    {
      retryAfterMs,
    },
  );
}
