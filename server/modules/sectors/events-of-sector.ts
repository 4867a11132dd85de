import type { Sector } from '../../../matching/taxonomy';
import type { SectorEvent } from './schema';
import type { UpcomingEventsOfSector } from './service';

/** What the sector pages use of the events service (server/modules/events/event-service.ts). */
export interface PublicEvents {
  list(user: null, query: { sector?: Sector; limit?: number }): Promise<{ id: string; title: string; type: string; startsAt: string | null }[]>;
}

const SCANNED = 100;

/**
 * Upcoming published events of a sector, soonest first, from the events list filtered by sector
 * (newest SCANNED events of the sector; past ones are dropped here).
 */
export function upcomingEventsFrom(events: () => PublicEvents, now: () => Date = () => new Date()): UpcomingEventsOfSector {
  return async (sector: Sector, limit: number): Promise<SectorEvent[]> => {
    const at = now().getTime();
    const listed = await events().list(null, { sector, limit: SCANNED });
    return listed
      .filter((event): event is typeof event & { startsAt: string } => event.startsAt !== null && Date.parse(event.startsAt) > at)
      .map((event) => ({ id: event.id, title: event.title, startsAt: event.startsAt, format: event.type }))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .slice(0, limit);
  };
}
