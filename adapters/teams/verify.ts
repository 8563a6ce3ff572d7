import type { TeamsConfig } from './config';

/**
 * Inbound verification. The JWT itself is checked by botbuilder's CloudAdapter (signature, issuer,
 * audience = our app id, the channel's endorsement); what is here is the cheap part in front of it
 * and the rule about the unauthenticated mode.
 */
export type AuthMode = 'jwt' | 'local';

export class LocalModeRefused extends Error {
  override readonly name = 'LocalModeRefused';
}

/**
 * 'jwt' with an app id, 'local' without. Local mode accepts anyone who can reach the endpoint, so
 * it is refused outright in production (the config already refuses it; this guards other callers).
 */
export function authModeOf(config: Pick<TeamsConfig, 'appId' | 'nodeEnv'>): AuthMode {
  if (config.appId) return 'jwt';
  if (config.nodeEnv === 'production')
    throw new LocalModeRefused(
      'MICROSOFT_APP_ID is required in production: the Teams adapter will not run unauthenticated (set it, or unset TEAMS_ENABLED)',
    );
  return 'local';
}

/** A request with no bearer token at all is refused before botbuilder spends anything on it. */
export function hasBearerToken(header: string | undefined): boolean {
  return typeof header === 'string' && /^Bearer\s+\S+/i.test(header);
}

export type AuthOutcome = 'ok' | 'unauthorized' | 'unavailable';

/** jsonwebtoken's names for a token that is simply not good. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * A failed verification: a bad, expired or foreign token is 401; anything else (the key set could
 * not be fetched) is 503, so the channel retries instead of dropping a genuine activity.
 */
export function classifyAuthFailure(error: unknown): Exclude<AuthOutcome, 'ok'> {
  const e = error as { name?: unknown; statusCode?: unknown } | null;
  // botframework-connector's AuthenticationError carries the status it wants (401, or 500 when the
  // key set could not be loaded) and no name of its own.
  if (typeof e?.statusCode === 'number') return e.statusCode === 401 ? 'unauthorized' : 'unavailable';
  return typeof e?.name === 'string' && TOKEN_ERRORS.has(e.name) ? 'unauthorized' : 'unavailable';
}
