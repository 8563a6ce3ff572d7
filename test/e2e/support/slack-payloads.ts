import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signSlackBody } from '../../../adapters/slack/verify';

/**
 * Real Slack payload samples (../shared/fixtures/slack) varied per test: the fixture is loaded,
 * its notes dropped, and only the ids, texts and files a test needs are changed.
 */
const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/slack');

type Json = Record<string, unknown>;

function fixture(name: string): Json {
  const parsed = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Json;
  for (const key of Object.keys(parsed)) if (/^_/.test(key) && key.endsWith('NOTE')) delete parsed[key];
  return parsed;
}

export interface SlackPerson {
  teamId: string;
  userId: string;
  /** The DM channel between this person and the app. */
  dm: string;
  name: string;
}

let seq = 0;
const uniqueId = (prefix: string) =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${(++seq).toString(36).toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`;
/** A fresh message ts, as Slack writes them. */
export const newTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

export function newPerson(teamId: string, name = 'Slack Person'): SlackPerson {
  const userId = uniqueId('U');
  return { teamId, userId, dm: `D${userId.slice(1)}`, name };
}

export interface SignedRequest {
  body: string;
  contentType: string;
}

const json = (body: Json): SignedRequest => ({ body: JSON.stringify(body), contentType: 'application/json' });
const form = (fields: Record<string, string>): SignedRequest => ({
  body: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});

/** events_message_im.json: a DM to the app (optionally a reply in a thread). */
export function imMessage(p: SlackPerson, text: string, options: { threadTs?: string; eventId?: string } = {}): SignedRequest {
  const body = fixture('events_message_im.json');
  const ts = newTs();
  const event: Json = { ...(body.event as Json), channel: p.dm, user: p.userId, text, ts, event_ts: ts, channel_type: 'im' };
  if (options.threadTs) event.thread_ts = options.threadTs;
  return json({ ...body, team_id: p.teamId, authed_teams: [p.teamId], event, event_id: options.eventId ?? uniqueId('Ev') });
}

/** events_app_mention.json: `@Endorse <text>` in a channel. */
export function appMention(p: SlackPerson, channel: string, text: string): SignedRequest {
  const body = fixture('events_app_mention.json');
  const ts = newTs();
  const event = { ...(body.event as Json), user: p.userId, channel, team: p.teamId, text: `<@W111> ${text}`, ts, event_ts: ts };
  return json({ ...body, team_id: p.teamId, event, event_id: uniqueId('Ev') });
}

/** events_message_file_share_pdf.DERIVED.json: a PDF dropped in the DM. */
export function fileShare(p: SlackPerson, file: { url: string; name: string; size: number }): SignedRequest {
  const body = fixture('events_message_file_share_pdf.DERIVED.json');
  const ts = newTs();
  const event = body.event as Json;
  const [sample] = event.files as Json[];
  const shared = {
    ...sample,
    name: file.name,
    title: file.name,
    size: file.size,
    url_private_download: file.url,
    url_private: file.url,
  };
  return json({
    ...body,
    team_id: p.teamId,
    event: { ...event, channel: p.dm, channel_type: 'im', user: p.userId, text: '', ts, event_ts: ts, files: [shared] },
    event_id: uniqueId('Ev'),
    authorizations: [{ enterprise_id: null, team_id: p.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
}

/** slash_command.json: `/endorse <text>` typed in `channel` (default: the DM). */
export function slashCommand(p: SlackPerson, text: string, channel = p.dm): SignedRequest {
  const { fields } = fixture('slash_command.json') as { fields: Record<string, string> };
  return form({
    ...fields,
    team_id: p.teamId,
    user_id: p.userId,
    user_name: p.name,
    channel_id: channel,
    command: '/endorse',
    text,
    trigger_id: `${Date.now()}.${++seq}.${randomBytes(4).toString('hex')}`,
  });
}

/** block_actions.json: a press of one of our buttons (`action_id` as rendered) on a message. */
export function blockAction(
  p: SlackPerson,
  press: {
    actionId: string;
    value?: string;
    selected?: string;
    messageTs?: string;
    channel?: string;
    /** The pressed message's blocks and the button's label, as Slack sends them with a press on a message. */
    message?: { blocks: Json[]; label: string };
  },
): SignedRequest {
  const body = fixture('block_actions.json');
  const [sample] = body.actions as Json[];
  const action: Json = { ...sample, action_id: press.actionId, action_ts: newTs() };
  if (press.message) action.text = { type: 'plain_text', text: press.message.label, emoji: true };
  if (press.value === undefined) delete action.value;
  else action.value = press.value;
  if (press.selected !== undefined) Object.assign(action, { type: 'static_select', selected_option: { value: press.selected } });
  const channel = press.channel ?? p.dm;
  const payload = {
    ...body,
    user: { ...(body.user as Json), id: p.userId, team_id: p.teamId },
    team: { id: p.teamId, domain: 'test' },
    trigger_id: `${Date.now()}.${++seq}.${randomBytes(4).toString('hex')}`,
    container: press.messageTs
      ? { type: 'message', message_ts: press.messageTs, channel_id: channel, is_ephemeral: false }
      : { type: 'view', view_id: 'VHOME' },
    channel: press.messageTs ? { id: channel, name: 'directmessage' } : undefined,
    ...(press.message && press.messageTs
      ? { message: { type: 'message', ts: press.messageTs, blocks: press.message.blocks } }
      : {}),
    actions: [action],
  };
  return form({ payload: JSON.stringify(payload) });
}

/** view_submission.json: our modal (as sent to views.open) submitted with `values` (+ files). */
export function viewSubmission(p: SlackPerson, view: Json, values: Record<string, string>, files: Json[] = []): SignedRequest {
  const body = fixture('view_submission.json');
  const state: Record<string, Record<string, Json>> = {};
  for (const block of view.blocks as Json[]) {
    if (block.type !== 'input') continue;
    const element = block.element as Json;
    const id = String(block.block_id);
    const actionId = String(element.action_id);
    // `values` is keyed by field name: the element's action_id (the block_id also names its kind).
    const value = values[actionId];
    const type = String(element.type);
    if (type === 'file_input') state[id] = { [actionId]: { type, files } };
    else if (type === 'static_select')
      state[id] = {
        [actionId]: { type, selected_option: value === undefined ? null : { value, text: { type: 'plain_text', text: value } } },
      };
    else state[id] = { [actionId]: { type, value: value ?? null } };
  }
  const payload = {
    ...body,
    team: { id: p.teamId, domain: 'test' },
    user: { ...(body.user as Json), id: p.userId, team_id: p.teamId },
    trigger_id: `${Date.now()}.${++seq}.${randomBytes(4).toString('hex')}`,
    view: {
      ...(body.view as Json),
      id: uniqueId('V'),
      team_id: p.teamId,
      // Bolt authorizes a view by the workspace that installed the app.
      app_installed_team_id: p.teamId,
      blocks: view.blocks,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: state },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
    },
  };
  return form({ payload: JSON.stringify(payload) });
}

/**
 * app_home_opened has no verbatim sample in the fixtures: it is composed from the message.im
 * envelope with the event fields Slack documents (user, channel, tab, event_ts).
 */
export function appHomeOpened(p: SlackPerson): SignedRequest {
  const body = fixture('events_message_im.json');
  const event = { type: 'app_home_opened', user: p.userId, channel: p.dm, tab: 'home', event_ts: newTs() };
  return json({ ...body, team_id: p.teamId, authed_teams: [p.teamId], event, event_id: uniqueId('Ev') });
}

/** url_verification.json, verbatim. */
export const urlVerification = (): SignedRequest => json(fixture('url_verification.json'));

export interface PostOptions {
  secret: string;
  /** Unix seconds; default now (Slack's receivers refuse anything older than 5 minutes). */
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs a request to /slack/events, signed the way Slack signs it. */
export function postSigned(baseUrl: string, req: SignedRequest, options: PostOptions): Promise<Response> {
  const ts = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': req.contentType,
      'x-slack-request-timestamp': ts,
      'x-slack-signature': options.signature ?? signSlackBody(options.secret, ts, req.body),
      ...options.headers,
    },
    body: req.body,
  });
}
