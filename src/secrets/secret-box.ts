import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** One encryption key: `id` is stored beside every value sealed with it, so keys can rotate. */
export interface SecretKey {
  id: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

/** A value sealed with AES-256-GCM, as stored (JSON). */
export const sealedSecretSchema = z.object({
  alg: z.literal('aes-256-gcm'),
  kid: z.string().min(1),
  iv: z.string().min(1),
  tag: z.string().min(1),
  data: z.string(),
});
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

export const isSealed = (value: unknown): value is SealedSecret => sealedSecretSchema.safeParse(value).success;

/**
 * Secrets at rest (issue 17): platform tokens are sealed under the current key and opened with
 * whichever configured key their `kid` names, so a rotation adds a key first, re-seals
 * (`npm run admin -- secrets rotate`), then drops the old key.
 */
export interface SecretBox {
  /** The key new values are sealed with. */
  readonly currentKeyId: string;
  seal(plain: string): SealedSecret;
  /** Throws when the key it names is not configured or the value was tampered with. */
  open(sealed: SealedSecret): string;
}

const IV_BYTES = 12;

/** `keys[0]` seals; every key opens what names it. */
export function createSecretBox(keys: readonly SecretKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new Error('A secret box needs at least one key');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return {
        alg: 'aes-256-gcm',
        kid: current.id,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
    },
    open(sealed) {
      const key = byId.get(sealed.kid);
      if (!key) throw new Error(`Sealed with key "${sealed.kid}", which SECRET_KEYS does not hold; add it back to read this value.`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** Parses SECRET_KEYS: `id:base64key[,id:base64key…]`, the first sealing, each key 32 bytes. */
export function parseSecretKeys(raw: string): SecretKey[] | string {
  const keys: SecretKey[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(':');
    const id = part.slice(0, colon);
    if (colon <= 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) return `"${part.slice(0, 8)}…" is not id:base64key`;
    const key = Buffer.from(part.slice(colon + 1), 'base64');
    if (key.length !== 32) return `key "${id}" is ${key.length} bytes; it must be 32 (openssl rand -base64 32)`;
    if (keys.some((k) => k.id === id)) return `key id "${id}" appears twice`;
    keys.push({ id, key });
  }
  return keys.length > 0 ? keys : 'holds no key';
}
