import type { UpcomingEventsSource } from './links';
import type { ReportLinks } from './schema';

type EventLink = ReportLinks['events'][number];

/**
 * The part of the events module's EventService a report uses: its public list of published
 * events. Structural, so the diagnostic depends on the list's shape, not on the module's internals.
 */
export interface PublishedEventsLister {
  list(user: null, query: { limit?: number }): Promise<EventLink[]>;
}

/** How many published events to look through for upcoming ones (the list is newest first). */
const SCAN = 100;

/** Upcoming events from the events service's published list. */
export function eventLinksFrom(events: PublishedEventsLister, now: () => Date = () => new Date()): UpcomingEventsSource {
  return {
    async upcoming(limit) {
      return upcomingOf(await events.list(null, { limit: SCAN }), now(), limit);
    },
  };
}

/** Events that start after `now`, soonest first; events without a date yet are left out. */
export function upcomingOf(events: EventLink[], now: Date, limit: number): EventLink[] {
  return events
    .filter((event): event is EventLink & { startsAt: string } => event.startsAt !== null && Date.parse(event.startsAt) > now.getTime())
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, title, type, startsAt, timeZone, organizerName }) => ({ id, title, type, startsAt, timeZone, organizerName }));
}
