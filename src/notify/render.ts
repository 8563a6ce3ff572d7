import { z } from 'zod';
import type { ReplyControl } from '../engine/channel';
import type { OutboundMessageInput } from '../engine/messages';
import { t } from '../i18n';
import { formatCandidateRef } from '../services/candidates';
import { STAGES } from '../services/dashboards';

export const NOTIFICATION_KINDS = ['RECRUITER_COMMENT', 'AGENCY_COMMENT', 'STAGE_CHANGE', 'CANDIDATE_SUBMITTED'] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/**
 * What a notification says, stored on the row when the event happens (so a later edit or a
 * renamed user does not change a message already queued) and rendered when it is sent.
 */
export const notificationPayloadSchema = z.object({
  candidateRef: z.number().int(),
  candidateName: z.string(),
  campaign: z.string(),
  agency: z.string(),
  /** Who commented or moved the stage. */
  actor: z.string().optional(),
  body: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

/** The `replyKey` of a relayed message: the engine routes a reply to it back to this candidate. */
export const candidateReplyKey = (ref: number): string => `candidate:${ref}`;

/**
 * Pure: the chat message for a notification (text, so every channel renders it the same), ending
 * with how to answer it in the words of the channel's reply control (`replies`: see
 * ChannelCapabilities; absent: the `comment` command).
 */
export function renderNotification(
  kind: NotificationKindName,
  p: NotificationPayload,
  replies?: ReplyControl,
): OutboundMessageInput {
  const hint = t('en', replies ? `notify.replyHint.${replies}` : 'notify.replyHint.none', {
    ref: formatCandidateRef(p.candidateRef),
  });
  return { body: { type: 'text', text: `${notificationText(kind, p)}\n\n${hint}` }, replyKey: candidateReplyKey(p.candidateRef) };
}

/** The stage as people read it ("Screening"), from the enum name stored on the row. */
function stageName(stage: string | undefined): string {
  const known = STAGES.find((s) => s === stage);
  return known ? t('en', `stageName.${known}`) : (stage ?? '?');
}

export function notificationText(kind: NotificationKindName, p: NotificationPayload): string {
  const who = `${formatCandidateRef(p.candidateRef)} ${p.candidateName}`;
  switch (kind) {
    case 'RECRUITER_COMMENT':
      return `${p.actor ?? 'A recruiter'} commented on ${who} (${p.campaign}):\n\n${p.body ?? ''}`;
    case 'AGENCY_COMMENT':
      return `${p.actor ?? 'The agency'} (${p.agency}) commented on ${who} (${p.campaign}):\n\n${p.body ?? ''}`;
    case 'STAGE_CHANGE':
      return `${who} (${p.campaign}) moved from ${stageName(p.from)} to ${stageName(p.to)}${p.actor ? ` (by ${p.actor})` : ''}.`;
    case 'CANDIDATE_SUBMITTED':
      return `New candidate ${who} from ${p.agency} for ${p.campaign}.`;
  }
}

const SUBJECTS: Record<NotificationKindName, (p: NotificationPayload) => string> = {
  RECRUITER_COMMENT: (p) => `New comment on ${formatCandidateRef(p.candidateRef)} ${p.candidateName}`,
  AGENCY_COMMENT: (p) => `${p.agency} commented on ${formatCandidateRef(p.candidateRef)} ${p.candidateName}`,
  STAGE_CHANGE: (p) => `${formatCandidateRef(p.candidateRef)} ${p.candidateName} is now ${stageName(p.to)}`,
  CANDIDATE_SUBMITTED: (p) => `New candidate ${formatCandidateRef(p.candidateRef)} from ${p.agency}`,
};

/** The same notification as an email, for a recipient who linked no chat. */
export function renderNotificationEmail(kind: NotificationKindName, p: NotificationPayload, publicUrl: string) {
  // An email cannot be replied to into the thread; point at the chat instead of a reply hint.
  const text = `${notificationText(kind, p)}\n\nLink a chat app to answer from there (open the invitation link again, or ask your admin): ${publicUrl}`;
  return { subject: SUBJECTS[kind](p), text };
}
