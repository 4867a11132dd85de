import { describe, expect, it } from 'vitest';
import { eventLinksFrom, upcomingOf } from '../../../server/modules/diagnostic/upcoming-events';

const event = (id: string, startsAt: string | null) => ({ id, title: `Event ${id}`, type: 'webinar', startsAt, timeZone: 'Europe/Vilnius', organizerName: 'Baltic Brokerage Events', status: 'published' });

describe('upcoming events for a report', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const listed = [event('a', '2026-12-10T09:00:00Z'), event('b', '2026-11-01T09:00:00Z'), event('c', null), event('d', '2026-12-01T09:00:00Z'), event('e', '2027-01-15T09:00:00Z')];

  it('keeps future events with a date, soonest first, and only the link fields', () => {
    const upcoming = upcomingOf(listed, now, 2);
    expect(upcoming.map((e) => e.id)).toEqual(['d', 'a']);
    expect(Object.keys(upcoming[0] ?? {}).sort()).toEqual(['id', 'organizerName', 'startsAt', 'timeZone', 'title', 'type']);
  });

  it('asks the events service for its public list, as an anonymous reader', async () => {
    const calls: unknown[][] = [];
    const source = eventLinksFrom({ list: async (...args) => (calls.push(args), listed) }, () => now);
    expect((await source.upcoming(4)).map((e) => e.id)).toEqual(['d', 'a', 'e']);
    expect(calls).toEqual([[null, { limit: 100 }]]);
  });
});
