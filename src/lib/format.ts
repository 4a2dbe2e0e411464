/** Formatting shared by every page: one date format across the site. */

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2024-07-03` → `3 July 2024`. */
export function formatDate(date: Date): string {
  return DATE.format(date);
}

/** `2024-07-03` as written in `<time datetime>`. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
