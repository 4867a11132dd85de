// Every date and time the app shows goes through here, so they share one format: the user's
// locale (24-hour where the locale uses it, "02:55 PM" where it does not). Event times are shown
// in the event's own zone (where the tables are) with the zone named; `viewerTimeIfDifferent`
// gives the viewer's own clock beside it when that reads differently.

/** The locale dates and times are written in: the browser's language preference. */
export function userLocale(): string {
  return navigator.languages?.[0] ?? navigator.language ?? 'en-GB';
}

/** The viewer's own time zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...TIME };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };

/** `iso` with `options` in `timeZone` (the viewer's when not given). */
export function formatInZone(iso: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions = DATE_TIME): string {
  return new Intl.DateTimeFormat(userLocale(), { ...options, timeZone: timeZone ?? viewerTimeZone() }).format(new Date(iso));
}

/** "Tue, 3 Mar 2026, 09:00" (or the locale's way of writing it). */
export const formatDateTime = (iso: string, timeZone?: string) => formatInZone(iso, timeZone, DATE_TIME);
/** "09:00" / "09:00 AM". */
export const formatTime = (iso: string, timeZone?: string) => formatInZone(iso, timeZone, TIME);
/** "Tuesday 3 March 2026". */
export const formatDay = (iso: string, timeZone?: string) => formatInZone(iso, timeZone, DAY);
/** "09:00–09:20". */
export const formatRange = (startsAt: string, endsAt: string, timeZone?: string) => `${formatTime(startsAt, timeZone)}–${formatTime(endsAt, timeZone)}`;

/**
 * The viewer's own reading of an event time given in `eventZone`, or null when it reads the same
 * (same clock at that instant, whatever the zones are called). `format` says which parts to show.
 */
export function viewerTimeIfDifferent(iso: string, eventZone: string, format: (iso: string, zone: string) => string = formatDateTime): string | null {
  const mine = format(iso, viewerTimeZone());
  return mine === format(iso, eventZone) ? null : mine;
}
