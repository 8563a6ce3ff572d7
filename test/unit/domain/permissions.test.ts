import {
  AGENCY_ROLES,
  canAdministerPlatform,
  canChangeStage,
  canComment,
  canInvite,
  canListUsers,
  canManageUser,
  canSeeAgencyPool,
  canSeeMyCandidates,
  canSubmit,
  canViewCandidate,
  canViewUser,
  isAgencyRole,
  ROLES,
  type Actor,
  type Decision,
  type Role,
} from '../../../src/domain/permissions';

const OWN = 'agency-a';
const OTHER = 'agency-b';

/** One actor per role; agency roles belong to agency A, the others to no agency. */
const actors: Record<Role, Actor> = {
  OWNER: { userId: 'owner', role: 'OWNER', agencyId: null, active: true },
  AGENCY_ADMIN: { userId: 'admin-a', role: 'AGENCY_ADMIN', agencyId: OWN, active: true },
  AGENCY_USER: { userId: 'user-a', role: 'AGENCY_USER', agencyId: OWN, active: true },
  RECRUITER: { userId: 'recruiter', role: 'RECRUITER', agencyId: null, active: true },
};
const inactive = (role: Role): Actor => ({ ...actors[role], active: false });

const allowed = (d: Decision) => d.allowed;
const A = true;
const D = false;

/** Every check with a representative target, for the "inactive is always denied" sweep. */
const everyCheck: [string, (actor: Actor) => Decision][] = [
  ['canSubmit', (a) => canSubmit(a)],
  ['canSeeMyCandidates', (a) => canSeeMyCandidates(a)],
  ['canSeeAgencyPool (own agency)', (a) => canSeeAgencyPool(a, a.agencyId ?? OWN)],
  ['canViewCandidate (own submission)', (a) => canViewCandidate(a, { agencyId: a.agencyId ?? OWN, submittedById: a.userId })],
  ['canComment (own submission)', (a) => canComment(a, { agencyId: a.agencyId ?? OWN, submittedById: a.userId })],
  ['canChangeStage', (a) => canChangeStage(a)],
  ['canListUsers (own agency)', (a) => canListUsers(a, a.agencyId)],
  ['canViewUser (self)', (a) => canViewUser(a, { userId: a.userId, role: a.role, agencyId: a.agencyId })],
  ['canManageUser (agency user of own agency)', (a) => canManageUser(a, { userId: 'x', role: 'AGENCY_USER', agencyId: OWN })],
  ['canInvite (agency user into own agency)', (a) => canInvite(a, { role: 'AGENCY_USER', agencyId: a.agencyId ?? OWN })],
  ['canAdministerPlatform', (a) => canAdministerPlatform(a)],
];

describe('a disabled user (or a user of a disabled agency)', () => {
  test.each(everyCheck.flatMap(([name, check]) => ROLES.map((role) => [name, role, check] as const)))(
    '%s is denied to an inactive %s',
    (_name, role, check) => {
      expect(check(inactive(role))).toEqual({
        allowed: false,
        denial: { key: 'deny.disabled', reason: expect.stringContaining('disabled') },
      });
    },
  );
});

describe('role helpers', () => {
  test('the agency roles are agency admin and agency user', () => {
    expect(AGENCY_ROLES).toEqual(['AGENCY_ADMIN', 'AGENCY_USER']);
    expect(ROLES.filter(isAgencyRole)).toEqual(['AGENCY_ADMIN', 'AGENCY_USER']);
  });

  test('a denial always carries a reason to show', () => {
    const d = canSubmit(actors.OWNER);
    expect(d).toEqual({ allowed: false, denial: { key: expect.stringMatching(/^deny\./), reason: expect.any(String) } });
  });
});

describe('canSubmit', () => {
  test.each([
    ['OWNER', D],
    ['AGENCY_ADMIN', A],
    ['AGENCY_USER', A],
    ['RECRUITER', D],
  ] as const)('%s may submit: %s', (role, expected) => {
    expect(allowed(canSubmit(actors[role]))).toBe(expected);
  });

  test('an agency role without an agency may not submit', () => {
    expect(allowed(canSubmit({ ...actors.AGENCY_USER, agencyId: null }))).toBe(false);
  });
});

describe('canSeeMyCandidates', () => {
  test.each(ROLES)('%s sees their own candidates', (role) => {
    expect(allowed(canSeeMyCandidates(actors[role]))).toBe(true);
  });
});

describe('canSeeAgencyPool', () => {
  test.each([
    ['OWNER', 'own', A],
    ['OWNER', 'other', A],
    ['OWNER', 'all', A],
    ['AGENCY_ADMIN', 'own', A],
    ['AGENCY_ADMIN', 'other', D],
    ['AGENCY_ADMIN', 'all', D],
    ['AGENCY_USER', 'own', D],
    ['AGENCY_USER', 'other', D],
    ['AGENCY_USER', 'all', D],
    ['RECRUITER', 'own', D],
    ['RECRUITER', 'other', D],
    ['RECRUITER', 'all', D],
  ] as const)('%s, pool of %s agency: %s', (role, which, expected) => {
    const agencyId = which === 'own' ? OWN : which === 'other' ? OTHER : null;
    expect(allowed(canSeeAgencyPool(actors[role], agencyId))).toBe(expected);
  });
});

describe.each([
  ['canViewCandidate', canViewCandidate],
  ['canComment', canComment],
] as const)('%s', (_name, check) => {
  const targets = {
    mine: { agencyId: OWN, submittedById: 'user-a' },
    colleague: { agencyId: OWN, submittedById: 'user-a2' },
    otherAgency: { agencyId: OTHER, submittedById: 'user-b' },
  };
  test.each([
    ['OWNER', 'mine', A],
    ['OWNER', 'colleague', A],
    ['OWNER', 'otherAgency', A],
    ['RECRUITER', 'mine', A],
    ['RECRUITER', 'colleague', A],
    ['RECRUITER', 'otherAgency', A],
    ['AGENCY_ADMIN', 'mine', A],
    ['AGENCY_ADMIN', 'colleague', A],
    ['AGENCY_ADMIN', 'otherAgency', D],
    ['AGENCY_USER', 'mine', A],
    ['AGENCY_USER', 'colleague', D],
    ['AGENCY_USER', 'otherAgency', D],
  ] as const)('%s, candidate submitted by %s: %s', (role, target, expected) => {
    expect(allowed(check(actors[role], targets[target]))).toBe(expected);
  });
});

describe('canChangeStage', () => {
  test.each([
    ['OWNER', A],
    ['RECRUITER', A],
    ['AGENCY_ADMIN', D],
    ['AGENCY_USER', D],
  ] as const)('%s may change a stage: %s', (role, expected) => {
    expect(allowed(canChangeStage(actors[role]))).toBe(expected);
  });
});

describe('canListUsers', () => {
  test.each([
    ['OWNER', 'own', A],
    ['OWNER', 'other', A],
    ['OWNER', 'all', A],
    ['AGENCY_ADMIN', 'own', A],
    ['AGENCY_ADMIN', 'other', D],
    ['AGENCY_ADMIN', 'all', D],
    ['AGENCY_USER', 'own', D],
    ['AGENCY_USER', 'other', D],
    ['RECRUITER', 'all', D],
    ['RECRUITER', 'own', D],
  ] as const)('%s, users of %s agency: %s', (role, which, expected) => {
    const agencyId = which === 'own' ? OWN : which === 'other' ? OTHER : null;
    expect(allowed(canListUsers(actors[role], agencyId))).toBe(expected);
  });
});

const userTargets = {
  self: (a: Actor) => ({ userId: a.userId, role: a.role, agencyId: a.agencyId }),
  ownAgencyUser: () => ({ userId: 'user-a2', role: 'AGENCY_USER' as Role, agencyId: OWN }),
  ownAgencyAdmin: () => ({ userId: 'admin-a2', role: 'AGENCY_ADMIN' as Role, agencyId: OWN }),
  otherAgencyUser: () => ({ userId: 'user-b', role: 'AGENCY_USER' as Role, agencyId: OTHER }),
  otherAgencyAdmin: () => ({ userId: 'admin-b', role: 'AGENCY_ADMIN' as Role, agencyId: OTHER }),
  owner: () => ({ userId: 'owner-2', role: 'OWNER' as Role, agencyId: null }),
  recruiter: () => ({ userId: 'recruiter-2', role: 'RECRUITER' as Role, agencyId: null }),
};
type UserTargetName = keyof typeof userTargets;

describe('canViewUser', () => {
  test.each([
    ['OWNER', 'self', A],
    ['OWNER', 'ownAgencyUser', A],
    ['OWNER', 'otherAgencyAdmin', A],
    ['OWNER', 'recruiter', A],
    ['AGENCY_ADMIN', 'self', A],
    ['AGENCY_ADMIN', 'ownAgencyUser', A],
    ['AGENCY_ADMIN', 'ownAgencyAdmin', A],
    ['AGENCY_ADMIN', 'otherAgencyUser', D],
    ['AGENCY_ADMIN', 'owner', D],
    ['AGENCY_ADMIN', 'recruiter', D],
    ['AGENCY_USER', 'self', A],
    ['AGENCY_USER', 'ownAgencyUser', D],
    ['AGENCY_USER', 'otherAgencyUser', D],
    ['RECRUITER', 'self', A],
    ['RECRUITER', 'ownAgencyUser', D],
    ['RECRUITER', 'recruiter', D],
  ] as [Role, UserTargetName, boolean][])('%s viewing %s: %s', (role, target, expected) => {
    expect(allowed(canViewUser(actors[role], userTargets[target](actors[role])))).toBe(expected);
  });
});

describe('canManageUser (rename, disable, enable)', () => {
  test.each([
    ['OWNER', 'self', D],
    ['OWNER', 'ownAgencyUser', A],
    ['OWNER', 'ownAgencyAdmin', A],
    ['OWNER', 'otherAgencyUser', A],
    ['OWNER', 'otherAgencyAdmin', A],
    ['OWNER', 'owner', A],
    ['OWNER', 'recruiter', A],
    ['AGENCY_ADMIN', 'self', D],
    ['AGENCY_ADMIN', 'ownAgencyUser', A],
    ['AGENCY_ADMIN', 'ownAgencyAdmin', D],
    ['AGENCY_ADMIN', 'otherAgencyUser', D],
    ['AGENCY_ADMIN', 'otherAgencyAdmin', D],
    ['AGENCY_ADMIN', 'owner', D],
    ['AGENCY_ADMIN', 'recruiter', D],
    ['AGENCY_USER', 'self', D],
    ['AGENCY_USER', 'ownAgencyUser', D],
    ['AGENCY_USER', 'otherAgencyUser', D],
    ['RECRUITER', 'self', D],
    ['RECRUITER', 'ownAgencyUser', D],
    ['RECRUITER', 'recruiter', D],
  ] as [Role, UserTargetName, boolean][])('%s managing %s: %s', (role, target, expected) => {
    expect(allowed(canManageUser(actors[role], userTargets[target](actors[role])))).toBe(expected);
  });

  test('nobody changes their own access, and is told to ask someone else', () => {
    expect(canManageUser(actors.OWNER, userTargets.self(actors.OWNER))).toEqual({
      allowed: false,
      denial: { key: 'deny.ownAccess', reason: expect.stringContaining('own access') },
    });
  });
});

describe('canInvite', () => {
  const invitees = {
    userOwn: { role: 'AGENCY_USER' as Role, agencyId: OWN },
    userOther: { role: 'AGENCY_USER' as Role, agencyId: OTHER },
    adminOwn: { role: 'AGENCY_ADMIN' as Role, agencyId: OWN },
    adminOther: { role: 'AGENCY_ADMIN' as Role, agencyId: OTHER },
    owner: { role: 'OWNER' as Role, agencyId: null },
    recruiter: { role: 'RECRUITER' as Role, agencyId: null },
  };
  test.each([
    ['OWNER', 'userOwn', A],
    ['OWNER', 'userOther', A],
    ['OWNER', 'adminOwn', A],
    ['OWNER', 'adminOther', A],
    ['OWNER', 'owner', A],
    ['OWNER', 'recruiter', A],
    ['AGENCY_ADMIN', 'userOwn', A],
    ['AGENCY_ADMIN', 'userOther', D],
    ['AGENCY_ADMIN', 'adminOwn', D],
    ['AGENCY_ADMIN', 'adminOther', D],
    ['AGENCY_ADMIN', 'owner', D],
    ['AGENCY_ADMIN', 'recruiter', D],
    ['AGENCY_USER', 'userOwn', D],
    ['AGENCY_USER', 'userOther', D],
    ['AGENCY_USER', 'recruiter', D],
    ['RECRUITER', 'userOwn', D],
    ['RECRUITER', 'recruiter', D],
  ] as [Role, keyof typeof invitees, boolean][])('%s inviting %s: %s', (role, invitee, expected) => {
    expect(allowed(canInvite(actors[role], invitees[invitee]))).toBe(expected);
  });

  test('an agency role without an agency is refused, even for an owner', () => {
    expect(canInvite(actors.OWNER, { role: 'AGENCY_USER', agencyId: null })).toEqual({
      allowed: false,
      denial: { key: 'deny.needAgency', reason: expect.stringContaining('need an agency') },
    });
  });

  test('an owner or recruiter with an agency is refused, even for an owner', () => {
    expect(allowed(canInvite(actors.OWNER, { role: 'RECRUITER', agencyId: OWN }))).toBe(false);
    expect(allowed(canInvite(actors.OWNER, { role: 'OWNER', agencyId: OWN }))).toBe(false);
  });
});

describe('canAdministerPlatform (agencies, campaigns, duplicate rules, audit log)', () => {
  test.each([
    ['OWNER', A],
    ['AGENCY_ADMIN', D],
    ['AGENCY_USER', D],
    ['RECRUITER', D],
  ] as const)('%s may administer the platform: %s', (role, expected) => {
    expect(allowed(canAdministerPlatform(actors[role]))).toBe(expected);
  });
});
