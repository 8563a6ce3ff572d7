import { signSlackBody } from '../../adapters/slack/verify';
import { t } from '../../src/i18n';

/** How a relayed notification ends on Slack: the line that tells it from an answer. */
const REPLY_HINT = t('en', 'notify.replyHint.thread');
import { MIX_SEED, slackDmOf, slackUserOf, type Step } from './mix-people';

/**
 * bench:mix on Slack: the scripted steps in Slack's wire formats, signed, and the reply-side
 * clock. Slack's webhook answers before the work (its 3 s rule), so a message is done when its
 * reply reaches the fake Web API: chat.postMessage or chat.update in the person's DM, or
 * views.open with the trigger of their button press (the submission modal). Every step of the
 * scripts has one direct reply; one that came with nothing awaited is counted as unexpected, so a
 * step that starts answering twice shows in the output instead of skewing the figures silently.
 */

/** Which of the three targets a person belongs to: their ids differ, the fake API is shared. */
export const SLACK_WHO = { app: 'MIX', bare: 'BARE', stub: 'STUB' } as const;
export const REPLY_TIMEOUT_MS = 10_000;

let seq = 0;
const nowTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq % 1_000_000).padStart(6, '0')}`;

/**
 * Person k's step as Slack sends it: a DM `message` in an `event_callback` (JSON), a button press
 * as `block_actions` or the modal's `view_submission` (a form with a JSON `payload`). A press
 * carries a fresh trigger id, remembered with the DM, since views.open names only the trigger.
 */
export function slackBody(k: number, step: Step, who: string, triggers: Map<string, string>): string {
  const user = slackUserOf(k, who);
  const channel = slackDmOf(user);
  const team = MIX_SEED.slackTeam;
  const ts = nowTs();
  if (step.kind === 'text') {
    return JSON.stringify({
      token: 'unused-verification-token',
      team_id: team.id,
      api_app_id: 'A0ENDORSE',
      event: { type: 'message', channel, user, text: step.text, ts, event_ts: ts, channel_type: 'im' },
      type: 'event_callback',
      authed_teams: [team.id],
      event_id: `EvMIX${process.pid}x${seq}`,
      event_time: Math.floor(Date.now() / 1000),
    });
  }
  const triggerId = `${seq}.${Date.now()}.${who.toLowerCase()}${k}`;
  triggers.set(triggerId, channel);
  // Only the form button opens a modal; the other presses' triggers are forgotten in time.
  if (triggers.size > 5_000) triggers.delete(triggers.keys().next().value as string);
  const userField = { id: user, username: `mix.user.${k}`, name: `mix.user.${k}`, team_id: team.id };
  const payload =
    step.kind === 'action'
      ? {
          type: 'block_actions',
          user: userField,
          api_app_id: 'A0ENDORSE',
          token: 'unused-verification-token',
          // The message the button was on: the bot's last one in the DM (its exact ts does not matter to the fake).
          container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
          trigger_id: triggerId,
          team: { id: team.id, domain: 'bench' },
          channel: { id: channel, name: 'directmessage' },
          response_url: `https://hooks.slack.com/actions/${team.id}/1/unused`,
          actions: [
            {
              // Our rendering indexes action ids (`page#100`); the adapter strips the index.
              action_id: `${step.actionId}#100`,
              block_id: 'b',
              text: { type: 'plain_text', text: step.label, emoji: true },
              ...(step.value !== undefined ? { value: step.value } : {}),
              type: 'button',
              action_ts: ts,
            },
          ],
        }
      : {
          type: 'view_submission',
          team: { id: team.id, domain: 'bench' },
          user: userField,
          api_app_id: 'A0ENDORSE',
          token: 'unused-verification-token',
          trigger_id: triggerId,
          view: {
            id: `VMIX${seq}`,
            team_id: team.id,
            type: 'modal',
            private_metadata: JSON.stringify({ c: channel }),
            callback_id: `form:${step.values.formId ?? 'submission'}`,
            state: { values: modalValues(step.values) },
            hash: `${ts}.bench${seq}`,
            previous_view_id: null,
            root_view_id: `VMIX${seq}`,
            app_id: 'A0ENDORSE',
            external_id: '',
            app_installed_team_id: team.id,
            bot_id: 'B0ENDORSE',
          },
          response_urls: [],
        };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The modal's inputs as Slack reports them: block id and action id are the field's name (render.ts). */
function modalValues(values: Record<string, string>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'formId') continue;
    out[name] = {
      [name]:
        name === 'campaign'
          ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } }
          : { type: name === 'email' ? 'email_text_input' : 'plain_text_input', value },
    };
  }
  out.resume = { resume: { type: 'file_input', files: [] } };
  return out;
}

/** The v0 signature headers of one body, as Slack sends them. */
export function slackHeaders(body: string): Record<string, string> {
  const stamp = String(Math.floor(Date.now() / 1000));
  return {
    'content-type': body.startsWith('payload=') ? 'application/x-www-form-urlencoded' : 'application/json',
    'x-slack-request-timestamp': stamp,
    'x-slack-signature': signSlackBody(MIX_SEED.slackSigningSecret, stamp, body),
  };
}

interface Waiter {
  resolve: (at: number | null) => void;
  timer: NodeJS.Timeout;
}

/**
 * Matches the fake Web API's calls to the messages that caused them: per DM, the messages still
 * waiting for their reply, oldest first (a person waits, so there is usually one).
 */
export function slackReplyClock() {
  const waiting = new Map<string, Waiter[]>();
  const bodies = new Map<string, Promise<number | null>>();
  const triggers = new Map<string, string>();
  const counts = { replies: 0, notifications: 0, unexpected: { BARE: 0, MIX: 0, STUB: 0 } as Record<string, number> };
  return {
    triggers,
    counts,
    /** A message about to be posted to `channel`: `done` is told when it is answered, or given up on. */
    expect(channel: string, body: string, done: () => void): void {
      const list = waiting.get(channel) ?? [];
      waiting.set(channel, list);
      const settled = new Promise<number | null>((resolve) => {
        const entry: Waiter = {
          resolve: (at) => {
            clearTimeout(entry.timer);
            done();
            resolve(at);
          },
          timer: setTimeout(() => {
            list.splice(list.indexOf(entry), 1);
            entry.resolve(null);
          }, REPLY_TIMEOUT_MS),
        };
        list.push(entry);
      });
      bodies.set(body, settled);
    },
    /** When the reply to the message with this body arrived (once per body). */
    settled(body: string): Promise<number | null> {
      const settled = bodies.get(body) ?? Promise.resolve(null);
      bodies.delete(body);
      return settled;
    },
    /** The fake Web API's onCall. */
    onCall(method: string, body: Record<string, unknown>): void {
      const at = performance.now();
      let channel: string | undefined;
      if (method === 'chat.postMessage' || method === 'chat.update') channel = String(body.channel);
      else if (method === 'views.open') {
        channel = triggers.get(String(body.trigger_id));
        triggers.delete(String(body.trigger_id));
      }
      if (channel === undefined) return;
      // A notification (a recruiter's comment relayed, say) is not an answer to what the person said.
      if (typeof body.text === 'string' && body.text.includes(REPLY_HINT)) return void counts.notifications++;
      const next = waiting.get(channel)?.shift();
      if (!next) {
        // Whose DM it was (`D<who><k>`): tells an overloaded target's late replies from a step answered twice.
        const who = Object.values(SLACK_WHO).find((w) => channel.startsWith(`D${w}`)) ?? 'MIX';
        counts.unexpected[who] = (counts.unexpected[who] ?? 0) + 1;
        return;
      }
      counts.replies++;
      next.resolve(at);
    },
  };
}
