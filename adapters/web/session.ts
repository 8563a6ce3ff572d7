import { randomBytes } from 'node:crypto';
import type { WebChatConfig } from './config';
import type { WebChatServices } from './deps';
import { readCookie, SESSION_COOKIE, sessionCookieHeader, signSession, verifySession } from './verify';

/** A new web chat session id: random, and the chat identity of whoever holds its cookie. */
export const newSessionId = (): string => randomBytes(24).toString('base64url');

/** The session id of a request's valid cookie, or null. */
export function sessionOf(cookieHeader: string | undefined, config: WebChatConfig, nowMs: number): string | null {
  return verifySession(readCookie(cookieHeader, SESSION_COOKIE), config.sessionSecret, nowMs);
}

/** The Set-Cookie value that signs a browser in to `sessionId`. */
export function setSessionCookie(sessionId: string, config: WebChatConfig, nowMs: number): string {
  const value = signSession(sessionId, nowMs + config.sessionTtlMs, config.sessionSecret);
  return sessionCookieHeader(value, { secure: config.secureCookie, maxAgeMs: config.sessionTtlMs });
}

/** The Set-Cookie value that signs a browser out. */
export const clearSessionCookie = (config: WebChatConfig): string =>
  sessionCookieHeader('', { secure: config.secureCookie, maxAgeMs: 0 });

/**
 * The session id of a request whose cookie is valid AND whose session the server still holds as
 * good (not logged out, inside its lifetimes, user and agency not disabled), or null.
 */
export async function liveSessionOf(
  cookieHeader: string | undefined,
  config: WebChatConfig,
  services: Pick<WebChatServices, 'checkWebSession'>,
  nowMs: number,
): Promise<string | null> {
  const sessionId = sessionOf(cookieHeader, config, nowMs);
  if (!sessionId) return null;
  return (await services.checkWebSession(sessionId, config.sessionIdleMs)) === 'ok' ? sessionId : null;
}
