import { z } from 'zod';
import type { ReplyControl } from '../engine/channel';
import type { OutboundMessageInput } from '../engine/messages';
import { t } from '../i18n';
import { formatCandidateRef } from '../services/candidates';
import { STAGES } from '../services/dashboards';
import {
  DISPUTE_NOTIFICATION_KINDS,
  isDisputeNotification,
  renderDisputeEmail,
  renderDisputeNotification,
} from './dispute-render';

export const NOTIFICATION_KINDS = [
  'RECRUITER_COMMENT',
  'AGENCY_COMMENT',
  'STAGE_CHANGE',
  'CANDIDATE_SUBMITTED',
  ...DISPUTE_NOTIFICATION_KINDS,
] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
/** The kinds about a candidate, rendered from a NotificationPayload. */
type CandidateKindName = Exclude<NotificationKindName, (typeof DISPUTE_NOTIFICATION_KINDS)[number]>;

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
 * Pure: the chat message for a notification (text, so every channel renders it the same), in the
 * recipient's language (`User.language`; English when unset), ending with how to answer it in the
 * words of the channel's reply control (`replies`: see ChannelCapabilities; absent: the `comment`
 * command).
 */
export function renderNotification(
  kind: CandidateKindName,
  p: NotificationPayload,
  replies?: ReplyControl,
  locale = 'en',
): OutboundMessageInput {
  const hint = t(locale, replies ? `notify.replyHint.${replies}` : 'notify.replyHint.none', {
    ref: formatCandidateRef(p.candidateRef),
  });
  return {
    body: { type: 'text', text: `${notificationText(kind, p, locale)}\n\n${hint}` },
    replyKey: candidateReplyKey(p.candidateRef),
  };
}

/** A stage as stored in the payload (the enum name) in the reader's words; anything else as is. */
function stageWord(locale: string, stage: string | undefined): string {
  const known = STAGES.find((s) => s === stage);
  return known ? t(locale, `stageName.${known}`) : (stage ?? '?');
}

/** The notification itself, without how to answer it. */
export function notificationText(kind: CandidateKindName, p: NotificationPayload, locale = 'en'): string {
  const who = `${formatCandidateRef(p.candidateRef)} ${p.candidateName}`;
  const base = { who, campaign: p.campaign, agency: p.agency, body: p.body ?? '' };
  switch (kind) {
    case 'RECRUITER_COMMENT':
      return t(locale, 'notify.recruiterComment', { ...base, actor: p.actor ?? t(locale, 'notify.someRecruiter') });
    case 'AGENCY_COMMENT':
      return t(locale, 'notify.agencyComment', { ...base, actor: p.actor ?? t(locale, 'notify.someAgency') });
    case 'STAGE_CHANGE': {
      const moved = { ...base, from: stageWord(locale, p.from), to: stageWord(locale, p.to) };
      return p.actor ? t(locale, 'notify.stageChangeBy', { ...moved, actor: p.actor }) : t(locale, 'notify.stageChange', moved);
    }
    case 'CANDIDATE_SUBMITTED':
      return t(locale, 'notify.candidateSubmitted', base);
  }
}

function subject(kind: CandidateKindName, p: NotificationPayload, locale: string): string {
  const params = { who: `${formatCandidateRef(p.candidateRef)} ${p.candidateName}`, agency: p.agency };
  switch (kind) {
    case 'RECRUITER_COMMENT':
      return t(locale, 'notify.subject.recruiterComment', params);
    case 'AGENCY_COMMENT':
      return t(locale, 'notify.subject.agencyComment', params);
    case 'STAGE_CHANGE':
      return t(locale, 'notify.subject.stageChange', { ...params, to: stageWord(locale, p.to) });
    case 'CANDIDATE_SUBMITTED':
      return t(locale, 'notify.subject.candidateSubmitted', params);
  }
}

/** The same notification as an email, for a recipient who linked no chat. */
export function renderNotificationEmail(kind: CandidateKindName, p: NotificationPayload, publicUrl: string, locale = 'en') {
  // An email cannot be replied to into the thread; point at the chat instead of a reply hint.
  const text = `${notificationText(kind, p, locale)}\n\n${t(locale, 'notify.emailHint', { url: publicUrl })}`;
  return { subject: subject(kind, p, locale), text };
}

/**
 * Any stored notification as its chat message, by kind; null when the stored payload does not
 * parse (the delivery records that as INVALID instead of sending something broken).
 */
export function renderStoredNotification(
  kind: NotificationKindName,
  payload: unknown,
  replies?: ReplyControl,
  locale = 'en',
): OutboundMessageInput | null {
  if (isDisputeNotification(kind)) return renderDisputeNotification(kind, payload, locale);
  const p = notificationPayloadSchema.safeParse(payload);
  return p.success ? renderNotification(kind, p.data, replies, locale) : null;
}

/** Any stored notification as an email; null when its payload does not parse. */
export function renderStoredNotificationEmail(
  kind: NotificationKindName,
  payload: unknown,
  publicUrl: string,
  locale = 'en',
): { subject: string; text: string } | null {
  if (isDisputeNotification(kind)) return renderDisputeEmail(kind, payload, publicUrl, locale);
  const p = notificationPayloadSchema.safeParse(payload);
  return p.success ? renderNotificationEmail(kind, p.data, publicUrl, locale) : null;
}
