import type { Sector } from '../../../matching/taxonomy';
import type { SectorEvent } from './schema';
import type { UpcomingEventsOfSector } from './service';

/** What the sector pages use of the events service (server/modules/events/event-service.ts). */
export interface PublicEvents {
  list(user: null, query: { limit?: number }): Promise<{ id: string; title: string; type: string; startsAt: string | null }[]>;
  get(user: null, eventId: string): Promise<{ sectors: readonly string[] }>;
}

const SCANNED = 100;

/**
 * Upcoming published events of a sector, soonest first, through the events service's public
 * reads. Its list has no sector filter (and its summaries no sectors), so this reads the latest
 * published events and then each upcoming one's sectors: bounded by SCANNED, fine at the sizes
 * events come in. A `sector` filter on the events list would make it one query.
 */
export function upcomingEventsFrom(events: () => PublicEvents, now: () => Date = () => new Date()): UpcomingEventsOfSector {
  return async (sector: Sector, limit: number): Promise<SectorEvent[]> => {
    const service = events();
    const at = now().getTime();
    const upcoming = (await service.list(null, { limit: SCANNED })).filter((event) => event.startsAt && Date.parse(event.startsAt) > at);
    // An event withdrawn between the two reads is left out rather than failing the sector page.
    const withSectors = await Promise.all(
      upcoming.map(async (event) => ({ event, sectors: await service.get(null, event.id).then((view) => view.sectors, () => [] as readonly string[]) })),
    );
    return withSectors
      .filter(({ sectors }) => sectors.includes(sector))
      .map(({ event }) => ({ id: event.id, title: event.title, startsAt: event.startsAt!, format: event.type }))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .slice(0, limit);
  };
}
