import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole } from '../accounts/current-user';
import type { OrganizationDoc } from '../organizations/model';
import type { OrganizationService } from '../organizations/service';
import type { OrganizationView } from '../organizations/schema';
import { toObjectId } from '../shared/ids';
import { DirectoryIndexCache, searchDirectory } from './directory';
import type { IntermediaryProfileDoc, IntermediaryProfileModel } from './model';
import type { DirectoryHit, DirectoryQuery, IntermediaryView, ProfileBody } from './schema';

export interface IntermediaryServiceDeps {
  profiles: IntermediaryProfileModel;
  organizations: OrganizationService;
}

/** The intermediaries directory: every listed (verified) organization of kind `intermediary`, with its profile when it has one. */
export class IntermediaryService {
  private readonly textIndex = new DirectoryIndexCache();

  constructor(private readonly deps: IntermediaryServiceDeps) {}

  async search(query: DirectoryQuery): Promise<{ items: DirectoryHit[]; next: string | null }> {
    return searchDirectory(await this.all(), query, this.textIndex);
  }

  /** Every intermediary of a sector, A–Z (sector pages). */
  async inSector(sector: DirectoryQuery['sector'], limit = 100): Promise<IntermediaryView[]> {
    return (await this.search({ sector, limit })).items.map((hit) => hit.intermediary);
  }

  /** One intermediary by its organization id; 404 when there is no such intermediary. */
  async get(organizationId: string): Promise<IntermediaryView> {
    const organization = await this.loadIntermediary(organizationId);
    const profile = await this.deps.profiles.findOne({ organizationId: organization._id }).lean<IntermediaryProfileDoc>();
    return toIntermediaryView(organization, profile);
  }

  /** Creates or replaces the profile. Admins of the intermediary (and platform admins) may. */
  async saveProfile(user: CurrentUser, organizationId: string, body: ProfileBody): Promise<IntermediaryView> {
    const organization = await this.loadIntermediary(organizationId);
    if (!user.platformAdmin) requireOrgRole(user, organizationId, 'admin');
    const fields = {
      ...body,
      services: tidy(body.services),
      regions: tidy(body.regions),
      contactName: body.contactName?.trim() ?? '',
      contactPhone: body.contactPhone?.trim() ?? '',
      updatedBy: toObjectId(user.id),
    };
    // An upsert on the unique organizationId: a double submit writes the same profile twice, never two profiles.
    await this.deps.profiles.updateOne({ organizationId: organization._id }, { $set: fields }, { upsert: true, runValidators: true });
    return this.get(organizationId);
  }

  /** Loads an organization and checks that it is an intermediary. For other services' checks too. */
  async loadIntermediary(organizationId: string): Promise<OrganizationDoc> {
    const organization = await this.deps.organizations.load(organizationId);
    if (organization.kind !== 'intermediary') throw new HttpError(404, 'not_found', `No intermediary with id ${organizationId}; ${organization.name} is a ${organization.kind}.`);
    return organization;
  }

  /** Every intermediary joined with its profile. Directory sizes are in the hundreds (see directory.ts). */
  private async all(): Promise<IntermediaryView[]> {
    const [organizations, profiles] = await Promise.all([this.allIntermediaryOrganizations(), this.deps.profiles.find({}).lean<IntermediaryProfileDoc[]>()]);
    const byOrganization = new Map(profiles.map((profile) => [String(profile.organizationId), profile]));
    return organizations.map((organization) => toIntermediaryView(organization, byOrganization.get(organization.id) ?? null));
  }

  private async allIntermediaryOrganizations(): Promise<OrganizationView[]> {
    const all: OrganizationView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.organizations.list({ kind: 'intermediary', limit: 100, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor);
    return all;
  }
}

/** Trimmed, without blanks and repeats, in the order given. */
function tidy(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

type OrganizationFields = Pick<OrganizationView, 'name' | 'country' | 'region' | 'website' | 'description' | 'sectors'> & {
  id?: string;
  _id?: unknown;
  verificationStatus?: OrganizationView['verificationStatus'] | null;
};

export function toIntermediaryView(organization: OrganizationFields, profile: IntermediaryProfileDoc | null): IntermediaryView {
  const view: IntermediaryView = {
    organizationId: String(organization.id ?? organization._id),
    name: organization.name,
    country: organization.country,
    region: organization.region ?? '',
    website: organization.website ?? '',
    description: organization.description ?? '',
    hasProfile: profile !== null,
    verificationStatus: organization.verificationStatus ?? 'not_required',
    services: profile?.services ?? [],
    sectors: (profile?.sectors.length ? profile.sectors : (organization.sectors ?? [])) as IntermediaryView['sectors'],
    regions: profile?.regions ?? [],
    languages: profile?.languages ?? [],
    contactName: profile?.contactName ?? '',
    contactEmail: profile?.contactEmail ?? '',
    contactPhone: profile?.contactPhone ?? '',
  };
  if (profile) {
    view.institutionType = profile.institutionType;
    view.updatedAt = profile.updatedAt.toISOString();
  }
  return view;
}
