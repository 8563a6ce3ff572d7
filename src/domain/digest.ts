/**
 * The daily digest's rules (issue 19), pure: when a user's digest is due, in which time zone, and
 * which owned candidates it reminds of.
 */

/**
 * The digest is on unless the user turns it off (opt-out). Why: its point is the reminder that an
 * agency's ownership of a candidate is about to end with nothing happening, which an agency that
 * never heard of the digest needs most; and it costs little attention, since a day with nothing
 * to tell sends nothing. `digest off` stops it for good; the help line says so.
 */
export const DIGEST_ON_BY_DEFAULT = true;

/** Owned candidates are reminded of when their ownership ends within this many days. */
export const OWNERSHIP_REMINDER_DAYS = 14;

/** A digest looks back at most this far, however long ago the previous one was (off, then on again). */
export const DIGEST_MAX_LOOKBACK_DAYS = 7;

const DAY_MS = 86_400_000;

/** Where a user's day is: their own country, else their agency's, else the configured default. */
export interface ZoneSources {
  userCountry?: string | null;
  agencyCountry?: string | null;
}

/**
 * Countries spanning several zones: the zone where most of their people (and offices) are. A
 * country with one zone needs no entry (Intl knows it); one with several and no entry here falls
 * to the configured default rather than to a guess.
 */
const MAIN_ZONE: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  AU: 'Australia/Sydney',
  NZ: 'Pacific/Auckland',
  ID: 'Asia/Jakarta',
  MY: 'Asia/Kuala_Lumpur',
  RU: 'Europe/Moscow',
  CN: 'Asia/Shanghai',
  DE: 'Europe/Berlin',
  GB: 'Europe/London',
  FR: 'Europe/Paris',
  KZ: 'Asia/Almaty',
  UA: 'Europe/Kyiv',
};

/** True when `Intl` knows the IANA zone name (`Asia/Manila`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone of an ISO 3166 two-letter country, or null when it has several and none is listed. */
export function timeZoneOfCountry(country: string | null | undefined): string | null {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return null;
  const code = country.toUpperCase();
  const main = MAIN_ZONE[code];
  if (main) return main;
  try {
    // Node 20's Intl has the getter (`getTimeZones()` in newer engines); anything else: no answer.
    const locale = new Intl.Locale(`und-${code}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
    return zones.length === 1 && zones[0] && isTimeZone(zones[0]) ? zones[0] : null;
  } catch {
    return null;
  }
}

/** The user's country's zone, else their agency's country's, else `fallback` (DEFAULT_TIME_ZONE). */
export function digestTimeZone(sources: ZoneSources, fallback: string): string {
  return timeZoneOfCountry(sources.userCountry) ?? timeZoneOfCountry(sources.agencyCountry) ?? fallback;
}

/** The calendar day (`2026-11-30`) and hour (0–23) at `now` in `timeZone`. */
export function localTime(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/**
 * The local day whose digest is due at `now`, or null: due from `hour`:00 local time to the end of
 * that day (an instance down at 08:00 still sends at 09:00; a day missed entirely is not caught up).
 */
export function dueDigestDay(now: Date, timeZone: string, hour: number): string | null {
  const local = localTime(now, timeZone);
  return local.hour >= hour ? local.date : null;
}

/** Where the digest's period starts: the previous digest's end, at most a week back; a day back for the first. */
export function digestSince(now: Date, previousAt: Date | null): Date {
  const floor = now.getTime() - DIGEST_MAX_LOOKBACK_DAYS * DAY_MS;
  const since = previousAt ? previousAt.getTime() : now.getTime() - DAY_MS;
  return new Date(Math.max(since, floor));
}

/** True when an ownership ending at `until` ends after `now` and within the reminder's days. */
export function ownershipEndsSoon(until: Date, now: Date, days = OWNERSHIP_REMINDER_DAYS): boolean {
  return until.getTime() > now.getTime() && until.getTime() <= now.getTime() + days * DAY_MS;
}
