import { createHash, timingSafeEqual } from 'node:crypto';

/** The header Telegram sets to the `secret_token` given to setWebhook. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * True when the header carries our webhook secret. Both sides are hashed first so the comparison
 * takes the same time whatever the length of the forged value (DESIGN §7: constant time).
 */
export function verifySecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string' || header.length === 0 || secret.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(header), digest(secret));
}
