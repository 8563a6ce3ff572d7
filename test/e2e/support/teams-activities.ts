import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real-format Bot Framework activities for the tests: the samples in shared/fixtures/teams (their
 * _COMPOSED_NOTE dropped), with fresh ids, this test's person and tenant, and the fake connector
 * as serviceUrl.
 */
const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/teams');

export type Activity = Record<string, unknown>;

export function fixture(name: string): Activity {
  const json = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Activity;
  delete json._COMPOSED_NOTE;
  delete json._DERIVED_NOTE;
  return json;
}

export interface TeamsPerson {
  /** The per-bot `29:` id. */
  id: string;
  aadObjectId: string;
  name: string;
  tenantId: string;
  /** The personal chat's `a:` conversation id. */
  conversationId: string;
}

export const BOT = { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Endorse' };

export function newPerson(tenantId: string, name = 'Megan Bowen'): TeamsPerson {
  const rand = randomUUID().replace(/-/g, '');
  return { id: `29:1${rand}`, aadObjectId: randomUUID(), name, tenantId, conversationId: `a:1${rand}${rand.slice(0, 20)}` };
}

let sequence = Date.now();
/** Teams personal-chat message ids are millisecond timestamps. */
export const nextActivityId = (): string => String(++sequence);

function envelope(sample: Activity, person: TeamsPerson, serviceUrl: string): Activity {
  return {
    ...sample,
    id: nextActivityId(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: BOT,
    conversation: { conversationType: 'personal', id: person.conversationId, tenantId: person.tenantId },
    channelData: { tenant: { id: person.tenantId } },
  };
}

export function textActivity(person: TeamsPerson, serviceUrl: string, text: string, replyToId?: string): Activity {
  const sample = fixture('message_personal.json');
  const activity = envelope(sample, person, serviceUrl);
  activity.text = text;
  activity.attachments = [{ contentType: 'text/html', content: `<p>${text}</p>` }];
  if (replyToId) activity.replyToId = replyToId;
  return activity;
}

/** An Action.Submit click on the card `cardId`: no text, the card's data plus inputs in `value`. */
export function submitActivity(person: TeamsPerson, serviceUrl: string, value: Record<string, string>, cardId: string): Activity {
  const activity = envelope(fixture('message_action_submit_value.COMPOSED.json'), person, serviceUrl);
  activity.value = value;
  activity.replyToId = cardId;
  return activity;
}

export function invokeActivity(person: TeamsPerson, serviceUrl: string, data: Record<string, string>, cardId: string): Activity {
  const sample = fixture('invoke_adaptive_card_action_execute.json');
  const activity = envelope(sample, person, serviceUrl);
  activity.id = `f:${randomUUID()}`;
  activity.value = { action: { type: 'Action.Execute', title: 'Go', data }, trigger: 'manual' };
  activity.replyToId = cardId;
  return activity;
}

export function fileActivity(
  person: TeamsPerson,
  serviceUrl: string,
  file: { name: string; downloadUrl: string; fileType: string },
): Activity {
  const activity = envelope(fixture('message_file_attachment_pdf.COMPOSED.json'), person, serviceUrl);
  const [attachment] = (activity.attachments as Activity[] | undefined) ?? [];
  activity.attachments = [
    {
      ...attachment,
      name: file.name,
      content: {
        ...(attachment?.content as Activity),
        downloadUrl: file.downloadUrl,
        fileType: file.fileType,
        uniqueId: randomUUID(),
      },
    },
  ];
  return activity;
}

/** The bot added to the person's personal chat (the app installed). */
export function installActivity(person: TeamsPerson, serviceUrl: string): Activity {
  const activity = envelope(fixture('conversation_update_members_added_personal.json'), person, serviceUrl);
  activity.id = `f:${randomUUID().slice(0, 8)}`;
  activity.membersAdded = [{ id: BOT.id }, { id: person.id, aadObjectId: person.aadObjectId }];
  return activity;
}
