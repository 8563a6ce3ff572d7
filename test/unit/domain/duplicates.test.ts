import {
  classifySubmission,
  DEFAULT_DUPLICATE_RULE,
  matchesRule,
  ownershipOf,
  ownershipSeenBy,
  windowStart,
  type DuplicateRuleSpec,
  type ExistingCandidate,
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
