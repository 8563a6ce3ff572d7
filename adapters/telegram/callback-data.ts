import { createHash } from 'node:crypto';

/** Telegram refuses a button whose callback_data is longer than this (in UTF-8 bytes). */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** Payloads kept server-side for buttons whose data would not fit; oldest dropped first. */
const STORE_MAX_ENTRIES = 10_000;
const STORED_PREFIX = '~';

export interface ButtonAction {
  actionId: string;
  value?: string;
}

/**
 * Encodes a button's action into callback_data: `actionId` or `actionId value` inline when it fits
 * in 64 bytes (all of today's engine buttons do: action ids ≤ 48 chars, values are short ids), else
 * a short content-hash key with the payload kept in this process. A key this process no longer
 * holds (restart, another instance) decodes to null and the user is told the button is stale, so
 * the inline form is the one to rely on.
 */
export class CallbackDataCodec {
  private readonly stored = new Map<string, ButtonAction>();

  encode(action: ButtonAction): string {
    const inline = action.value === undefined ? action.actionId : `${action.actionId} ${action.value}`;
    const safe = !action.actionId.includes(' ') && !action.actionId.startsWith(STORED_PREFIX) && action.actionId.length > 0;
    if (safe && Buffer.byteLength(inline, 'utf8') <= CALLBACK_DATA_MAX_BYTES) return inline;
    const key =
      STORED_PREFIX +
      createHash('sha256')
        .update(action.actionId)
        .update('\0')
        .update(action.value ?? '')
        .digest('base64url')
        .slice(0, 24);
    this.stored.delete(key);
    this.stored.set(key, action);
    if (this.stored.size > STORE_MAX_ENTRIES) {
      const oldest = this.stored.keys().next();
      if (!oldest.done) this.stored.delete(oldest.value);
    }
    return key;
  }

  /** The action a pressed button carried, or null when its stored payload is gone. */
  decode(data: string): ButtonAction | null {
    if (data.startsWith(STORED_PREFIX)) return this.stored.get(data) ?? null;
    const space = data.indexOf(' ');
    if (space < 0) return data.length > 0 ? { actionId: data } : null;
    return { actionId: data.slice(0, space), value: data.slice(space + 1) };
  }
}
