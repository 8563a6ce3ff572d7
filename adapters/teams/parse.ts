import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AddressCodec, InboundItem, StoredAddress } from '../../src/engine/channel';
import type { InboundEventInput } from '../../src/engine/messages';

/**
 * Bot Framework activities → the engine's InboundEvent (pure). Only the fields we read are
 * declared; zod drops the rest. An activity we do not act on (typing, a reaction, a member leaving,
 * a channel install) parses to `event: null` and is still acknowledged.
 */
const accountSchema = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() });
const attachmentSchema = z.object({
  contentType: z.string(),
  contentUrl: z.string().optional(),
  name: z.string().optional(),
  content: z.unknown().optional(),
});
const fileInfoSchema = z.object({
  downloadUrl: z.string().min(1),
  fileType: z.string().optional(),
  uniqueId: z.string().optional(),
});

export const activitySchema = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().min(1),
  from: accountSchema,
  recipient: accountSchema.optional(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
    name: z.string().optional(),
  }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: z.string().optional(),
  locale: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  membersAdded: z.array(accountSchema).optional(),
  channelData: z
    .object({ tenant: z.object({ id: z.string() }).optional() })
    .passthrough()
    .optional(),
});
export type TeamsActivity = z.infer<typeof activitySchema>;

/**
 * Where a conversation lives: botbuilder's ConversationReference minus the activity id, so the
 * stored address stays the same from message to message (the engine rewrites it when it changes).
 */
export const addressSchema = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  bot: accountSchema.passthrough().optional(),
  user: accountSchema.passthrough().optional(),
  locale: z.string().optional(),
});
export type TeamsAddress = z.infer<typeof addressSchema>;

export const addressCodec: AddressCodec<TeamsAddress> = {
  encode: (address) => JSON.parse(JSON.stringify(address)) as StoredAddress,
  decode: (stored) => {
    const parsed = addressSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  },
};

export interface ParsedActivity {
  /** The event and where its replies go; null for an activity we only acknowledge. */
  item: InboundItem<TeamsAddress> | null;
  /** An invoke (adaptiveCard/action) is answered in the HTTP response itself. */
  invoke: boolean;
  /** The activity's id: replies answer it (replyToId). */
  activityId?: string;
  /** For an invoke: the card whose button was pressed, which the answer may replace. */
  sourceMessageRef?: string;
}

/** The Teams attachment a personal-chat file arrives as. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  // A photo or a scan of a resume, attached as a file (read by OCR).
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The card data our Action.Submit buttons carry (render.ts writes them). */
const actionDataSchema = z.object({ actionId: z.string().min(1), value: z.string().optional() });
const formDataSchema = z.object({ formId: z.string().min(1) }).catchall(z.unknown());

/** Parses one activity body; throws a ZodError for a body that is not an activity. */
export function parseActivity(body: unknown): ParsedActivity {
  const activity = activitySchema.parse(body);
  const event = eventOf(activity);
  const invoke = activity.type === 'invoke';
  return {
    item: event ? { event, address: addressOf(activity) } : null,
    invoke,
    ...(activity.id ? { activityId: activity.id } : {}),
    ...(invoke && activity.replyToId ? { sourceMessageRef: activity.replyToId } : {}),
  };
}

function eventOf(activity: TeamsActivity): InboundEventInput | null {
  if (activity.type === 'conversationUpdate') return installedEvent(activity);
  if (activity.type === 'invoke') {
    if (activity.name !== 'adaptiveCard/action') return null;
    const data = z.object({ action: z.object({ data: z.unknown().optional() }) }).safeParse(activity.value);
    const payload = payloadOfData(data.success ? data.data.action.data : undefined);
    return { ...base(activity), payload, ...sourceRef(activity) };
  }
  if (activity.type !== 'message') return null;
  // An Action.Submit click: a message with no text and the card's data (plus inputs) in `value`.
  if (activity.value !== undefined && activity.value !== null && typeof activity.value === 'object')
    return { ...base(activity), payload: payloadOfData(activity.value), ...sourceRef(activity) };
  const quote = activity.replyToId ? null : quotedReply(activity);
  const text = quote ? quote.text : stripMentions(activity.text ?? '');
  const file = fileOf(activity);
  if (file) return { ...base(activity), payload: { type: 'file', file, ...(text ? { text } : {}) } };
  if (!text) return null;
  const event: InboundEventInput = { ...base(activity), payload: { type: 'text', text } };
  const replyTo = activity.replyToId ?? quote?.replyTo;
  if (replyTo) event.replyTo = replyTo;
  return event;
}

/** Only the bot's own arrival counts as an install; other members joining a chat are not for us. */
function installedEvent(activity: TeamsActivity): InboundEventInput | null {
  const botId = activity.recipient?.id;
  const added = activity.membersAdded ?? [];
  if (!botId || !added.some((m) => m.id === botId)) return null;
  // Added to a team channel: the channel is not where agency users work with the bot.
  if (activity.conversation.conversationType && activity.conversation.conversationType !== 'personal') return null;
  return { ...base(activity), payload: { type: 'installed' } };
}

function payloadOfData(data: unknown): InboundEventInput['payload'] {
  const form = formDataSchema.safeParse(data);
  if (form.success) {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(form.data))
      if (key !== 'formId' && key !== 'msteams' && typeof value === 'string') values[key] = value;
    return { type: 'form', formId: form.data.formId, values, files: [] };
  }
  const action = actionDataSchema.safeParse(data);
  // A card we did not write (or an old one): the engine says the button is stale.
  if (!action.success) return { type: 'action', actionId: 'stale' };
  return {
    type: 'action',
    actionId: action.data.actionId,
    ...(action.data.value === undefined ? {} : { value: action.data.value }),
  };
}

function fileOf(activity: TeamsActivity) {
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) continue;
    const info = fileInfoSchema.safeParse(attachment.content);
    if (!info.success) continue;
    const type = info.data.fileType?.toLowerCase();
    const contentType = type ? FILE_TYPES[type] : undefined;
    return {
      name: attachment.name ?? `file.${type ?? 'bin'}`,
      ref: info.data.downloadUrl,
      ...(contentType ? { contentType } : {}),
    };
  }
  return null;
}

const sourceRef = (activity: TeamsActivity) => (activity.replyToId ? { sourceMessageRef: activity.replyToId } : {});

function base(activity: TeamsActivity) {
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? '';
  return {
    platform: 'TEAMS' as const,
    eventId: eventIdOf(activity),
    identity: {
      workspaceId: tenantId,
      // The AAD object id is stable across the user's chats and apps; the 29: id is per bot.
      platformUserId: activity.from.aadObjectId ?? activity.from.id,
      ...(activity.from.name ? { displayName: activity.from.name } : {}),
    },
    conversation: { id: activity.conversation.id, address: addressCodec.encode(addressOf(activity)) },
    locale: activity.locale ?? 'en',
  };
}

/**
 * Activity ids are unique within a conversation only (personal-chat message ids are millisecond
 * timestamps), so the conversation is part of the idempotency key.
 */
export function eventIdOf(activity: Pick<TeamsActivity, 'id' | 'conversation' | 'type'>): string {
  const conversation = createHash('sha1').update(activity.conversation.id).digest('base64url').slice(0, 12);
  const id = activity.id ?? createHash('sha1').update(JSON.stringify(activity)).digest('base64url');
  return `${conversation}:${id}`;
}

/** TurnContext.getConversationReference without the activity id (see addressSchema). */
export function addressOf(activity: TeamsActivity): TeamsAddress {
  const account = (a: { id: string; name?: string | undefined; aadObjectId?: string | undefined }) => ({
    id: a.id,
    ...defined({ name: a.name, aadObjectId: a.aadObjectId }),
  });
  const { id, conversationType, tenantId, isGroup, name } = activity.conversation;
  return {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId ?? 'msteams',
    conversation: { id, ...defined({ conversationType, tenantId, isGroup, name }) },
    ...(activity.recipient ? { bot: account(activity.recipient) } : {}),
    user: account(activity.from),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** Drops undefined members, so the stored address is plain JSON and compares equal from message to message. */
function defined<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: { [K in keyof T]?: Exclude<T[K], undefined> } = {};
  for (const key of Object.keys(record) as (keyof T)[]) {
    const value = record[key];
    if (value !== undefined) out[key] = value as Exclude<T[typeof key], undefined>;
  }
  return out;
}

const REPLY_QUOTE = /<blockquote\b[^>]*\bitemtype="http:\/\/schema\.skype\.com\/Reply"[^>]*>[\s\S]*?<\/blockquote>/i;

/**
 * A personal-chat quote reply that names the quoted message only in its HTML attachment
 * (`<blockquote itemtype="http://schema.skype.com/Reply" itemid="…">`, no replyToId): the quoted
 * message's id, and what the user wrote after the quote.
 */
function quotedReply(activity: TeamsActivity): { replyTo: string; text: string } | null {
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType !== 'text/html' || typeof attachment.content !== 'string') continue;
    const quote = REPLY_QUOTE.exec(attachment.content);
    const replyTo = quote ? /\bitemid="([^"]+)"/.exec(quote[0])?.[1] : undefined;
    if (!quote || !replyTo) continue;
    const after = attachment.content.slice(quote.index + quote[0].length);
    return { replyTo, text: stripMentions(after.replace(/<br\s*\/?>|<\/p>/gi, '\n').replace(/<[^>]+>/g, '')) };
  }
  return null;
}

/** `<at>Endorse</at> submit` → `submit`; Teams also escapes a few characters as entities. */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, (s) => (s.includes('\n') ? '\n' : ' '))
    .trim();
}
