import {
  canDecideDispute,
  canListDisputes,
  canOpenDispute,
  DISPUTABLE_OUTCOMES,
  formatDisputeRef,
  formatSubmissionRef,
  isDisputable,
  parseDisputeRef,
  parseSubmissionRef,
  statusOfDecision,
} from '../../../src/domain/disputes';
import { ROLES, type Actor, type Role } from '../../../src/domain/permissions';

/** Issue 19: who may open, decide and list disputes, and what can be disputed. */
const actor = (role: Role, agencyId: string | null = null, active = true): Actor => ({
  userId: `u-${role}`,
  role,
  agencyId,
  active,
});

test('only outcomes that keep the person from the agency are disputable, listed as data', () => {
  expect(DISPUTABLE_OUTCOMES).toEqual(['DUPLICATE', 'BLOCKED', 'ALREADY_IN_SYSTEM']);
  expect(['ADDED', 'PREVIOUSLY_SUBMITTED', 'DUPLICATE', 'BLOCKED', 'ALREADY_IN_SYSTEM'].filter(isDisputable)).toEqual([
    'DUPLICATE',
    'BLOCKED',
    'ALREADY_IN_SYSTEM',
  ]);
});

test('a submission is disputed by a user or admin of the agency that made it, and by no one else', () => {
  const submission = { agencyId: 'agency-b' };
  expect(canOpenDispute(actor('AGENCY_USER', 'agency-b'), submission).allowed).toBe(true);
  expect(canOpenDispute(actor('AGENCY_ADMIN', 'agency-b'), submission).allowed).toBe(true);
  expect(canOpenDispute(actor('AGENCY_USER', 'agency-a'), submission)).toEqual({
    allowed: false,
    denial: {
      key: 'deny.disputeOtherAgency',
      reason: 'That is not a submission of your agency: only the agency that made it can dispute it.',
    },
  });
  for (const role of ['OWNER', 'RECRUITER'] as const) expect(canOpenDispute(actor(role), submission).allowed).toBe(false);
  expect(canOpenDispute(actor('AGENCY_USER', 'agency-b', false), submission).allowed).toBe(false);
});

test('owners decide any dispute; recruiters those of their campaigns; agencies none', () => {
  expect(canDecideDispute(actor('OWNER'), { recruitsFor: false }).allowed).toBe(true);
  expect(canDecideDispute(actor('RECRUITER'), { recruitsFor: true }).allowed).toBe(true);
  expect(canDecideDispute(actor('RECRUITER'), { recruitsFor: false }).allowed).toBe(false);
  expect(canDecideDispute(actor('AGENCY_ADMIN', 'agency-a'), { recruitsFor: true }).allowed).toBe(false);
  expect(canDecideDispute(actor('OWNER', null, false), { recruitsFor: true }).allowed).toBe(false);
  expect(ROLES.filter((role) => canListDisputes(actor(role, 'agency-a')).allowed)).toEqual(['OWNER', 'RECRUITER']);
});

test('references read and print the way lists show them', () => {
  expect(formatDisputeRef(12)).toBe('D-12');
  expect(['D-12', 'd12', '12', ' D-12 '].map(parseDisputeRef)).toEqual([12, 12, 12, 12]);
  expect(['C-12', 'D-', 'twelve'].map(parseDisputeRef)).toEqual([null, null, null]);
  expect(formatSubmissionRef('1a2b3c4d-0000-4000-8000-000000000000')).toBe('S-1a2b3c4d');
  expect(['S-1A2B3C4D', 's-1a2b3c4d'].map(parseSubmissionRef)).toEqual(['1a2b3c4d', '1a2b3c4d']);
  expect(['S-1a2b3c4', 'S-1a2b3c4g', '1a2b3c4d'].map(parseSubmissionRef)).toEqual([null, null, null]);
  expect([statusOfDecision('uphold'), statusOfDecision('transfer')]).toEqual(['UPHELD', 'TRANSFERRED']);
});
