import { en } from '../i18n/en';
import type { Actor, Decision, DenialKey } from './permissions';

/**
 * Disputes (issue 19): an agency contests an outcome that keeps a person from being theirs; an
 * owner or one of the campaign's recruiters upholds it or transfers the candidate. Pure rules.
 */

/**
 * The outcomes an agency may contest. Data, not branches: a new outcome that withholds ownership
 * is one more entry here. ALREADY_IN_SYSTEM is held by the employer's own ATS record, not by an
 * agency (src/services/disputes.ts tells the two holders apart).
 */
export const DISPUTABLE_OUTCOMES = ['DUPLICATE', 'BLOCKED', 'ALREADY_IN_SYSTEM'] as const;
export type DisputableOutcome = (typeof DISPUTABLE_OUTCOMES)[number];

export const isDisputable = (outcome: string): outcome is DisputableOutcome =>
  (DISPUTABLE_OUTCOMES as readonly string[]).includes(outcome);

export const DISPUTE_STATUSES = ['OPEN', 'UPHELD', 'TRANSFERRED'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** What the decider chooses: keep the owner, or give the candidate to the disputing agency. */
export const DISPUTE_DECISIONS = ['uphold', 'transfer'] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];

export const statusOfDecision = (decision: DisputeDecision): Exclude<DisputeStatus, 'OPEN'> =>
  decision === 'uphold' ? 'UPHELD' : 'TRANSFERRED';

/** The longest reason (opening or decision) kept; the chat says so before it refuses. */
export const DISPUTE_REASON_MAX = 2000;

const allow: Decision = { allowed: true };
const deny = (key: DenialKey): Decision => ({ allowed: false, denial: { key, reason: en[key] } });
const disabled = deny('deny.disabled');

/** Opening: a user of the agency that made the submission, and no one else. */
export function canOpenDispute(actor: Actor, submission: { agencyId: string }): Decision {
  if (!actor.active) return disabled;
  if (actor.role !== 'AGENCY_ADMIN' && actor.role !== 'AGENCY_USER') return deny('deny.disputeAgencyOnly');
  if (actor.agencyId !== submission.agencyId) return deny('deny.disputeOtherAgency');
  return allow;
}

/** Deciding: owners, and the recruiters of the campaign the disputed submission went to. */
export function canDecideDispute(actor: Actor, campaign: { recruitsFor: boolean }): Decision {
  if (!actor.active) return disabled;
  if (actor.role === 'OWNER') return allow;
  if (actor.role === 'RECRUITER') return campaign.recruitsFor ? allow : deny('deny.decideCampaign');
  return deny('deny.decide');
}

/** The dispute list: owners see every dispute, recruiters those of their campaigns. */
export function canListDisputes(actor: Actor): Decision {
  if (!actor.active) return disabled;
  return actor.role === 'OWNER' || actor.role === 'RECRUITER' ? allow : deny('deny.disputeList');
}

/** `D-12` ↔ 12: a dispute's short reference. */
export const formatDisputeRef = (ref: number): string => `D-${ref}`;

export function parseDisputeRef(text: string): number | null {
  const match = /^\s*(?:D-?)?(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** `S-1a2b3c4d`: a submission's (or blocked attempt's) short reference, its id's first 8 hex digits. */
export const formatSubmissionRef = (id: string): string => `S-${id.slice(0, 8)}`;

export function parseSubmissionRef(text: string): string | null {
  const match = /^\s*S-([0-9a-f]{8})\s*$/i.exec(text);
  return match?.[1] ? match[1].toLowerCase() : null;
}
