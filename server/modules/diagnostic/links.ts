import { foldText } from '../../../matching';
import type { IntermediaryService } from '../intermediaries/service';
import type { IntermediaryView } from '../intermediaries/schema';
import type { OrganizationView } from '../organizations/schema';
import type { ResearchOutputService } from '../research-outputs/service';
import type { ReportLinks } from './schema';

type EventLink = ReportLinks['events'][number];

/** The events module's side of the link: upcoming published events, soonest first. */
export interface UpcomingEventsSource {
  upcoming(limit: number): Promise<EventLink[]>;
}

export interface PlatformLinksDeps {
  researchOutputs: ResearchOutputService;
  intermediaries: IntermediaryService;
  /** Absent until the events module offers a service to ask (the report then says so). */
  events?: UpcomingEventsSource;
}

const MAX_OUTPUTS = 6;
const MAX_INTERMEDIARIES = 5;
const MAX_EVENTS = 4;
const SUMMARY_CHARS = 240;
/** Institution types whose everyday work is IP advice: listed before the others in the same region. */
const IP_ADVISERS = new Set(['ip_office', 'tech_transfer_office', 'innovation_agency']);

/**
 * What a report links to on the platform, computed when the report is read so links never point
 * at withdrawn listings: research outputs offered for licensing in the company's sectors,
 * intermediaries in its country (its region first), upcoming events.
 */
export class PlatformLinks {
  constructor(private readonly deps: PlatformLinksDeps) {}

  async forOrganization(organization: OrganizationView): Promise<ReportLinks> {
    const sectors = organization.sectors.slice(0, 3) as ReportLinks['sectors'];
    const [researchOutputs, intermediaries, events] = await Promise.all([
      this.outputs(sectors),
      this.intermediaries(organization),
      this.deps.events ? this.deps.events.upcoming(MAX_EVENTS) : Promise.resolve([]),
    ]);
    return { sectors, researchOutputs, intermediaries, events, eventsAvailable: this.deps.events !== undefined };
  }

  /** Published outputs whose owners offer licences, in any of the sectors; those in more sectors first. */
  private async outputs(sectors: ReportLinks['sectors']): Promise<ReportLinks['researchOutputs']> {
    const pages = await Promise.all(
      sectors.map((sector) => this.deps.researchOutputs.list(null, { sector, collaborationType: 'licensing', limit: MAX_OUTPUTS * 2 })),
    );
    const byId = new Map<string, { output: (typeof pages)[number]['items'][number]; hits: number }>();
    for (const output of pages.flatMap((page) => page.items)) {
      const seen = byId.get(output.id);
      byId.set(output.id, { output, hits: (seen?.hits ?? 0) + 1 });
    }
    return [...byId.values()]
      .sort((a, b) => b.hits - a.hits || b.output.id.localeCompare(a.output.id))
      .slice(0, MAX_OUTPUTS)
      .map(({ output }) => ({
        id: output.id,
        title: output.title,
        summary: shorten(output.summary),
        sectors: output.sectors,
        trl: output.trl,
        ipStatus: output.ipStatus,
        governmentFunded: output.governmentFunded,
      }));
  }

  private async intermediaries(organization: OrganizationView): Promise<ReportLinks['intermediaries']> {
    const found = await this.deps.intermediaries.search({ country: organization.country, limit: 100 });
    return rankIntermediaries(found.items.map((hit) => hit.intermediary), organization).slice(0, MAX_INTERMEDIARIES);
  }
}

/**
 * Intermediaries in the order a company should contact them: those serving its region first, then
 * those whose daily work is IP advice, then by shared sectors, then by name.
 */
export function rankIntermediaries(views: IntermediaryView[], organization: Pick<OrganizationView, 'region' | 'sectors'>): ReportLinks['intermediaries'] {
  const region = foldText(organization.region.trim());
  const servesRegion = (view: IntermediaryView) => region !== '' && [view.region, ...view.regions].some((r) => foldText(r).includes(region));
  const sectorOverlap = (view: IntermediaryView) => view.sectors.filter((sector) => organization.sectors.includes(sector)).length;
  return views
    .map((view) => ({ view, regional: servesRegion(view), adviser: IP_ADVISERS.has(view.institutionType ?? ''), overlap: sectorOverlap(view) }))
    .sort((a, b) => Number(b.regional) - Number(a.regional) || Number(b.adviser) - Number(a.adviser) || b.overlap - a.overlap || a.view.name.localeCompare(b.view.name))
    .map(({ view, regional }) => ({
      organizationId: view.organizationId,
      name: view.name,
      country: view.country,
      region: view.region,
      services: view.services.slice(0, 4),
      servesYourRegion: regional,
    }));
}

function shorten(text: string): string {
  return text.length <= SUMMARY_CHARS ? text : `${text.slice(0, SUMMARY_CHARS - 1).trimEnd()}…`;
}
