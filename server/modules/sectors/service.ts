import { SECTOR_LABELS, SECTORS, type Sector } from '../../../matching/taxonomy';
import type { IntermediaryService } from '../intermediaries/service';
import type { NeedService } from '../needs/service';
import type { ResearchOutputService } from '../research-outputs/service';
import type { SectorDetail, SectorEvent, SectorSummary } from './schema';

/** Upcoming events of a sector, when the platform has an events service to ask. */
export type UpcomingEventsOfSector = (sector: Sector, limit: number) => Promise<SectorEvent[]>;

export interface SectorServiceDeps {
  researchOutputs: ResearchOutputService;
  needs: NeedService;
  intermediaries: IntermediaryService;
  upcomingEvents?: UpcomingEventsOfSector;
}

const LATEST = 6;

/**
 * The sector approach: NACE Rev. 2 sections as entry points. Everything comes from the owning
 * modules' services (published listings only, public views only): no model of its own.
 */
export class SectorService {
  constructor(private readonly deps: SectorServiceDeps) {}

  /** Every sector with how much it has; sectors with nothing still appear (an empty page says so). */
  async index(): Promise<SectorSummary[]> {
    const [outputs, funded, needs, intermediaries] = await Promise.all([
      this.deps.researchOutputs.publishedCountsBySector(),
      this.deps.researchOutputs.publishedCountsBySector({ governmentFunded: true }),
      this.deps.needs.publishedCountsBySector(),
      this.intermediaryCounts(),
    ]);
    return SECTORS.map((code) => ({
      code,
      label: SECTOR_LABELS[code],
      counts: { outputs: outputs.get(code) ?? 0, governmentFundedOutputs: funded.get(code) ?? 0, needs: needs.get(code) ?? 0, intermediaries: intermediaries.get(code) ?? 0 },
    }));
  }

  async detail(code: Sector): Promise<SectorDetail> {
    const [outputs, funded, needs, intermediaries, events, counts] = await Promise.all([
      this.deps.researchOutputs.list(null, { sector: code, limit: LATEST }),
      this.deps.researchOutputs.list(null, { sector: code, governmentFunded: true, limit: LATEST }),
      this.deps.needs.list(null, { sector: code, limit: LATEST }),
      this.deps.intermediaries.inSector(code),
      this.deps.upcomingEvents ? this.deps.upcomingEvents(code, LATEST) : Promise.resolve(null),
      this.index(),
    ]);
    const summary = counts.find((sector) => sector.code === code)!;
    return {
      code,
      label: SECTOR_LABELS[code],
      counts: summary.counts,
      outputs: outputs.items,
      governmentFundedOutputs: funded.items,
      needs: needs.items,
      intermediaries,
      events,
    };
  }

  private async intermediaryCounts(): Promise<Map<string, number>> {
    const all = (await this.deps.intermediaries.search({ limit: 100_000 })).items;
    const counts = new Map<string, number>();
    for (const { intermediary } of all) for (const sector of intermediary.sectors) counts.set(sector, (counts.get(sector) ?? 0) + 1);
    return counts;
  }
}
