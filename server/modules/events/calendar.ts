import { createHmac, timingSafeEqual } from 'node:crypto';
import { rawLine, textLine, utcDateTime } from './ics';

/**
 * Calendar apps subscribe to a URL and send no cookies, so the feed URL carries a per-user,
 * per-event token: an HMAC of both ids under the session secret. Nothing is stored, the URL is
 * stable (re-opening the agenda never breaks a subscription), and no token opens another
 * user's or another event's feed. Rotating SESSION_SECRET revokes every feed at once.
 */
export function feedToken(secret: string, eventId: string, userId: string): string {
  return createHmac('sha256', secret).update(`calendar-feed:${eventId}:${userId}`).digest('base64url');
}

export function feedTokenValid(secret: string, eventId: string, userId: string, token: string): boolean {
  const expected = Buffer.from(feedToken(secret, eventId, userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface CalendarEntry {
  meetingId: string;
  /** Grows with every change, so calendar apps replace their copy (RFC 5545 SEQUENCE). */
  sequence: number;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  summary: string;
  location: string;
  description: string;
  url: string;
}

/** The UID stays the meeting's for its whole life: a moved meeting updates, never duplicates. */
export function meetingUid(meetingId: string, host: string): string {
  return `meeting-${meetingId}@${host}`;
}

/**
 * An RFC 5545 calendar (times in UTC) with one VEVENT per meeting. Every text that people typed
 * (the event's title, names, the reason for a meeting) goes through textLine: escaped and folded.
 */
export function buildCalendar(name: string, host: string, entries: CalendarEntry[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Matchbridge//brokerage-agenda//EN',
    'METHOD:PUBLISH',
    textLine('NAME', name),
    textLine('X-WR-CALNAME', name),
  ];
  for (const entry of entries) {
    lines.push(
      'BEGIN:VEVENT',
      textLine('UID', meetingUid(entry.meetingId, host)),
      rawLine('SEQUENCE', String(entry.sequence)),
      rawLine('DTSTAMP', utcDateTime(entry.updatedAt)),
      rawLine('DTSTART', utcDateTime(entry.startsAt)),
      rawLine('DTEND', utcDateTime(entry.endsAt)),
      textLine('SUMMARY', entry.summary),
      textLine('LOCATION', entry.location),
      textLine('DESCRIPTION', entry.description),
      // new URL() percent-encodes anything a URI may not hold.
      rawLine('URL', new URL(entry.url).href),
      rawLine('STATUS', entry.cancelled ? 'CANCELLED' : 'CONFIRMED'),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
