/**
 * Dates and numbers as people of a locale write them, through `Intl` (no data of our own). Dates
 * are shown in UTC: the server does not know the reader's zone, and a day must not move between
 * two people reading the same list.
 */

/** `29 nov 2026` (es), `29 de nov. de 2026` (pt-BR), `Nov 29, 2026` (en). */
export function formatDate(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(known(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A locale tag Intl does not know (a platform sent something odd): English rather than a throw. */
function known(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Date and time to the minute, with the zone named (`UTC`), for delivery logs and expiries. */
export function formatDateTime(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(known(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}

/** `1,234` (en), `1234`/`1.234` (es, pt-BR): grouping as the locale does it. */
export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(known(locale)).format(value);
}
