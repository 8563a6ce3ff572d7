import { z } from 'zod';
import { formatDisputeRef } from '../domain/disputes';
import type { OutboundMessageInput } from '../engine/messages';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { formatCandidateRef } from '../services/candidate-ref';

/**
 * Dispute notifications (issue 19). Two audiences, two payloads: the employer side (owners and the
 * campaign's recruiters) reads the whole dispute and gets Uphold / Transfer buttons; the disputing
 * agency reads only its own submission, the decision, its reason and the end of the ownership.
 */
export const DISPUTE_NOTIFICATION_KINDS = ['DISPUTE_OPENED', 'DISPUTE_DECIDED'] as const;
export type DisputeNotificationKind = (typeof DISPUTE_NOTIFICATION_KINDS)[number];

export const isDisputeNotification = (kind: string): kind is DisputeNotificationKind =>
  (DISPUTE_NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** To owners and recruiters: who disputes what, why, against whom. */
export const disputeOpenedPayloadSchema = z.object({
  disputeRef: z.number().int(),
  outcome: z.string(),
  agency: z.string(),
  openedBy: z.string(),
  /** Null: the employer's own record held the person (ALREADY_IN_SYSTEM). */
  ownerAgency: z.string().nullable(),
  /** Null until such a dispute's transfer creates the agency's candidate: the submission names the person then. */
  candidateRef: z.number().int().nullable(),
  candidateName: z.string(),
  submissionRef: z.string().optional(),
  campaign: z.string(),
  reason: z.string(),
  /** The evidence file's name, if one came with the dispute. */
  evidence: z.string().nullable(),
});
export type DisputeOpenedPayload = z.infer<typeof disputeOpenedPayloadSchema>;

/** To the disputing agency: nothing of the other agency but the ownership end. */
export const disputeDecidedPayloadSchema = z.object({
  disputeRef: z.number().int(),
  submissionRef: z.string(),
  personName: z.string().nullable(),
  decision: z.enum(['uphold', 'transfer']),
  reason: z.string(),
  /** ISO date: the holder's last day (uphold) or the agency's new window's last day (transfer). */
  until: z.string(),
  /** After a transfer only: the candidate's reference, now the agency's to open. */
  candidateRef: z.number().int().nullable().default(null),
  /** The employer's own record held the person (ALREADY_IN_SYSTEM): an uphold tells that, and no date. */
  heldByEmployer: z.boolean().default(false),
});
export type DisputeDecidedPayload = z.input<typeof disputeDecidedPayloadSchema>;

/**
 * To the former holder after a transfer (a DISPUTE_DECIDED of its own): its candidate is gone, and
 * nothing of the agency it went to, nor the reason written for that agency.
 */
export const disputeLostPayloadSchema = z.object({
  lost: z.literal(true),
  disputeRef: z.number().int(),
  candidateRef: z.number().int(),
  personName: z.string(),
});
export type DisputeLostPayload = z.infer<typeof disputeLostPayloadSchema>;

const lostParams = (p: DisputeLostPayload) => ({
  ref: formatCandidateRef(p.candidateRef),
  name: p.personName,
  dispute: formatDisputeRef(p.disputeRef),
});

const OUTCOME_WORDS = {
  BLOCKED: 'outcome.blocked',
  DUPLICATE: 'outcome.duplicate',
  ALREADY_IN_SYSTEM: 'outcome.alreadyInSystem',
} as const;

const outcomeWord = (locale: string, outcome: string): string =>
  Object.hasOwn(OUTCOME_WORDS, outcome) ? t(locale, OUTCOME_WORDS[outcome as keyof typeof OUTCOME_WORDS]) : outcome;

function openedText(p: DisputeOpenedPayload, locale: string): string {
  const lines = [
    t(locale, 'notify.disputeOpened', {
      dispute: formatDisputeRef(p.disputeRef),
      agency: p.agency,
      actor: p.openedBy,
      who: `${p.candidateRef === null ? (p.submissionRef ?? '') : formatCandidateRef(p.candidateRef)} ${p.candidateName}`.trim(),
      campaign: p.campaign,
      outcome: outcomeWord(locale, p.outcome),
      owner: p.ownerAgency ?? t(locale, 'disputes.employerRecord'),
    }),
    t(locale, 'notify.disputeReason', { reason: p.reason }),
  ];
  if (p.evidence) lines.push(t(locale, 'notify.disputeEvidence', { file: p.evidence, dispute: formatDisputeRef(p.disputeRef) }));
  return lines.join('\n');
}

function decidedText(p: z.output<typeof disputeDecidedPayloadSchema>, locale: string): string {
  const what = p.personName ? `${p.submissionRef} ${p.personName}` : p.submissionRef;
  const date = formatDate(locale, new Date(p.until));
  const ref = p.candidateRef === null ? '' : formatCandidateRef(p.candidateRef);
  const params = { dispute: formatDisputeRef(p.disputeRef), what, reason: p.reason, date, ref };
  if (p.decision === 'uphold' && p.heldByEmployer) return t(locale, 'notify.disputeUpheld.employer', params);
  return t(locale, p.decision === 'transfer' ? 'notify.disputeTransferred' : 'notify.disputeUpheld', params);
}

/** The chat message; null when the payload does not parse (the delivery records it as invalid). */
export function renderDisputeNotification(
  kind: DisputeNotificationKind,
  payload: unknown,
  locale = 'en',
): OutboundMessageInput | null {
  if (kind === 'DISPUTE_OPENED') {
    const p = disputeOpenedPayloadSchema.safeParse(payload);
    if (!p.success) return null;
    const value = String(p.data.disputeRef);
    return {
      body: {
        type: 'choices',
        text: `${openedText(p.data, locale)}\n\n${t(locale, 'notify.disputeDecideHint', { dispute: formatDisputeRef(p.data.disputeRef) })}`,
        choices: [
          { actionId: 'dispute-uphold', value, label: t(locale, 'dispute.uphold'), style: 'default' },
          { actionId: 'dispute-transfer', value, label: t(locale, 'dispute.transfer'), style: 'primary' },
        ],
      },
    };
  }
  const lost = disputeLostPayloadSchema.safeParse(payload);
  if (lost.success) return { body: { type: 'text', text: t(locale, 'notify.disputeLost', lostParams(lost.data)) } };
  const p = disputeDecidedPayloadSchema.safeParse(payload);
  return p.success ? { body: { type: 'text', text: decidedText(p.data, locale) } } : null;
}

/** The same as an email, for a recipient who linked no chat. */
export function renderDisputeEmail(
  kind: DisputeNotificationKind,
  payload: unknown,
  publicUrl: string,
  locale = 'en',
): { subject: string; text: string } | null {
  const hint = t(locale, 'notify.emailHint', { url: publicUrl });
  if (kind === 'DISPUTE_OPENED') {
    const p = disputeOpenedPayloadSchema.safeParse(payload);
    if (!p.success) return null;
    return {
      subject: t(locale, 'notify.subject.disputeOpened', { dispute: formatDisputeRef(p.data.disputeRef), agency: p.data.agency }),
      text: `${openedText(p.data, locale)}\n\n${t(locale, 'notify.disputeDecideHint', { dispute: formatDisputeRef(p.data.disputeRef) })}\n\n${hint}`,
    };
  }
  const lost = disputeLostPayloadSchema.safeParse(payload);
  if (lost.success) {
    const params = lostParams(lost.data);
    return {
      subject: t(locale, 'notify.subject.disputeLost', params),
      text: `${t(locale, 'notify.disputeLost', params)}\n\n${hint}`,
    };
  }
  const p = disputeDecidedPayloadSchema.safeParse(payload);
  if (!p.success) return null;
  return {
    subject: t(locale, 'notify.subject.disputeDecided', { dispute: formatDisputeRef(p.data.disputeRef) }),
    text: `${decidedText(p.data, locale)}\n\n${hint}`,
  };
}
