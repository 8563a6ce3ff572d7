import { z } from 'zod';
import type { AddressCodec, InboundItem, WebhookAnswer } from '../../src/engine/channel';
import { normalizeEmail, normalizePhone } from '../../src/domain/contact';
import type { FileRef, InboundEventInput } from '../../src/engine/messages';

/**
 * Slack request bodies (already verified and decoded by the receiver) → the engine's event (pure).
 * Only the fields we read are declared; zod drops the rest. A body we do not act on parses to
 * `event: null` and is still acknowledged.
 */

/** Where a Slack conversation lives: stored on the chat identity for proactive sends. */
export const addressSchema = z.object({
  teamId: z.string().min(1),
  /** The DM channel between the user and the app (`D…`). */
  channel: z.string().min(1),
  userId: z.string().optional(),
  /** The user's App Home tab instead of a channel: a message there is published as the Home view. */
  surface: z.literal('home').optional(),
});
export type SlackAddress = z.infer<typeof addressSchema>;

export const addressCodec: AddressCodec<SlackAddress> = {
  encode: (address) => JSON.parse(JSON.stringify(address)) as { [key: string]: string },
  decode: (stored) => {
    const parsed = addressSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  },
};

/** A message ref everywhere (send, chat.update, replyTo): `${channel}:${ts}`. */
export const messageRef = (channel: string, ts: string): string => `${channel}:${ts}`;
export function parseMessageRef(ref: string): { channel: string; ts: string } | null {
  const match = /^([A-Z0-9]+):(\d+\.\d+)$/.exec(ref);
  return match?.[1] && match[2] ? { channel: match[1], ts: match[2] } : null;
}

/** A file handle the engine passes back to downloadFile: the workspace (for its token) and the URL. */
export const fileRef = (teamId: string, url: string): string => `${teamId}|${url}`;
export function parseFileRef(ref: string): { teamId: string; url: string } | null {
  const at = ref.indexOf('|');
  if (at <= 0) return null;
  const url = ref.slice(at + 1);
  return /^https?:\/\//.test(url) ? { teamId: ref.slice(0, at), url } : null;
}

/** Our button action ids carry an index (`page#1`) because Slack wants them unique within a message. */
export const encodeActionId = (actionId: string, index: number): string => `${actionId}#${index}`;
export const decodeActionId = (actionId: string): string => actionId.replace(/#\d+$/, '');

/** Modal metadata: which DM the form belongs to, so its answers land in the same conversation. */
export const modalMetaSchema = z.object({ c: z.string().min(1) });
export const FORM_CALLBACK_PREFIX = 'form:';

const fileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  url_private_download: z.string().optional(),
  url_private: z.string().optional(),
});
type SlackFile = z.infer<typeof fileSchema>;

const messageEventSchema = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  files: z.array(fileSchema).optional(),
});
const mentionEventSchema = z.object({
  type: z.literal('app_mention'),
  channel: z.string(),
  user: z.string(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
});
const homeEventSchema = z.object({ type: z.literal('app_home_opened'), user: z.string(), tab: z.string().optional() });

const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.string(),
  event_id: z.string(),
  event: z.object({ type: z.string() }).passthrough(),
});
const slashSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  team_id: z.string(),
  user_id: z.string(),
  user_name: z.string().optional(),
  channel_id: z.string(),
  trigger_id: z.string(),
});
const userSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  username: z.string().optional(),
  team_id: z.string().optional(),
});
const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: userSchema,
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string().optional(),
  container: z.object({ type: z.string(), message_ts: z.string().optional(), channel_id: z.string().optional() }).optional(),
  channel: z.object({ id: z.string() }).optional(),
  /** The message that carried the button, as Slack shows it: its blocks let an answered question be marked in place. */
  message: z.object({ blocks: z.array(z.record(z.string(), z.unknown())).optional() }).optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        value: z.string().optional(),
        text: z.object({ text: z.string() }).optional(),
        selected_option: z.object({ value: z.string() }).optional(),
        action_ts: z.string().optional(),
      }),
    )
    .min(1),
});
const stateValueSchema = z.object({
  type: z.string(),
  value: z.string().nullable().optional(),
  selected_option: z.object({ value: z.string() }).nullable().optional(),
  files: z.array(fileSchema).optional(),
});
const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: userSchema,
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string().optional(),
  view: z.object({
    id: z.string(),
    hash: z.string().optional(),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), stateValueSchema)) }),
  }),
});

export interface ParsedSlack {
  event: InboundEventInput | null;
  /** Where the event's replies go (the channel it was said in; see needsDm). */
  address?: SlackAddress;
  /** Present on slash commands and button presses: lets a form open as a modal (valid ~3 s). */
  triggerId?: string;
  /** Said outside the user's DM with the app (a mention, a command in a channel, the Home tab): answered in the DM. */
  needsDm: boolean;
  /** app_home_opened: the Home tab is (re)published for this user. */
  home?: { teamId: string; userId: string; eventId: string };
  /** A modal with invalid fields: answered `response_action: "errors"`, so it stays open (block_id → message). */
  modalErrors?: Record<string, string>;
  /** A pressed button's message (ref, blocks, the button's label): marked answered if the answer spends it. */
  pressed?: PressedMessage;
}

export interface PressedMessage {
  ref: string;
  blocks: Record<string, unknown>[];
  label?: string;
}

// Built once: zod compiles a parser on first use, so a schema per request costs CPU and garbage per request.
const requestEnvelopeSchema = z.object({
  type: z.string().optional(),
  challenge: z.string().optional(),
  ssl_check: z.string().optional(),
});

/** One Slack request as the webhook runner needs it. */
export interface SlackRequest {
  item: InboundItem<SlackAddress> | null;
  triggerId?: string;
  pressed?: PressedMessage;
  /** Slack's ack: 200, with a body for url_verification and for a slash command said in a channel. */
  answer: WebhookAnswer;
  /** The app was uninstalled, or its bot token revoked, in this workspace: forget the installation. */
  uninstalled?: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean };
}

const lifecycleSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().optional(),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().optional(),
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('app_uninstalled') }),
    z.object({ type: z.literal('tokens_revoked'), tokens: z.object({ bot: z.array(z.string()).optional() }).optional() }),
  ]),
});

/** `app_uninstalled`, or `tokens_revoked` naming the bot's token: the workspace's installation is gone. */
function uninstallOf(body: unknown): SlackRequest['uninstalled'] | null {
  const parsed = lifecycleSchema.safeParse(body);
  if (!parsed.success) return null;
  const { event } = parsed.data;
  if (event.type === 'tokens_revoked' && (event.tokens?.bot ?? []).length === 0) return null;
  return {
    teamId: parsed.data.team_id ?? null,
    enterpriseId: parsed.data.enterprise_id ?? null,
    isEnterpriseInstall: parsed.data.is_enterprise_install ?? false,
  };
}

/**
 * The raw bytes of a verified request → what to hand to the engine and how to ack; null for a body
 * that is not Slack's. Events come as JSON; interactivity as a form with a JSON `payload`; slash
 * commands as a plain form.
 */
export function parseWebhookBody(rawBody: Buffer, contentType: string | undefined): SlackRequest | null {
  const body = decodeBody(rawBody, contentType);
  if (body === null) return null;
  const envelope = requestEnvelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  if (envelope.data.type === 'url_verification')
    return { item: null, answer: { status: 200, body: { challenge: envelope.data.challenge ?? '' } } };
  if (envelope.data.ssl_check !== undefined) return { item: null, answer: { status: 200 } };
  const uninstalled = uninstallOf(body);
  if (uninstalled) return { item: null, answer: { status: 200 }, uninstalled };
  let parsed: ParsedSlack;
  try {
    parsed = parseSlackBody(body);
  } catch (error) {
    // Slack's, but a shape we do not read (a new field type, say): acknowledged and dropped, since
    // Slack would redeliver a 400 and it would fail the same way each time.
    if (error instanceof z.ZodError) return { item: null, answer: { status: 200 } };
    throw error;
  }
  const triggerId = parsed.triggerId ? { triggerId: parsed.triggerId } : {};
  if (parsed.home) {
    const { teamId, userId, eventId } = parsed.home;
    const event: InboundEventInput = { ...base(eventId, teamId, userId, 'home'), payload: { type: 'home' } };
    // The Home tab is not a conversation to keep: no address is stored from it.
    delete event.conversation.address;
    return { item: { event, address: { teamId, channel: 'home', userId, surface: 'home' } }, answer: { status: 200 } };
  }
  if (parsed.modalErrors)
    return { item: null, answer: { status: 200, body: { response_action: 'errors', errors: parsed.modalErrors } } };
  if (!parsed.event || !parsed.address) return { item: null, answer: { status: 200 } };
  const isSlash = parsed.event.payload.type === 'command' && parsed.event.eventId.startsWith('cmd:');
  // A command typed in a channel is answered in the DM; the channel only sees this, and only its author.
  const answer: WebhookAnswer =
    isSlash && parsed.needsDm
      ? { status: 200, body: { response_type: 'ephemeral', text: 'I answered in our direct messages.' } }
      : { status: 200 };
  const pressed = parsed.pressed ? { pressed: parsed.pressed } : {};
  return { item: { event: parsed.event, address: parsed.address }, ...triggerId, ...pressed, answer };
}

function decodeBody(rawBody: Buffer, contentType: string | undefined): unknown {
  const text = rawBody.toString('utf8');
  try {
    if (contentType?.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(text);
      const payload = form.get('payload');
      return payload === null ? Object.fromEntries(form) : JSON.parse(payload);
    }
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const IGNORED: ParsedSlack = { event: null, needsDm: false };
/** Message subtypes that are the user talking to us; edits, joins and bot posts are not. */
const USER_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Parses one decoded request body; throws a ZodError only for a body that is not Slack's at all. */
// Schemas are built once: zod compiles a parser on first use, so a schema per call costs CPU per request.
const envelopeSchema = z.object({ type: z.string().optional(), command: z.string().optional() });
const optionSchema = z.object({ a: z.string().min(1), v: z.string() });

export function parseSlackBody(body: unknown): ParsedSlack {
  const envelope = envelopeSchema.parse(body);
  if (envelope.command !== undefined) return parseSlash(slashSchema.parse(body));
  switch (envelope.type) {
    case 'event_callback':
      return parseEvent(eventCallbackSchema.parse(body));
    case 'block_actions':
      return parseBlockActions(blockActionsSchema.parse(body));
    case 'view_submission':
      return parseViewSubmission(viewSubmissionSchema.parse(body));
    default:
      return IGNORED;
  }
}

function base(eventId: string, teamId: string, userId: string, channel: string, displayName?: string) {
  return {
    platform: 'SLACK' as const,
    eventId,
    identity: { workspaceId: teamId, platformUserId: userId, ...(displayName ? { displayName } : {}) },
    conversation: { id: channel, address: { teamId, channel, userId } },
  };
}

/** The event with the typed address its replies go to. */
const withAddress = (event: InboundEventInput, rest: Omit<ParsedSlack, 'event' | 'address'>): ParsedSlack => ({
  event,
  address: { teamId: event.identity.workspaceId ?? '', channel: event.conversation.id, userId: event.identity.platformUserId },
  ...rest,
});

/** DM channels start with D; anything else (C, G) is a channel the answer must not go to. */
export const isDm = (channel: string) => channel.startsWith('D');

function parseEvent(body: z.infer<typeof eventCallbackSchema>): ParsedSlack {
  const teamId = body.team_id;
  const eventId = `ev:${body.event_id}`;
  switch (body.event.type) {
    case 'message': {
      const m = messageEventSchema.safeParse(body.event);
      if (!m.success || !m.data.user || m.data.bot_id || !USER_SUBTYPES.has(m.data.subtype)) return IGNORED;
      const msg = m.data;
      // Only the DM: the app is not subscribed to channel messages, and must not act on one that slips in.
      if (msg.channel_type !== undefined && msg.channel_type !== 'im') return IGNORED;
      const file = msg.files?.[0];
      const payload: InboundEventInput['payload'] = file
        ? { type: 'file', file: toFileRef(teamId, file), ...(msg.text ? { text: msg.text } : {}) }
        : { type: 'text', text: msg.text ?? '' };
      const event: InboundEventInput = { ...base(eventId, teamId, msg.user ?? '', msg.channel), payload };
      if (msg.thread_ts && msg.thread_ts !== msg.ts) event.replyTo = messageRef(msg.channel, msg.thread_ts);
      return withAddress(event, { needsDm: false });
    }
    case 'app_mention': {
      const m = mentionEventSchema.parse(body.event);
      const text = m.text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim();
      const event: InboundEventInput = { ...base(eventId, teamId, m.user, m.channel), payload: { type: 'text', text } };
      return withAddress(event, { needsDm: !isDm(m.channel) });
    }
    case 'app_home_opened': {
      const h = homeEventSchema.parse(body.event);
      return h.tab === undefined || h.tab === 'home'
        ? { event: null, needsDm: false, home: { teamId, userId: h.user, eventId } }
        : IGNORED;
    }
    default:
      return IGNORED;
  }
}

function parseSlash(body: z.infer<typeof slashSchema>): ParsedSlack {
  const [name = 'help', ...rest] = body.text.trim().split(/\s+/).filter(Boolean);
  const event: InboundEventInput = {
    ...base(`cmd:${body.trigger_id}`, body.team_id, body.user_id, body.channel_id, body.user_name),
    payload: { type: 'command', name: name.toLowerCase(), args: rest.join(' ') },
  };
  return withAddress(event, { triggerId: body.trigger_id, needsDm: !isDm(body.channel_id) });
}

function parseBlockActions(body: z.infer<typeof blockActionsSchema>): ParsedSlack {
  const action = body.actions[0];
  if (!action) return IGNORED;
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const channel = body.container?.channel_id ?? body.channel?.id ?? '';
  // A select carries our {a, v} pair in its option value; a button carries the action id and value.
  const picked = action.selected_option ? decodeOption(action.selected_option.value) : null;
  const actionId = picked?.a ?? decodeActionId(action.action_id);
  const value = picked ? picked.v : action.value;
  const stable = body.trigger_id ?? `${channel}:${action.action_ts ?? ''}`;
  const event: InboundEventInput = {
    ...base(`act:${stable}`, teamId, body.user.id, channel || 'home', body.user.name ?? body.user.username),
    payload: { type: 'action', actionId, ...(value !== undefined && value !== '' ? { value } : {}) },
  };
  let pressed: PressedMessage | undefined;
  if (body.container?.type === 'message' && body.container.message_ts && channel) {
    event.sourceMessageRef = messageRef(channel, body.container.message_ts);
    if (body.message?.blocks)
      pressed = { ref: event.sourceMessageRef, blocks: body.message.blocks, ...(action.text ? { label: action.text.text } : {}) };
  }
  return withAddress(event, {
    ...(body.trigger_id ? { triggerId: body.trigger_id } : {}),
    needsDm: !isDm(channel),
    ...(pressed ? { pressed } : {}),
  });
}

function parseViewSubmission(body: z.infer<typeof viewSubmissionSchema>): ParsedSlack {
  const view = body.view;
  if (!view.callback_id.startsWith(FORM_CALLBACK_PREFIX)) return IGNORED;
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  let channel = '';
  try {
    channel = modalMetaSchema.parse(JSON.parse(view.private_metadata)).c;
  } catch {
    // Not one of our modals (or an old one without metadata): answered in the DM, opened on the spot.
  }
  const values: Record<string, string> = {};
  const files: FileRef[] = [];
  const errors: Record<string, string> = {};
  for (const [blockId, block] of Object.entries(view.state.values))
    for (const [field, input] of Object.entries(block)) {
      if (input.files) files.push(...input.files.map((f) => toFileRef(teamId, f)));
      const value = input.selected_option?.value ?? input.value;
      if (typeof value !== 'string') continue;
      values[field] = value;
      const problem = fieldProblem(blockId, value);
      if (problem) errors[blockId] = problem;
    }
  // Slack shows each message under its field and keeps the modal open, so the person fixes it there.
  if (Object.keys(errors).length > 0) return { event: null, needsDm: false, modalErrors: errors };
  const event: InboundEventInput = {
    ...base(`view:${view.id}:${view.hash ?? body.trigger_id ?? ''}`, teamId, body.user.id, channel || 'home'),
    payload: { type: 'form', formId: view.callback_id.slice(FORM_CALLBACK_PREFIX.length), values, files },
  };
  return withAddress(event, { needsDm: !isDm(channel) });
}

/**
 * What is wrong with a typed phone or email, in the words the chat would use; null when nothing
 * is (or the field is not one of those kinds: its block_id ends in its kind, see render.ts).
 * Empty fields are left to the engine, which asks for what is missing.
 */
function fieldProblem(blockId: string, value: string): string | null {
  if (value.trim() === '') return null;
  const kind = blockId.slice(blockId.lastIndexOf('.') + 1);
  if (kind === 'phone') {
    const phone = normalizePhone(value);
    return phone.ok ? null : phone.error.message.slice(0, SLACK_ERROR_MAX);
  }
  if (kind === 'email') {
    const email = normalizeEmail(value);
    return email.ok ? null : email.error.message.slice(0, SLACK_ERROR_MAX);
  }
  return null;
}

/** Slack cuts a field error past this many characters. */
const SLACK_ERROR_MAX = 150;

function toFileRef(teamId: string, f: SlackFile): FileRef {
  const url = f.url_private_download ?? f.url_private ?? '';
  return {
    name: f.name ?? f.title ?? 'file',
    ref: fileRef(teamId, url || `missing:${f.id}`),
    ...(f.mimetype ? { contentType: f.mimetype } : {}),
    ...(f.size !== undefined ? { size: f.size } : {}),
  };
}

/** A static_select option's value: our action id and value, kept under Slack's 150 characters. */
export const encodeOption = (actionId: string, value: string | undefined): string =>
  JSON.stringify({ a: actionId, v: value ?? '' });
function decodeOption(raw: string): { a: string; v: string } | null {
  try {
    return optionSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}
