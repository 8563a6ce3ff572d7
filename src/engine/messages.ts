import { z } from 'zod';
import { hasControlCharacter, stripControlCharacters } from '../domain/control-characters';
import { platformSchema } from '../domain/platforms';

/**
 * The neutral message model between adapters and the engine (DESIGN §3). Nothing here is Slack's,
 * Teams' or Telegram's: each adapter translates its platform to and from these shapes.
 */

/**
 * What a person typed: control characters are dropped. Nobody means one, and PostgreSQL refuses
 * U+0000 in text, which would turn a stray byte into "something went wrong".
 */
const typedText = z.string().transform(stripControlCharacters);
/**
 * A platform's id. No platform sends one with a control character, and dropping it could make two
 * ids one, so such an event is refused instead of altered.
 */
const platformId = z.string().refine((id) => !hasControlCharacter(id), { message: 'contains a control character' });

/** Who wrote: the platform's user id, scoped by workspace (Slack team, Teams tenant) where one exists. */
export const identitySchema = z.object({
  workspaceId: platformId.default(''),
  platformUserId: platformId.min(1),
  displayName: typedText.optional(),
});

/** Where to answer: the conversation id plus the platform's full reference for proactive sends. */
export const conversationSchema = z.object({
  id: platformId.min(1),
  /** Opaque to the engine; stored on the chat identity so notifications can reach the user later. */
  address: z.json().optional(),
});

export const fileRefSchema = z.object({
  name: typedText,
  contentType: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  /** The adapter's handle to fetch the bytes (a URL, a Telegram file_id, an upload id). */
  ref: z.string().min(1),
});
export type FileRef = z.infer<typeof fileRefSchema>;

const payloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: typedText }),
  /** `/submit`, `endorse submit`, or a platform's own command UI: name without slash, raw args. */
  z.object({ type: z.literal('command'), name: typedText.pipe(z.string().min(1)), args: typedText.default('') }),
  /** A button press: the action id the engine put on the button, and its value. */
  z.object({ type: z.literal('action'), actionId: platformId.min(1), value: typedText.optional() }),
  /** A submitted form: field name → value. */
  z.object({
    type: z.literal('form'),
    formId: z.string().min(1),
    values: z.record(z.string(), typedText),
    files: z.array(fileRefSchema).default([]),
  }),
  z.object({ type: z.literal('file'), file: fileRefSchema, text: typedText.optional() }),
  /** The bot was added to a conversation (Teams install, Telegram /start without a token). */
  z.object({ type: z.literal('installed') }),
  /** The user opened the app's own page on the platform (Slack's App Home): answered with an overview. */
  z.object({ type: z.literal('home') }),
]);

export const inboundEventSchema = z.object({
  platform: platformSchema,
  /** The platform's id for this message or event; the same id is handled once. */
  eventId: platformId.min(1),
  identity: identitySchema,
  conversation: conversationSchema,
  payload: payloadSchema,
  /** The platform message this one answers (a reply in a thread / a quoted reply). */
  replyTo: platformId.optional(),
  /** The message that carried the pressed button, so a paged list can be edited in place. */
  sourceMessageRef: platformId.optional(),
  /** BCP 47, e.g. `en`, `en-PH`; messages fall back to English. */
  locale: z.string().default('en'),
  /** The platform payload, for logs only: nothing outside the adapter reads it (STYLE.md §2). */
  raw: z.unknown().optional(),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;
export type InboundEventInput = z.input<typeof inboundEventSchema>;
export type InboundPayload = InboundEvent['payload'];

export const choiceSchema = z.object({
  /** Sent back as `action.actionId`; kept short (Telegram allows 64 bytes of callback data). */
  actionId: z.string().min(1).max(48),
  label: z.string().min(1),
  value: z.string().optional(),
  style: z.enum(['primary', 'danger', 'default']).default('default'),
});
export type Choice = z.infer<typeof choiceSchema>;

export const formFieldSchema = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  kind: z.enum(['text', 'email', 'phone', 'select', 'file', 'multiline']),
  required: z.boolean().default(false),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  hint: z.string().optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

const bodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: typedText }),
  z.object({ type: z.literal('choices'), text: z.string(), choices: z.array(choiceSchema).min(1) }),
  z.object({
    type: z.literal('form'),
    formId: z.string().min(1),
    title: z.string(),
    text: z.string().optional(),
    fields: z.array(formFieldSchema).min(1),
    submitLabel: z.string(),
    /** The same questions one by one, for a channel without forms. */
    fallbackText: z.string(),
  }),
  z.object({
    type: z.literal('card'),
    title: z.string(),
    subtitle: z.string().optional(),
    fields: z.array(z.object({ label: z.string(), value: z.string() })),
    text: z.string().optional(),
    choices: z.array(choiceSchema).default([]),
  }),
  z.object({
    type: z.literal('list'),
    title: z.string(),
    /** A line above the items, e.g. the dashboard metrics. */
    summary: z.string().optional(),
    items: z.array(
      z.object({
        title: z.string(),
        subtitle: z.string().optional(),
        actionId: z.string().optional(),
        /**
         * The row button's words when pressing it does something other than open the item (a
         * Dispute on an agency's duplicate); without it, renderers say the list's Open.
         */
        actionLabel: z.string().optional(),
      }),
    ),
    page: z.number().int().min(1),
    pageCount: z.number().int().min(1),
    emptyText: z.string(),
    /** Paging and other buttons under the list. */
    choices: z.array(choiceSchema).default([]),
  }),
  z.object({
    type: z.literal('file_request'),
    text: z.string(),
    // 'image': a photo or a scan (JPEG, PNG), read by OCR.
    accept: z.array(z.enum(['pdf', 'docx', 'image'])),
    maxBytes: z.number().int().positive(),
    choices: z.array(choiceSchema).default([]),
  }),
]);

export const outboundMessageSchema = z.object({
  body: bodySchema,
  /** Replace this earlier message (by the adapter's message ref) instead of sending a new one. */
  edit: z.string().optional(),
  /**
   * The message whose buttons this answer spends (the one pressed): the adapter disables them in
   * place where the channel can edit a message (Telegram drops the keyboard, Slack marks the
   * question answered); elsewhere a late press is answered as stale by the engine.
   */
  retire: z.string().optional(),
  /**
   * A key the engine wants tied to the sent message (e.g. `candidate:1042` on a relayed comment),
   * so a reply to it can be routed back.
   */
  replyKey: z.string().optional(),
  /**
   * The few words a renderer adds around the content, in the reader's language: a list item's
   * Open button, a menu's placeholder, a form's Cancel, how to send a requested file (`{mb}` is
   * filled by the engine). Filled by the engine for every reply; absent: the renderer's English.
   */
  labels: z.object({ open: z.string(), choose: z.string(), cancel: z.string(), fileHint: z.string() }).partial().optional(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type OutboundMessageInput = z.input<typeof outboundMessageSchema>;
export type MessageBody = OutboundMessage['body'];
