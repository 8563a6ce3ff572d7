import type { Request } from 'express';
import type { Services } from '../../services';
import type { ApiKeyScopeName, ApiPrincipal } from '../../services/api-keys';
import { ApiProblem } from './problem';

/** The key from `Authorization: Bearer <key>` (or `X-API-Key`, for tools that cannot set Authorization). */
export function presentedKey(req: Request): string | null {
  const header = req.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? null;
  }
  return req.get('x-api-key')?.trim() || null;
}

/**
 * 401 for a missing, unknown or revoked key (the same answer for all three: the caller learns
 * nothing about which keys exist); 403 for a valid key of the wrong scope.
 */
export async function authenticate(services: Services, req: Request, scopes: readonly ApiKeyScopeName[]): Promise<ApiPrincipal> {
  const key = presentedKey(req);
  if (!key) throw new ApiProblem(401, 'unauthorized', 'Unauthorized', 'Send an API key: `Authorization: Bearer <key>`.');
  const principal = await services.authenticateApiKey(key);
  if (!principal)
    throw new ApiProblem(
      401,
      'unauthorized',
      'Unauthorized',
      'That API key is not valid or was revoked. Ask an owner for a new one.',
    );
  if (!scopes.includes(principal.scope))
    throw new ApiProblem(
      403,
      'insufficient-scope',
      'Insufficient scope',
      `This needs a key with scope ${scopes.join(' or ').toLowerCase()}.`,
    );
  return principal;
}
