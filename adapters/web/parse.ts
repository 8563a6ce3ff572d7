import { rankedLocales } from '../../src/i18n/accept-language';
import { z } from 'zod';
import type { AddressCodec } from '../../src/engine/channel';
import type { FileRef, InboundEventInput } from '../../src/engine/messages';
import { formatCount, overLimit, TEXT_LIMITS } from '../../src/domain/limits';
import { WebChatError } from './errors';

/** The conversation address of a web chat session, as stored on the chat identity. */
export const webAddressSchema = z.object({ sessionId: z.string().min(1) });
export type WebAddress = z.infer<typeof webAddressSchema>;

export const addressCodec: AddressCodec<WebAddress> = {
  encode: (address) => ({ sessionId: address.sessionId }),
  decode: (stored) => {
    const parsed = webAddressSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  },
};

/** The web chat's message limit; the composer shows a counter against the same number (public/chat.js). */
const MAX_TEXT = TEXT_LIMITS.webMessage;
const fileRefInput = z.object({ ref: z.string().min(1).max(100) });

/**
 * What the page posts to /chat/api/events. `eventId` is a uuid made by the page, so a retried
 * POST carries the same id and the engine handles it once.
 */
export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    eventId: z.uuid(),
    text: z.string().trim().min(1).max(MAX_TEXT),
    /** The entry the Reply button was pressed on: the answer is a reply to that message. */
    replyTo: z.uuid().optional(),
  }),
  z.object({
    type: z.literal('action'),
    eventId: z.uuid(),
    actionId: z.string().min(1).max(48),
    value: z.string().max(500).optional(),
    /** The pressed button's label, shown in the user's own bubble. */
    label: z.string().max(200).optional(),
    sourceMessageRef: z.uuid().optional(),
  }),
  z.object({
    type: z.literal('form'),
    eventId: z.uuid(),
    formId: z.string().min(1).max(100),
    values: z.record(z.string().max(100), z.string().max(MAX_TEXT)),
    files: z.array(fileRefInput).max(5).default([]),
    sourceMessageRef: z.uuid().optional(),
  }),
  z.object({
    type: z.literal('file'),
    eventId: z.uuid(),
    file: fileRefInput,
    text: z.string().max(MAX_TEXT).optional(),
    sourceMessageRef: z.uuid().optional(),
  }),
]);
export type EventBody = z.infer<typeof eventBodySchema>;

export const demoLoginSchema = z.object({ userId: z.string().min(1).max(100) });

/** The filename header of an upload: URL-encoded so any name survives an HTTP header. */
export const uploadHeadersSchema = z.object({
  'x-file-name': z
    .string({ message: 'Send the file name in the X-File-Name header (URL-encoded).' })
    .min(1)
    .max(600)
    .transform((v, ctx) => {
      try {
        return decodeURIComponent(v).replace(/[\\/]/g, '_').slice(0, 200);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'X-File-Name must be URL-encoded.' });
        return z.NEVER;
      }
    }),
  'content-type': z.string().max(200).default('application/octet-stream'),
});

/** Parses with zod and turns the first problem into a 400 the page can show. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new WebChatError('INVALID', `${what} is not valid${where}: ${issue?.message ?? 'unexpected shape'}.`);
}

/**
 * The browser's first choice in an `Accept-Language` header (`pt-BR,pt;q=0.9,en;q=0.8` →
 * `pt-BR`), by quality; undefined when there is none. The engine maps it onto a language it speaks.
 */
export function localeFromAcceptLanguage(header: string | string[] | undefined): string | undefined {
  return rankedLocales(header)[0];
}

export interface ParseContext {
  sessionId: string;
  /** Looks up an uploaded file by its ref: the page names the ref, the server knows the rest. */
  lookupFile: (ref: string) => FileRef | undefined;
  locale?: string;
}

export interface ParsedEvent {
  event: InboundEventInput;
  /** What the user's own bubble shows for what they sent. */
  echo: string;
}

/**
 * A message past the limit is refused whole with its length, never cut: the page keeps the text in
 * the composer, so the user can shorten it (an older page without the counter gets the same words).
 */
function refuseLongText(raw: unknown): void {
  const text = (raw as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return;
  const over = overLimit('webMessage', text);
  if (over)
    throw new WebChatError(
      'INVALID',
      `Messages can be at most ${formatCount(over.limit)} characters; yours has ${formatCount(over.length)}. Shorten it and send again.`,
    );
}

/** An HTTP body from the page → the engine's neutral event (pure apart from the file lookup). */
export function parseEvent(raw: unknown, ctx: ParseContext): ParsedEvent {
  refuseLongText(raw);
  const body = parseOrInvalid(eventBodySchema, raw, 'The message');
  const file = (ref: string): FileRef => {
    const found = ctx.lookupFile(ref);
    if (!found) throw new WebChatError('NOT_FOUND', 'That upload has expired or never arrived. Attach the file again.');
    return found;
  };
  const base = {
    platform: 'WEB' as const,
    eventId: body.eventId,
    identity: { workspaceId: '', platformUserId: ctx.sessionId },
    conversation: { id: ctx.sessionId, address: addressCodec.encode({ sessionId: ctx.sessionId }) },
    locale: ctx.locale ?? 'en',
    raw: { type: body.type },
  };
  switch (body.type) {
    case 'text':
      return {
        event: { ...base, ...(body.replyTo ? { replyTo: body.replyTo } : {}), payload: toTextPayload(body.text) },
        echo: body.text,
      };
    case 'action':
      return {
        event: {
          ...base,
          sourceMessageRef: body.sourceMessageRef,
          payload: { type: 'action', actionId: body.actionId, value: body.value },
        },
        echo: body.label ?? body.actionId,
      };
    case 'form':
      return {
        event: {
          ...base,
          sourceMessageRef: body.sourceMessageRef,
          payload: { type: 'form', formId: body.formId, values: body.values, files: body.files.map((f) => file(f.ref)) },
        },
        echo: 'Sent the form.',
      };
    case 'file': {
      const found = file(body.file.ref);
      return {
        event: { ...base, sourceMessageRef: body.sourceMessageRef, payload: { type: 'file', file: found, text: body.text } },
        echo: `📎 ${found.name}`,
      };
    }
  }
}

/** `/submit now` is a command, like a slash command elsewhere; anything else is text for the engine. */
function toTextPayload(text: string): InboundEventInput['payload'] {
  const slash = /^\/([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/.exec(text);
  if (!slash?.[1]) return { type: 'text', text };
  return { type: 'command', name: slash[1].toLowerCase(), args: (slash[2] ?? '').trim() };
}

/** The command the invitation page sends for a new web session. */
export function startCommandEvent(sessionId: string, token: string, eventId: string, locale?: string): InboundEventInput {
  return {
    platform: 'WEB',
    eventId,
    identity: { workspaceId: '', platformUserId: sessionId },
    conversation: { id: sessionId, address: addressCodec.encode({ sessionId }) },
    payload: { type: 'command', name: 'start', args: token },
    locale: locale ?? 'en',
    raw: { type: 'invite' },
  };
}
