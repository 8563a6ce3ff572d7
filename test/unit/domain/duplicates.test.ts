import {
  agencyHolding,
  classifySubmission,
  DEFAULT_DUPLICATE_RULE,
  matchesRule,
  ownershipOf,
  ownershipSeenBy,
  windowStart,
  type DirectApplicant,
  type DuplicateRuleSpec,
  type ExistingCandidate,
  type HeldCandidate,
} from '../../../src/domain/duplicates';

const utc = (iso: string) => new Date(iso);

describe('ownershipOf: the agency holds the person for the window measured from its submission', () => {
  const held = (submittedAt: string, months = 6) => ownershipOf({ agencyId: 'a', submittedAt: utc(submittedAt) }, months);

  test('until the same instant six calendar months later', () => {
    expect(held('2026-11-24T13:14:15.678Z')).toEqual({ agencyId: 'a', until: utc('2027-05-24T13:14:15.678Z') });
  });

  test('a day the later month lacks is its last day', () => {
    expect(held('2026-08-31T10:00:00.000Z').until).toEqual(utc('2027-02-28T10:00:00.000Z'));
  });

  test('from the last day of a month, to the last day of the later month (the window clamps the same way)', () => {
    expect(held('2026-04-30T10:00:00.000Z').until).toEqual(utc('2026-10-31T10:00:00.000Z'));
    expect(held('2028-02-29T00:00:00.000Z').until).toEqual(utc('2028-08-31T00:00:00.000Z'));
  });

  test.each([
    '2026-01-15T10:00:00.000Z',
    '2026-08-31T10:00:00.000Z',
    '2026-04-30T10:00:00.000Z',
    '2027-12-31T23:59:59.999Z',
    '2028-02-29T00:00:00.000Z',
    '2027-02-28T12:00:00.000Z',
  ])('agrees with the window: on its last day %s is still matched, the day after it is not', (submittedAt) => {
    const { until } = held(submittedAt);
    expect(windowStart(until, 6).getTime()).toBeLessThanOrEqual(utc(submittedAt).getTime());
    const dayAfter = new Date(until.getTime() + 24 * 3_600_000);
    expect(windowStart(dayAfter, 6).getTime()).toBeGreaterThan(utc(submittedAt).getTime());
  });
});

describe('windowStart', () => {
  test('is the same instant the given number of calendar months earlier', () => {
    expect(windowStart(utc('2026-11-24T13:14:15.678Z'), 6)).toEqual(utc('2026-05-24T13:14:15.678Z'));
  });

  test('crosses the year boundary', () => {
    expect(windowStart(utc('2026-02-10T00:00:00.000Z'), 6)).toEqual(utc('2025-08-10T00:00:00.000Z'));
  });

  test('31 August minus 6 months clamps to the last day of February', () => {
    expect(windowStart(utc('2026-08-31T10:00:00.000Z'), 6)).toEqual(utc('2026-02-28T10:00:00.000Z'));
  });

  test('clamps to 29 February in a leap year', () => {
    expect(windowStart(utc('2028-08-31T10:00:00.000Z'), 6)).toEqual(utc('2028-02-29T10:00:00.000Z'));
  });

  test('31 December minus 1 month is 30 November', () => {
    expect(windowStart(utc('2026-12-31T23:59:59.999Z'), 1)).toEqual(utc('2026-11-30T23:59:59.999Z'));
  });

  test('31 March minus 1 month clamps to February across no year boundary', () => {
    expect(windowStart(utc('2027-03-31T00:00:00.000Z'), 1)).toEqual(utc('2027-02-28T00:00:00.000Z'));
  });

  test('a day that exists in the target month is kept', () => {
    expect(windowStart(utc('2026-07-30T08:00:00.000Z'), 1)).toEqual(utc('2026-06-30T08:00:00.000Z'));
  });

  test('works over several years', () => {
    expect(windowStart(utc('2026-05-15T00:00:00.000Z'), 60)).toEqual(utc('2021-05-15T00:00:00.000Z'));
  });

  test('0 months is now', () => {
    const now = utc('2026-05-15T12:00:00.000Z');
    expect(windowStart(now, 0)).toEqual(now);
  });
});

const KEY = { phone: '+639171234567', email: 'jane@example.com' };
const NOW = utc('2026-11-24T12:00:00.000Z');
let seq = 0;
function existing(over: Partial<ExistingCandidate> = {}): ExistingCandidate {
  seq += 1;
  return {
    id: `c${seq}`,
    agencyId: 'agency-b',
    phone: '+10000000000',
    email: `other${seq}@example.com`,
    submittedAt: utc('2026-10-01T00:00:00.000Z'),
    ...over,
  };
}
const rule = (over: Partial<DuplicateRuleSpec> = {}): DuplicateRuleSpec => ({ ...DEFAULT_DUPLICATE_RULE, ...over });
const classify = (candidates: ExistingCandidate[], r = rule(), agencyId = 'agency-a') =>
  classifySubmission({ rule: r, agencyId, key: KEY, now: NOW, candidates });

describe('matchesRule', () => {
  const phoneOnly = existing({ phone: KEY.phone });
  const emailOnly = existing({ email: KEY.email });
  const both = existing({ phone: KEY.phone, email: KEY.email });
  const neither = existing();

  test.each([
    ['PHONE', phoneOnly, true],
    ['PHONE', emailOnly, false],
    ['PHONE', both, true],
    ['PHONE', neither, false],
    ['EMAIL', phoneOnly, false],
    ['EMAIL', emailOnly, true],
    ['EMAIL', both, true],
    ['EMAIL', neither, false],
    ['EITHER', phoneOnly, true],
    ['EITHER', emailOnly, true],
    ['EITHER', both, true],
    ['EITHER', neither, false],
  ] as const)('matchOn %s with %o matches: %s', (matchOn, c, expected) => {
    expect(matchesRule(rule({ matchOn }), KEY, c)).toBe(expected);
  });
});

describe('classifySubmission', () => {
  test('the default rule is 6 months, either key, flag both ways', () => {
    expect(DEFAULT_DUPLICATE_RULE).toEqual({
      windowMonths: 6,
      matchOn: 'EITHER',
      crossAgency: 'FLAG',
      sameAgency: 'FLAG',
      showOwnershipEnd: true,
      directApplicant: 'FLAG',
    });
  });

  test('no candidates gives ADDED', () => {
    expect(classify([])).toEqual({ outcome: 'ADDED' });
  });

  test('candidates that match neither key give ADDED', () => {
    expect(classify([existing(), existing({ agencyId: 'agency-a' })])).toEqual({ outcome: 'ADDED' });
  });

  test('a phone match from another agency is a DUPLICATE of that candidate', () => {
    const c = existing({ phone: KEY.phone });
    expect(classify([c])).toEqual({ outcome: 'DUPLICATE', match: c });
  });

  test('an email match from the same agency is PREVIOUSLY_SUBMITTED', () => {
    const c = existing({ email: KEY.email, agencyId: 'agency-a' });
    expect(classify([c])).toEqual({ outcome: 'PREVIOUSLY_SUBMITTED', match: c });
  });

  test('matchOn PHONE ignores an email match', () => {
    expect(classify([existing({ email: KEY.email })], rule({ matchOn: 'PHONE' }))).toEqual({ outcome: 'ADDED' });
  });

  test('matchOn EMAIL ignores a phone match', () => {
    expect(classify([existing({ phone: KEY.phone })], rule({ matchOn: 'EMAIL' }))).toEqual({ outcome: 'ADDED' });
  });

  test('matchOn EMAIL counts an email match', () => {
    const c = existing({ email: KEY.email });
    expect(classify([c], rule({ matchOn: 'EMAIL' }))).toEqual({ outcome: 'DUPLICATE', match: c });
  });

  test('matchOn PHONE counts a phone match', () => {
    const c = existing({ phone: KEY.phone, agencyId: 'agency-a' });
    expect(classify([c], rule({ matchOn: 'PHONE' }))).toEqual({ outcome: 'PREVIOUSLY_SUBMITTED', match: c });
  });

  test('a same-agency match is preferred over an earlier match of another agency', () => {
    const other = existing({ phone: KEY.phone, submittedAt: utc('2026-07-01T00:00:00.000Z') });
    const own = existing({ email: KEY.email, agencyId: 'agency-a', submittedAt: utc('2026-11-01T00:00:00.000Z') });
    expect(classify([other, own])).toEqual({ outcome: 'PREVIOUSLY_SUBMITTED', match: own });
  });

  test('among several own matches the earliest is reported', () => {
    const late = existing({ phone: KEY.phone, agencyId: 'agency-a', submittedAt: utc('2026-11-01T00:00:00.000Z') });
    const early = existing({ phone: KEY.phone, agencyId: 'agency-a', submittedAt: utc('2026-07-01T00:00:00.000Z') });
    expect(classify([late, early])).toEqual({ outcome: 'PREVIOUSLY_SUBMITTED', match: early });
  });

  test('among several other agencies the earliest match is reported', () => {
    const late = existing({ phone: KEY.phone, agencyId: 'agency-c', submittedAt: utc('2026-11-01T00:00:00.000Z') });
    const early = existing({ email: KEY.email, agencyId: 'agency-b', submittedAt: utc('2026-07-01T00:00:00.000Z') });
    expect(classify([late, early])).toEqual({ outcome: 'DUPLICATE', match: early });
  });

  test('a match submitted exactly at the window start counts', () => {
    const c = existing({ phone: KEY.phone, submittedAt: windowStart(NOW, 6) });
    expect(classify([c]).outcome).toBe('DUPLICATE');
  });

  test('a match one millisecond before the window start does not count', () => {
    const c = existing({ phone: KEY.phone, submittedAt: new Date(windowStart(NOW, 6).getTime() - 1) });
    expect(classify([c])).toEqual({ outcome: 'ADDED' });
  });

  test('a match 6 months and 1 day old does not count', () => {
    const c = existing({ phone: KEY.phone, submittedAt: utc('2026-05-23T12:00:00.000Z') });
    expect(classify([c])).toEqual({ outcome: 'ADDED' });
  });

  test('a match 5 months and 30 days old counts', () => {
    const c = existing({ phone: KEY.phone, submittedAt: utc('2026-05-25T12:00:00.000Z') });
    expect(classify([c]).outcome).toBe('DUPLICATE');
  });

  test('a shorter window from the rule excludes older matches', () => {
    const c = existing({ phone: KEY.phone, submittedAt: utc('2026-09-01T00:00:00.000Z') });
    expect(classify([c], rule({ windowMonths: 2 }))).toEqual({ outcome: 'ADDED' });
  });

  test('an old own match outside the window does not hide a recent cross-agency match', () => {
    const oldOwn = existing({ phone: KEY.phone, agencyId: 'agency-a', submittedAt: utc('2025-01-01T00:00:00.000Z') });
    const recentOther = existing({ phone: KEY.phone });
    expect(classify([oldOwn, recentOther])).toEqual({ outcome: 'DUPLICATE', match: recentOther });
  });

  test('crossAgency BLOCK blocks a match from another agency', () => {
    const other = existing({ phone: KEY.phone });
    expect(classify([other], rule({ crossAgency: 'BLOCK' }))).toEqual({
      outcome: 'BLOCKED',
      reason: 'cross_agency',
      match: other,
    });
  });

  test('sameAgency BLOCK blocks a match from the same agency', () => {
    const own = existing({ phone: KEY.phone, agencyId: 'agency-a' });
    expect(classify([own], rule({ sameAgency: 'BLOCK' }))).toEqual({ outcome: 'BLOCKED', reason: 'same_agency', match: own });
  });

  test('crossAgency BLOCK leaves a same-agency match as PREVIOUSLY_SUBMITTED', () => {
    const own = existing({ phone: KEY.phone, agencyId: 'agency-a' });
    expect(classify([existing({ phone: KEY.phone }), own], rule({ crossAgency: 'BLOCK' }))).toEqual({
      outcome: 'PREVIOUSLY_SUBMITTED',
      match: own,
    });
  });

  test('sameAgency BLOCK leaves a cross-agency-only match as DUPLICATE', () => {
    const other = existing({ phone: KEY.phone });
    expect(classify([other], rule({ sameAgency: 'BLOCK' }))).toEqual({ outcome: 'DUPLICATE', match: other });
  });

  test('sameAgency BLOCK wins when both agencies matched', () => {
    const r = rule({ sameAgency: 'BLOCK', crossAgency: 'FLAG' });
    const own = existing({ email: KEY.email, agencyId: 'agency-a' });
    expect(classify([existing({ phone: KEY.phone }), own], r)).toEqual({ outcome: 'BLOCKED', reason: 'same_agency', match: own });
  });

  test('BLOCK rules do not block a submission without a match', () => {
    expect(classify([], rule({ sameAgency: 'BLOCK', crossAgency: 'BLOCK' }))).toEqual({ outcome: 'ADDED' });
  });

  test('BLOCK does not apply to a match outside the window', () => {
    const old = existing({ phone: KEY.phone, submittedAt: utc('2020-01-01T00:00:00.000Z') });
    expect(classify([old], rule({ crossAgency: 'BLOCK' }))).toEqual({ outcome: 'ADDED' });
  });

  test('BLOCK does not apply to a key the rule ignores', () => {
    expect(classify([existing({ email: KEY.email })], rule({ matchOn: 'PHONE', crossAgency: 'BLOCK' }))).toEqual({
      outcome: 'ADDED',
    });
  });

  test('the input list is not reordered', () => {
    const list = [existing({ phone: KEY.phone, submittedAt: utc('2026-11-01T00:00:00.000Z') }), existing({ phone: KEY.phone })];
    const ids = list.map((c) => c.id);
    classify(list);
    expect(list.map((c) => c.id)).toEqual(ids);
  });
});

describe('ownershipSeenBy: what an agency is told of a hold', () => {
  const hold = { agencyId: 'a', until: utc('2027-05-24T09:30:00.000Z') };

  test('the owning agency gets its end date, shown or hidden', () => {
    expect(ownershipSeenBy('a', hold, true)).toEqual({ yours: true, until: hold.until });
    expect(ownershipSeenBy('a', hold, false)).toEqual({ yours: true, until: hold.until });
  });

  test('another agency gets the end date only where the rule shows it', () => {
    expect(ownershipSeenBy('b', hold, true)).toEqual({ yours: false, until: hold.until });
    expect(ownershipSeenBy('b', hold, false)).toEqual({ yours: false, until: null });
  });
});

describe('classifySubmission with direct applicants (whichever came first)', () => {
  function applicant(over: Partial<DirectApplicant> = {}): DirectApplicant {
    seq += 1;
    return { id: `e${seq}`, phone: KEY.phone, email: null, registeredAt: utc('2026-09-01T00:00:00.000Z'), ...over };
  }
  const withApplicants = (applicants: DirectApplicant[], candidates: ExistingCandidate[] = [], r = rule()) =>
    classifySubmission({ rule: r, agencyId: 'agency-a', key: KEY, now: NOW, candidates, applicants });

  test('a direct applicant alone gives ALREADY_IN_SYSTEM under FLAG (the default)', () => {
    const a = applicant();
    expect(withApplicants([a])).toEqual({ outcome: 'ALREADY_IN_SYSTEM', applicant: a });
  });

  test('under BLOCK it is BLOCKED for already_in_system', () => {
    const a = applicant();
    expect(withApplicants([a], [], rule({ directApplicant: 'BLOCK' }))).toEqual({
      outcome: 'BLOCKED',
      reason: 'already_in_system',
      applicant: a,
    });
  });

  test('no applicants given is the same as none', () => {
    expect(classifySubmission({ rule: rule(), agencyId: 'agency-a', key: KEY, now: NOW, candidates: [] })).toEqual({
      outcome: 'ADDED',
    });
  });

  test('an applicant registered before the window does not count', () => {
    const old = applicant({ registeredAt: new Date(windowStart(NOW, 6).getTime() - 1) });
    expect(withApplicants([old], [], rule({ directApplicant: 'BLOCK' }))).toEqual({ outcome: 'ADDED' });
  });

  test('an applicant registered exactly at the window start counts', () => {
    expect(withApplicants([applicant({ registeredAt: windowStart(NOW, 6) })]).outcome).toBe('ALREADY_IN_SYSTEM');
  });

  test.each([
    ['PHONE', { phone: KEY.phone, email: null }, 'ALREADY_IN_SYSTEM'],
    ['PHONE', { phone: null, email: KEY.email }, 'ADDED'],
    ['EMAIL', { phone: KEY.phone, email: null }, 'ADDED'],
    ['EMAIL', { phone: null, email: KEY.email }, 'ALREADY_IN_SYSTEM'],
    ['EITHER', { phone: null, email: KEY.email }, 'ALREADY_IN_SYSTEM'],
    ['EITHER', { phone: '+10000000000', email: null }, 'ADDED'],
  ] as const)('matchOn %s with an applicant of %o gives %s', (matchOn, keys, outcome) => {
    expect(withApplicants([applicant(keys)], [], rule({ matchOn })).outcome).toBe(outcome);
  });

  test('a missing key of the applicant never matches (null is not equal to null)', () => {
    const nulls = applicant({ phone: null, email: null });
    expect(matchesRule(rule(), { phone: null, email: null }, nulls)).toBe(false);
  });

  test('an applicant registered before another agency’s candidate wins: ALREADY_IN_SYSTEM', () => {
    const a = applicant({ registeredAt: utc('2026-08-01T00:00:00.000Z') });
    const other = existing({ phone: KEY.phone, submittedAt: utc('2026-10-01T00:00:00.000Z') });
    expect(withApplicants([a], [other])).toEqual({ outcome: 'ALREADY_IN_SYSTEM', applicant: a });
  });

  test('an applicant registered before the agency’s own candidate wins too', () => {
    const a = applicant({ registeredAt: utc('2026-08-01T00:00:00.000Z') });
    const own = existing({ phone: KEY.phone, agencyId: 'agency-a', submittedAt: utc('2026-10-01T00:00:00.000Z') });
    expect(withApplicants([a], [own])).toEqual({ outcome: 'ALREADY_IN_SYSTEM', applicant: a });
  });

  test('another agency’s candidate before the applicant: DUPLICATE (the agency came first)', () => {
    const other = existing({ phone: KEY.phone, submittedAt: utc('2026-08-01T00:00:00.000Z') });
    expect(withApplicants([applicant()], [other])).toEqual({ outcome: 'DUPLICATE', match: other });
  });

  test('the agency’s own candidate before the applicant: PREVIOUSLY_SUBMITTED', () => {
    const own = existing({ email: KEY.email, agencyId: 'agency-a', submittedAt: utc('2026-08-01T00:00:00.000Z') });
    expect(withApplicants([applicant()], [own])).toEqual({ outcome: 'PREVIOUSLY_SUBMITTED', match: own });
  });

  test('an agency candidate before the applicant is decided by the agency rules, not directApplicant', () => {
    const other = existing({ phone: KEY.phone, submittedAt: utc('2026-08-01T00:00:00.000Z') });
    const r = rule({ directApplicant: 'BLOCK', crossAgency: 'FLAG' });
    expect(withApplicants([applicant()], [other], r)).toEqual({ outcome: 'DUPLICATE', match: other });
  });

  test('an applicant before an agency candidate is decided by directApplicant, not the agency rules', () => {
    const a = applicant({ registeredAt: utc('2026-08-01T00:00:00.000Z') });
    const other = existing({ phone: KEY.phone, submittedAt: utc('2026-10-01T00:00:00.000Z') });
    const r = rule({ directApplicant: 'FLAG', crossAgency: 'BLOCK', sameAgency: 'BLOCK' });
    expect(withApplicants([a], [other], r)).toEqual({ outcome: 'ALREADY_IN_SYSTEM', applicant: a });
  });

  test('at the same instant the agency’s candidate comes first', () => {
    const at = utc('2026-08-01T00:00:00.000Z');
    const other = existing({ phone: KEY.phone, submittedAt: at });
    expect(withApplicants([applicant({ registeredAt: at })], [other]).outcome).toBe('DUPLICATE');
  });

  test('an agency candidate outside the window does not hide an applicant inside it', () => {
    const old = existing({ phone: KEY.phone, submittedAt: utc('2025-01-01T00:00:00.000Z') });
    expect(withApplicants([applicant()], [old]).outcome).toBe('ALREADY_IN_SYSTEM');
  });

  test('among several applicants the earliest in the window is reported', () => {
    const late = applicant({ registeredAt: utc('2026-11-01T00:00:00.000Z') });
    const early = applicant({ email: KEY.email, phone: null, registeredAt: utc('2026-07-01T00:00:00.000Z') });
    expect(withApplicants([late, early])).toEqual({ outcome: 'ALREADY_IN_SYSTEM', applicant: early });
  });
});

describe('agencyHolding: which agency holds a person the ATS registers now', () => {
  const held = (over: Partial<HeldCandidate> = {}): HeldCandidate => ({
    agencyId: 'agency-b',
    phone: KEY.phone,
    email: 'other@example.com',
    submittedAt: utc('2026-10-01T00:00:00.000Z'),
    rule: { windowMonths: 6, matchOn: 'EITHER' },
    ...over,
  });
  const holding = (candidates: HeldCandidate[], key: { phone: string | null; email: string | null } = KEY) =>
    agencyHolding({ key, now: NOW, candidates });

  test('no candidates: no agency holds the person', () => {
    expect(holding([])).toBeNull();
  });

  test('a matching candidate in its window: that agency, until its submission plus the window', () => {
    expect(holding([held()])).toEqual({ agencyId: 'agency-b', until: utc('2027-04-01T00:00:00.000Z') });
  });

  test('a candidate whose window has ended holds nothing', () => {
    expect(holding([held({ submittedAt: utc('2026-05-01T00:00:00.000Z') })])).toBeNull();
  });

  test('each candidate’s own campaign window decides: 12 months still holds an 8-month-old candidate', () => {
    const c = held({ submittedAt: utc('2026-03-01T00:00:00.000Z'), rule: { windowMonths: 12, matchOn: 'EITHER' } });
    expect(holding([c])).toEqual({ agencyId: 'agency-b', until: utc('2027-03-01T00:00:00.000Z') });
  });

  test('the campaign rule’s matchOn decides: an email-only rule ignores a phone match', () => {
    expect(holding([held({ rule: { windowMonths: 6, matchOn: 'EMAIL' } })])).toBeNull();
  });

  test('a key the ATS did not give matches nothing', () => {
    expect(holding([held()], { phone: null, email: 'x@example.com' })).toBeNull();
    expect(holding([held({ email: KEY.email })], { phone: null, email: KEY.email })).toEqual({
      agencyId: 'agency-b',
      until: utc('2027-04-01T00:00:00.000Z'),
    });
  });

  test('of several holders the earliest submission holds the person', () => {
    const early = held({ agencyId: 'agency-c', submittedAt: utc('2026-08-15T00:00:00.000Z') });
    expect(holding([held(), early])?.agencyId).toBe('agency-c');
  });
});
