// Words and times for the events pages. Times are typed in the event's own time zone (where the
// tables are); they are shown through lib/datetime.ts.
import type { AcceptMode, EventType, MeetingOutcome, MeetingStatus } from './events-types';

export const EVENT_TYPES: EventType[] = ['brokerage', 'workshop', 'webinar', 'hybrid'];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  brokerage: 'Brokerage event (1:1 meetings)',
  workshop: 'Workshop',
  webinar: 'Webinar',
  hybrid: 'Hybrid (on site and online)',
};
export const EVENT_STATUS_LABELS: Record<string, string> = { draft: 'Draft', published: 'Published', cancelled: 'Cancelled' };
export const ACCEPT_MODE_LABELS: Record<AcceptMode, string> = {
  'opt-in': 'The person asked accepts or declines',
  'auto-accept': 'Requests are accepted at once',
};
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  pending: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
};
export const OUTCOMES: MeetingOutcome[] = ['none', 'follow-up-planned', 'nda-signed', 'agreement-reached'];
export const OUTCOME_LABELS: Record<MeetingOutcome, string> = {
  none: 'No follow-up',
  'follow-up-planned': 'Follow-up planned',
  'nda-signed': 'NDA signed',
  'agreement-reached': 'Agreement reached',
};
export const SCHEDULE_STATUS_LABELS: Record<string, string> = {
  none: 'Not scheduled yet',
  running: 'The scheduler is running',
  draft: 'Draft schedule, not published',
  published: 'Published',
};

/** The zone's offset from UTC in minutes at the instant `utcMillis`. */
function offsetMinutes(utcMillis: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(utcMillis))
    .reduce<Record<string, number>>((acc, part) => (part.type === 'literal' ? acc : { ...acc, [part.type]: Number(part.value) }), {});
  const asUtc = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  return Math.round((asUtc - utcMillis) / 60_000);
}

/** A wall-clock date and time ("2026-03-03", "09:00") in `timeZone` as an ISO instant. */
export function zonedToIso(date: string, time: string, timeZone: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // Two passes settle the offset even on a daylight-saving change day.
  let utc = wall - offsetMinutes(wall, timeZone) * 60_000;
  utc = wall - offsetMinutes(utc, timeZone) * 60_000;
  return new Date(utc).toISOString();
}

/** An ISO instant as the wall-clock date ("2026-03-03") and time ("09:00") in `timeZone`. */
export function isoToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Lisbon', 'Europe/Tallinn', 'Europe/Vienna'];
}

/** "in 5 hours" / "in 2 days" for a request's expiry. */
export function timeLeft(iso: string, now = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  if (minutes <= 0) return 'now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (minutes < 90) return format.format(minutes, 'minute');
  if (minutes < 48 * 60) return format.format(Math.round(minutes / 60), 'hour');
  return format.format(Math.round(minutes / 1440), 'day');
}

/** A group key from its label: "Research centres" → "research-centres". */
export function groupKey(label: string): string {
  const slug = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : `g-${slug}`.slice(0, 40);
}

/** The scheduler's reasons for a meeting it could not place, in words. */
export const UNPLACED_REASON_LABELS: Record<string, string> = {
  'same-person': 'Both sides are the same person.',
  'no-common-slot': 'The two have no free slot in common.',
  'participant-cap': 'One of them already has the most meetings a session allows.',
  'participants-busy': 'Every shared free slot is taken by their other meetings.',
  'tables-full': 'Every table is taken in the slots both are free.',
};

export const UNPLACED_REASON_SHORT: Record<string, string> = {
  'same-person': 'Same person',
  'no-common-slot': 'No common free slot',
  'participant-cap': 'Session limit reached',
  'participants-busy': 'Busy in shared slots',
  'tables-full': 'Tables full',
};
