import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the web chat session cookie. */
export const SESSION_COOKIE = 'endorse_chat';

const SESSION_ID = /^[A-Za-z0-9_-]{16,100}$/;

/**
 * A session cookie value: `<sessionId>.<expiresAtMs>.<base64url HMAC-SHA256>`. The session id is
 * random and becomes the WEB chat identity, so the signature is what stops a forged id.
 */
export function signSession(sessionId: string, expiresAtMs: number, secret: string): string {
  if (!SESSION_ID.test(sessionId)) throw new Error('A session id is 16-100 characters of [A-Za-z0-9_-].');
  const payload = `${sessionId}.${expiresAtMs}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The session id of a valid, unexpired cookie value; null for anything else. */
export function verifySession(value: string | undefined, secret: string, nowMs: number): string | null {
  if (!value) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [sessionId, expires, signature] = parts as [string, string, string];
  if (!SESSION_ID.test(sessionId) || !/^\d{1,15}$/.test(expires)) return null;
  const expected = Buffer.from(mac(`${sessionId}.${expires}`, secret));
  const given = Buffer.from(signature);
  // Constant-time compare; the length check first only reveals the (public) MAC length.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(expires) <= nowMs) return null;
  return sessionId;
}

/** Reads one cookie from a Cookie header without trusting its shape. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
  maxAgeMs: number;
}

/** A Set-Cookie value: HttpOnly so page scripts never see it, SameSite=Lax against cross-site posts. */
export function sessionCookieHeader(value: string, options: CookieOptions): string {
  const attrs = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  attrs.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeMs / 1000))}`);
  if (options.secure) attrs.push('Secure');
  return attrs.join('; ');
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
