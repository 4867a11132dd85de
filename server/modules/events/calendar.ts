import { createHmac, timingSafeEqual } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

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

/** An RFC 5545 calendar (times in UTC) with one VEVENT per meeting. */
export function buildCalendar(name: string, host: string, entries: CalendarEntry[]): string {
  const calendar = ical({ name, prodId: { company: 'Matchbridge', product: 'brokerage-agenda', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  for (const entry of entries) {
    calendar.createEvent({
      id: meetingUid(entry.meetingId, host),
      sequence: entry.sequence,
      start: entry.startsAt,
      end: entry.endsAt,
      stamp: entry.updatedAt,
      summary: entry.summary,
      location: entry.location,
      description: entry.description,
      url: entry.url,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
