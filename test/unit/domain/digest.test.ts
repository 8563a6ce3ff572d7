import {
  digestSince,
  digestTimeZone,
  dueDigestDay,
  isTimeZone,
  localTime,
  ownershipEndsSoon,
  timeZoneOfCountry,
} from '../../../src/domain/digest';

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);

describe('the digest’s time zone', () => {
  test.each([
    ['PH', 'Asia/Manila'],
    ['co', 'America/Bogota'],
    ['US', 'America/New_York'],
    ['BR', 'America/Sao_Paulo'],
    ['ES', 'Europe/Madrid'],
  ])('%s → %s', (country, zone) => {
    expect(timeZoneOfCountry(country)).toBe(zone);
  });

  test('a country with several zones and no main one listed, or no country: no answer', () => {
    expect(timeZoneOfCountry('AQ')).toBeNull();
    expect(timeZoneOfCountry('XX')).toBeNull();
    expect(timeZoneOfCountry('Philippines')).toBeNull();
    expect(timeZoneOfCountry(null)).toBeNull();
  });

  test('the user’s country first, then the agency’s, then the configured default', () => {
    expect(digestTimeZone({ userCountry: 'BR', agencyCountry: 'PH' }, 'UTC')).toBe('America/Sao_Paulo');
    expect(digestTimeZone({ userCountry: null, agencyCountry: 'PH' }, 'UTC')).toBe('Asia/Manila');
    expect(digestTimeZone({}, 'Europe/Lisbon')).toBe('Europe/Lisbon');
  });

  test('isTimeZone knows IANA names only', () => {
    expect(isTimeZone('Asia/Manila')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('when a digest is due', () => {
  test('the local day and hour, across the date line', () => {
    expect(localTime(at('2026-11-30T16:30:00Z'), 'Asia/Manila')).toEqual({ date: '2026-12-01', hour: 0 });
    expect(localTime(at('2026-12-01T02:00:00Z'), 'America/Sao_Paulo')).toEqual({ date: '2026-11-30', hour: 23 });
  });

  test('from the digest hour to the end of the local day', () => {
    expect(dueDigestDay(at('2026-11-30T23:59:00Z'), 'Asia/Manila', 8)).toBeNull(); // 07:59 in Manila
    expect(dueDigestDay(at('2026-12-01T00:00:00Z'), 'Asia/Manila', 8)).toBe('2026-12-01');
    expect(dueDigestDay(at('2026-12-01T15:59:00Z'), 'Asia/Manila', 8)).toBe('2026-12-01'); // 23:59
    expect(dueDigestDay(at('2026-12-01T16:00:00Z'), 'Asia/Manila', 8)).toBeNull(); // 00:00 the next day
  });

  test('a digest covers the time since the previous one, a day for the first, never more than a week', () => {
    const now = at('2026-12-10T00:00:00Z');
    expect(digestSince(now, null)).toEqual(new Date(now.getTime() - DAY_MS));
    expect(digestSince(now, at('2026-12-09T00:05:00Z'))).toEqual(at('2026-12-09T00:05:00Z'));
    expect(digestSince(now, at('2026-10-01T00:00:00Z'))).toEqual(new Date(now.getTime() - 7 * DAY_MS));
  });
});

test('an ownership ends soon when it ends after now and within 14 days', () => {
  const now = at('2026-12-01T00:00:00Z');
  expect(ownershipEndsSoon(new Date(now.getTime() + 14 * DAY_MS), now)).toBe(true);
  expect(ownershipEndsSoon(new Date(now.getTime() + 14 * DAY_MS + 1), now)).toBe(false);
  expect(ownershipEndsSoon(new Date(now.getTime() + 1), now)).toBe(true);
  expect(ownershipEndsSoon(now, now)).toBe(false);
});
