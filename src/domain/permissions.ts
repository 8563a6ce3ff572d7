/**
 * Who may do what (DESIGN §1), as pure functions of the actor and the target. Services call these
 * before touching anything, so a denied call changes nothing.
 */
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
  reason: string;
}

export type Decision = { allowed: true } | { allowed: false; denial: Denial };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, denial: { reason } });

function inactive(actor: Actor): Decision | null {
  return actor.active ? null : deny('Your access has been disabled. Ask your agency admin or the Endorse owner to restore it.');
}

export const isAgencyRole = (role: Role): boolean => role === 'AGENCY_ADMIN' || role === 'AGENCY_USER';

export function canSubmit(actor: Actor): Decision {
  return (
    inactive(actor) ??
    (isAgencyRole(actor.role) && actor.agencyId
      ? allow
      : deny('Only agency users submit candidates. Ask an owner to invite you to an agency if you need to.'))
  );
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
  return deny('The Agency Pool is for agency admins (their own agency) and owners. Use My Candidates for your own submissions.');
}

/** The candidates of the campaigns one recruits for (owners: of every campaign). */
export function canSeeCampaignCandidates(actor: Actor): Decision {
  return (
    inactive(actor) ??
    (actor.role === 'OWNER' || actor.role === 'RECRUITER'
      ? allow
      : deny('That list is for the employer’s recruiters. Type “candidates” for your own submissions.'))
  );
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
      return c.agencyId === actor.agencyId ? allow : deny('That candidate is not one of your agency’s.');
    case 'AGENCY_USER':
      return c.submittedById === actor.userId ? allow : deny('You can only open candidates you submitted.');
  }
}

export const canComment = canViewCandidate;

export function canChangeStage(actor: Actor): Decision {
  return (
    inactive(actor) ??
    (actor.role === 'RECRUITER' || actor.role === 'OWNER'
      ? allow
      : deny('Only the employer’s recruiters change a candidate’s stage.'))
  );
}

/** The employer's side registers candidates from other sources (direct applicants) through its ATS. */
export function canRegisterExternalCandidate(actor: Actor): Decision {
  return (
    inactive(actor) ??
    (actor.role === 'RECRUITER' || actor.role === 'OWNER'
      ? allow
      : deny('Only the employer registers candidates from other sources.'))
  );
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
  return deny('Only owners and agency admins manage users.');
}

export function canViewUser(actor: Actor, target: UserTarget): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (actor.role === 'OWNER' || actor.userId === target.userId) return allow;
  if (actor.role === 'AGENCY_ADMIN' && target.agencyId === actor.agencyId) return allow;
  return deny('You can only view users of your own agency.');
}

/** Rename, disable, enable: admins manage their agency's users but not other admins. */
export function canManageUser(actor: Actor, target: UserTarget): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (actor.userId === target.userId) return deny('You cannot change your own access. Ask another admin or an owner.');
  if (actor.role === 'OWNER') return allow;
  if (actor.role === 'AGENCY_ADMIN') {
    if (target.agencyId !== actor.agencyId) return deny('You can only manage users of your own agency.');
    if (target.role !== 'AGENCY_USER') return deny('Agency admins manage agency users only; ask an owner about other admins.');
    return allow;
  }
  return deny('Only owners and agency admins manage users.');
}

export function canInvite(actor: Actor, invitee: { role: Role; agencyId: string | null }): Decision {
  const off = inactive(actor);
  if (off) return off;
  if (isAgencyRole(invitee.role) && !invitee.agencyId) return deny('Agency roles need an agency: name it in the invitation.');
  if (!isAgencyRole(invitee.role) && invitee.agencyId)
    return deny('Owners and recruiters belong to no agency: leave the agency out.');
  if (actor.role === 'OWNER') return allow;
  if (actor.role === 'AGENCY_ADMIN') {
    if (invitee.role !== 'AGENCY_USER') return deny('Agency admins invite agency users only; ask an owner for other roles.');
    if (invitee.agencyId !== actor.agencyId) return deny('You can only invite users into your own agency.');
    return allow;
  }
  return deny('Only owners and agency admins send invitations.');
}

/** Agencies, campaigns, duplicate rules, audit log: the platform owners' business. */
export function canAdministerPlatform(actor: Actor): Decision {
  return inactive(actor) ?? (actor.role === 'OWNER' ? allow : deny('Only Endorse owners can do that.'));
}
