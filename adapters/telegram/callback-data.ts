import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Telegram refuses a button whose callback_data is longer than this (in UTF-8 bytes). */
export const CALLBACK_DATA_MAX_BYTES = 64;
const STORED_PREFIX = '~';

export interface ButtonAction {
  actionId: string;
  value?: string;
}

/** A payload kept server-side under the key its button carries. */
export interface StoredButtonPayload extends ButtonAction {
  key: string;
}

/**
 * Where payloads that do not fit callback_data live: the database through the services (issue 17),
 * so a button sent by one instance decodes on any other and after a restart.
 */
export interface ButtonPayloadStore {
  save(payloads: readonly StoredButtonPayload[]): Promise<void>;
  find(key: string): Promise<ButtonAction | null>;
}

/**
 * Encodes and decodes button actions for one message or one update: `actionId` or
 * `actionId value` inline when it fits in 64 bytes (all of today's engine buttons do: action ids
 * ≤ 48 chars, values are short ids), else a short content-hash key. The payloads behind keys are
 * collected by `encode` (`pending()`, for the caller to store before sending) and supplied to
 * `decode` by `remember` (what the caller found in the store); a key nobody supplied decodes to
 * null and the user is told the button is stale.
 */
export class CallbackDataCodec {
  private readonly known = new Map<string, ButtonAction>();
  private readonly toStore = new Map<string, StoredButtonPayload>();

  encode(action: ButtonAction): string {
    const inline = action.value === undefined ? action.actionId : `${action.actionId} ${action.value}`;
    const safe = !action.actionId.includes(' ') && !action.actionId.startsWith(STORED_PREFIX) && action.actionId.length > 0;
    if (safe && Buffer.byteLength(inline, 'utf8') <= CALLBACK_DATA_MAX_BYTES) return inline;
    const key = storedKey(action);
    this.known.set(key, action);
    this.toStore.set(key, { key, ...action });
    return key;
  }

  /** The payloads `encode` put behind keys, to store before the message is sent. */
  pending(): StoredButtonPayload[] {
    return [...this.toStore.values()];
  }

  /** Makes a stored payload decodable (found in the store for the update at hand). */
  remember(key: string, action: ButtonAction): void {
    this.known.set(key, action.value === undefined ? { actionId: action.actionId } : { actionId: action.actionId, value: action.value });
  }

  /** The action a pressed button carried, or null when its stored payload is gone. */
  decode(data: string): ButtonAction | null {
    if (isStoredKey(data)) return this.known.get(data) ?? null;
    const space = data.indexOf(' ');
    if (space < 0) return data.length > 0 ? { actionId: data } : null;
    return { actionId: data.slice(0, space), value: data.slice(space + 1) };
  }
}

export const isStoredKey = (data: string): boolean => data.startsWith(STORED_PREFIX);

const storedKey = (action: ButtonAction): string =>
  STORED_PREFIX +
  createHash('sha256')
    .update(action.actionId)
    .update('\0')
    .update(action.value ?? '')
    .digest('base64url')
    .slice(0, 24);

const pressSchema = z.object({ callback_query: z.object({ data: z.string() }) });

/** The stored-payload key a button press in `rawBody` carries, if any (read before the parse, which is synchronous). */
export function storedKeyOfPress(rawBody: Buffer): string | null {
  const text = rawBody.toString('utf8');
  if (!text.includes('"callback_query"')) return null;
  try {
    const parsed = pressSchema.safeParse(JSON.parse(text));
    return parsed.success && isStoredKey(parsed.data.callback_query.data) ? parsed.data.callback_query.data : null;
  } catch {
    return null;
  }
}

/** Payloads kept in this process: for a single process without services (tests, tools). */
export function inMemoryButtonPayloads(): ButtonPayloadStore {
  const stored = new Map<string, ButtonAction>();
  return {
    save: async (payloads) => {
      for (const { key, ...action } of payloads) stored.set(key, action);
    },
    find: async (key) => stored.get(key) ?? null,
  };
}
