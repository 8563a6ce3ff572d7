/**
 * Who may do what (DESIGN §1), as pure functions of the actor and the target. Services call these
 * before touching anything, so a denied call changes nothing.
 */
import { en, type MessageKey } from '../i18n/en';
export type Role = 'OWNER' | 'AGENCY_ADMIN' | 'AGENCY_USER' | 'RECRUITER';

export const ROLES: readonly Role[] = ['OWNER', 'AGENCY_ADMIN', 'AGENCY_USER', 'RECRUITER'];
export const AGENCY_ROLES: readonly Role[] = ['AGENCY_ADMIN', 'AGENCY_USER'];

/** The signed-in user as the rules see them; `active` folds user and agency status together. */
export interface Actor {
  userId: string;
  role: Role;
  agencyId: string | null;
  active: boolean;
}

export interface Denial {
  /** The catalogue key of the reason, so it is said in the reader's language. */
  key: DenialKey;
  /** The reason in English (logs, the REST API). */
  reason: string;
}

/** The reasons a rule gives, as catalogue keys (src/i18n/en.ts `deny.*`). */
export type DenialKey = Extract<MessageKey, `deny.${string}`>;

export type Decision = { allowed: true } | { allowed: false; denial: Denial };

const allow: Decision = { allowed: true };
const deny = (key: DenialKey): Decision => ({ allowed: false, denial: { key, reason: en[key] } });

function inactive(actor: Actor): Decision | null {
  return actor.active ? null : deny('deny.disabled');
}

export const isAgencyRole = (role: Role): boolean => role === 'AGENCY_ADMIN' || role === 'AGENCY_USER';

export function canSubmit(actor: Actor): Decision {
  return inactive(actor) ?? (isAgencyRole(actor.role) && actor.agencyId ? allow : deny('deny.submit'));
}

export function canSeeMyCandidates(actor: Actor): Decision {
  return inactive(actor) ?? allow;
}

/** Agency Pool of `agencyId` (null = every agency, owners only). */
export function canSeeAgencyPool(actor: Actor, agencyId: string | null): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (actor.role === 'OWNER') return allow;
  if (actor.role === 'AGENCY_ADMIN' && agencyId !== null && agencyId === actor.agencyId) return allow;
  return deny('deny.agencyPool');
}

/** The candidates of the campaigns one recruits for (owners: of every campaign). */
export function canSeeCampaignCandidates(actor: Actor): Decision {
  return inactive(actor) ?? (actor.role === 'OWNER' || actor.role === 'RECRUITER' ? allow : deny('deny.recruiterList'));
}

export interface CandidateOwnership {
  agencyId: string;
  submittedById: string;
}

export function canViewCandidate(actor: Actor, c: CandidateOwnership): Decision {
  const off = inactive(actor);
  if (off) return off;
  switch (actor.role) {
    case 'OWNER':
    case 'RECRUITER':
      return allow;
    case 'AGENCY_ADMIN':
      return c.agencyId === actor.agencyId ? allow : deny('deny.otherAgencyCandidate');
    case 'AGENCY_USER':
      return c.submittedById === actor.userId ? allow : deny('deny.notYourCandidate');
  }
}

export const canComment = canViewCandidate;

export function canChangeStage(actor: Actor): Decision {
  return inactive(actor) ?? (actor.role === 'RECRUITER' || actor.role === 'OWNER' ? allow : deny('deny.stage'));
}

/** The employer's side registers candidates from other sources (direct applicants) through its ATS. */
export function canRegisterExternalCandidate(actor: Actor): Decision {
  return inactive(actor) ?? (actor.role === 'RECRUITER' || actor.role === 'OWNER' ? allow : deny('deny.registerExternal'));
}

export interface UserTarget {
  userId: string;
  role: Role;
  agencyId: string | null;
}

/** Listing users: owners anywhere, agency admins inside their agency only. */
export function canListUsers(actor: Actor, agencyId: string | null): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (actor.role === 'OWNER') return allow;
  if (actor.role === 'AGENCY_ADMIN' && agencyId === actor.agencyId) return allow;
  return deny('deny.manageUsers');
}

export function canViewUser(actor: Actor, target: UserTarget): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (actor.role === 'OWNER' || actor.userId === target.userId) return allow;
  if (actor.role === 'AGENCY_ADMIN' && target.agencyId === actor.agencyId) return allow;
  return deny('deny.viewOtherAgency');
}

/** Rename, disable, enable: admins manage their agency's users but not other admins. */
export function canManageUser(actor: Actor, target: UserTarget): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (actor.userId === target.userId) return deny('deny.ownAccess');
  if (actor.role === 'OWNER') return allow;
  if (actor.role === 'AGENCY_ADMIN') {
    if (target.agencyId !== actor.agencyId) return deny('deny.manageOtherAgency');
    if (target.role !== 'AGENCY_USER') return deny('deny.manageAdmins');
    return allow;
  }
  return deny('deny.manageUsers');
}

export function canInvite(actor: Actor, invitee: { role: Role; agencyId: string | null }): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (isAgencyRole(invitee.role) && !invitee.agencyId) return deny('deny.needAgency');
  if (!isAgencyRole(invitee.role) && invitee.agencyId) return deny('deny.noAgency');
  if (actor.role === 'OWNER') return allow;
  if (actor.role === 'AGENCY_ADMIN') {
    if (invitee.role !== 'AGENCY_USER') return deny('deny.inviteRole');
    if (invitee.agencyId !== actor.agencyId) return deny('deny.inviteOtherAgency');
    return allow;
  }
  return deny('deny.invite');
}

/** Agencies, campaigns, duplicate rules, audit log: the platform owners' business. */
export function canAdministerPlatform(actor: Actor): Decision {
  return inactive(actor) ?? (actor.role === 'OWNER' ? allow : deny('deny.ownerOnly'));
}
