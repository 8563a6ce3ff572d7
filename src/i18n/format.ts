/**
 * Dates and numbers as people of a locale write them, through `Intl` (no data of our own). Dates
 * are shown in UTC: the server does not know the reader's zone, and a day must not move between
 * two people reading the same list.
 */

/**
 * One formatter per locale and style, made once: building an Intl formatter costs tens of
 * microseconds (locale negotiation, pattern data), and a dashboard page formats a date per row.
 * The locales are the few the catalogues have plus what platforms send, so the caches stay small.
 */
function memoize<F>(make: (locale: string) => F): (locale: string) => F {
  const made = new Map<string, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(known(locale));
      // A platform could send many odd tags; past a few dozen, stop remembering new ones.
      if (made.size < 64) made.set(locale, formatter);
    }
    return formatter;
  };
}

/** A locale tag Intl does not know (a platform sent something odd): English rather than a throw. */
function known(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const dateFormat = memoize((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));

const dateTimeFormat = memoize(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
);

const numberFormat = memoize((locale) => new Intl.NumberFormat(locale));

/** `29 nov 2026` (es), `29 de nov. de 2026` (pt-BR), `Nov 29, 2026` (en). */
export function formatDate(locale: string, date: Date): string {
  return dateFormat(locale).format(date);
}

/** Date and time to the minute, with the zone named (`UTC`), for delivery logs and expiries. */
export function formatDateTime(locale: string, date: Date): string {
  return dateTimeFormat(locale).format(date);
}

/** `1,234` (en), `1234`/`1.234` (es, pt-BR): grouping as the locale does it. */
export function formatNumber(locale: string, value: number): string {
  return numberFormat(locale).format(value);
}
