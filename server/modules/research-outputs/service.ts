import type { Language, OutputProfile, TextDoc } from '../../../matching';
import { HttpError } from '../../plugins/errors';
import { requireCleared } from '../organizations/verification';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole } from '../accounts/current-user';
import type { OrganizationService } from '../organizations/service';
import { toObjectId } from '../shared/ids';
import { languageOnCreate, languageOnUpdate } from '../shared/listing-language';
import { checkCrossFieldRules } from './field-rules';
import { allPublished, assertMayEdit, cursorFilter, isOwnerMember, isVisible, nextStatus, publishedById, publishedSectorCounts, toPage, trlRange, visibilityFilter, type ListingAction } from './listing';
import type { ResearchOutputDoc, ResearchOutputModel } from './model';
import type { CreateResearchOutputBody, ResearchOutputListQuery, ResearchOutputView, UpdateResearchOutputBody } from './schema';
import type { GuardedUpdates } from '../shared/guarded-update';

/** Called after every write to a listing, so search can re-index it. Awaited. */
export type ListingChangedHandler = (kind: 'output' | 'need', id: string) => void | Promise<void>;

/** Organization kinds that offer research outputs. */
const OFFERING_KINDS = ['university', 'government'];

export interface ResearchOutputServiceDeps {
  outputs: ResearchOutputModel;
  /** Status changes conditional on the status read (see shared/guarded-update.ts). */
  guard: GuardedUpdates;
  organizations: OrganizationService;
  onListingChanged?: ListingChangedHandler;
}

/** Research outputs: a university's or government lab's technology offers, and who may see and change them. */
export class ResearchOutputService {
  constructor(private readonly deps: ResearchOutputServiceDeps) {}

  /** Creates a draft. Any member (admin or member) of a university or government organization may. */
  async create(user: CurrentUser, body: CreateResearchOutputBody): Promise<ResearchOutputView> {
    const organization = await this.deps.organizations.load(body.organizationId);
    requireOrgRole(user, body.organizationId);
    if (!OFFERING_KINDS.includes(organization.kind)) {
      throw new HttpError(403, 'forbidden', `Only universities and government organizations offer research outputs; ${organization.name} is a ${organization.kind}.`);
    }
    const { organizationId: _organizationId, ...fields } = body;
    checkCrossFieldRules(fields, fields);
    const created = await this.deps.outputs.create({
      ...fields,
      language: languageOnCreate(fields.language, `${fields.title}\n${fields.summary}`),
      organizationId: organization._id,
      createdBy: toObjectId(user.id),
      country: organization.country,
      status: 'draft',
    });
    await this.changed(String(created._id));
    return toResearchOutputView(created.toObject() as ResearchOutputDoc);
  }

  /** Published outputs, or with `mine` the caller's organizations' outputs in any status. */
  async list(user: CurrentUser | null, query: ResearchOutputListQuery): Promise<{ items: ResearchOutputView[]; next: string | null }> {
    const limit = query.limit ?? 20;
    const filter: Record<string, unknown> = {
      ...visibilityFilter(user, query.mine, query.status),
      ...trlRange('trl', query.trlMin, query.trlMax),
      ...cursorFilter(query.cursor),
    };
    if (query.sector) filter['sectors'] = query.sector;
    if (query.field) filter['fields'] = query.field;
    if (query.ipStatus) filter['ipStatus'] = query.ipStatus;
    if (query.collaborationType) filter['collaborationTypes'] = query.collaborationType;
    if (query.country) filter['country'] = query.country.toUpperCase();
    if (query.governmentFunded !== undefined) filter['governmentFunded'] = query.governmentFunded;
    if (query.organizationId) {
      // With `mine`, the organization must also be one of the caller's: the filters combine with $and.
      filter['$and'] = [{ organizationId: toObjectId(query.organizationId) }];
    }
    const docs = await this.deps.outputs.find(filter).sort({ _id: -1 }).limit(limit + 1).lean<ResearchOutputDoc[]>();
    return toPage(docs, limit, toResearchOutputView);
  }

  /** One output as the caller may see it; 404 when it does not exist or is not visible to them. */
  async get(user: CurrentUser | null, id: string): Promise<ResearchOutputView> {
    return toResearchOutputView(await this.loadVisible(user, id));
  }

  /** Admins and members of the owning organization may edit, in any status. */
  async update(user: CurrentUser, id: string, body: UpdateResearchOutputBody): Promise<ResearchOutputView> {
    const current = await this.load(id);
    assertMayEdit(user, { status: current.status, organizationId: String(current.organizationId) }, 'research output');
    const { unset } = checkCrossFieldRules({ ...current, ...body }, body);
    const language = languageOnUpdate(body.language, body.title !== undefined || body.summary !== undefined, () =>
      `${body.title ?? current.title}\n${body.summary ?? current.summary}`,
    );
    const update: Record<string, unknown> = { $set: language ? { ...body, language } : body };
    if (unset.length > 0) update['$unset'] = Object.fromEntries(unset.map((field) => [field, 1]));
    await this.deps.outputs.updateOne({ _id: current._id }, update, { runValidators: true });
    await this.changed(id);
    return this.get(user, id);
  }

  /**
   * Publish and archive are open to every member of the owning organization, admins or not:
   * archiving is reversible (an archived output can be published again, see nextStatus), so it
   * needs no more trust than editing the public text does.
   */
  async transition(user: CurrentUser, id: string, action: ListingAction): Promise<ResearchOutputView> {
    const current = await this.load(id);
    assertMayEdit(user, { status: current.status, organizationId: String(current.organizationId) }, 'research output');
    const status = nextStatus(current.status, action);
    if (status === 'published') requireCleared(await this.deps.organizations.load(String(current.organizationId)), 'publish research outputs');
    const set: Record<string, unknown> = { status };
    if (status === 'published') set['publishedAt'] = new Date();
    // Conditional on the status we read, so two concurrent clicks cannot both succeed.
    const updated = await this.deps.guard.update(this.deps.outputs, current._id, { status: current.status }, set);
    if (!updated) throw new HttpError(409, 'conflict', 'This output changed at the same time; reload it and try again.');
    await this.changed(id);
    return this.get(user, id);
  }

  /** Visible output document for other modules' checks (access requests); 404 like `get`. */
  async loadVisible(user: CurrentUser | null, id: string): Promise<ResearchOutputDoc> {
    const output = await this.load(id);
    if (!isVisible(output.status, isOwnerMember(user, String(output.organizationId)))) {
      throw new HttpError(404, 'not_found', `No research output with id ${id}.`);
    }
    return output;
  }

  /**
   * The confidential details, WITHOUT any access check: only the confidential-access service calls
   * this, after deciding the reader may see them and writing the audit entry.
   */
  async confidentialDetailsOf(id: string): Promise<string> {
    const output = await this.deps.outputs.findById(toObjectId(id, 'research output')).select('+confidentialDetails').lean<ResearchOutputDoc>();
    if (!output) throw new HttpError(404, 'not_found', `No research output with id ${id}.`);
    return output.confidentialDetails ?? '';
  }

  /** Titles by id, for lists that name outputs (access requests). Unknown ids are left out. */
  async titles(ids: string[]): Promise<Map<string, string>> {
    const docs = await this.deps.outputs.find({ _id: { $in: ids.map((id) => toObjectId(id)) } }, { title: 1 }).lean<ResearchOutputDoc[]>();
    return new Map(docs.map((doc) => [String(doc._id), doc.title]));
  }

  /** Published outputs per NACE sector (sector pages); `governmentFunded` counts only publicly funded ones. */
  async publishedCountsBySector(options: { governmentFunded?: boolean } = {}): Promise<Map<string, number>> {
    return publishedSectorCounts(this.deps.outputs, options.governmentFunded === undefined ? {} : { governmentFunded: options.governmentFunded });
  }

  /** Public views of the published listings among `ids`, by id (matches and search join on them). Others are left out. */
  async publishedViews(ids: string[]): Promise<Map<string, ResearchOutputView>> {
    // One lookup by _id each: the only lookup FerretDB serves from an index (see README).
    const docs = await Promise.all(ids.map((id) => this.publishedDoc(id)));
    return new Map(docs.flatMap((doc) => (doc ? [[String(doc._id), toResearchOutputView(doc)] as const] : [])));
  }

  private async publishedDoc(id: string): Promise<ResearchOutputDoc | null> {
    return publishedById<ResearchOutputDoc>(this.deps.outputs, id);
  }

  /** Every published output as matching and search see it: public text and structured profile. */
  async *allPublishedForMatching(): AsyncIterable<MatchableOutput> {
    for await (const doc of allPublished<ResearchOutputDoc>(this.deps.outputs)) yield toMatchableOutput(doc);
  }

  /** One output as matching and search see it, or null when it is not published. */
  async publishedForMatching(id: string): Promise<MatchableOutput | null> {
    const doc = await this.publishedDoc(id);
    return doc ? toMatchableOutput(doc) : null;
  }

  private async load(id: string): Promise<ResearchOutputDoc> {
    const output = await this.deps.outputs.findById(toObjectId(id, 'research output')).lean<ResearchOutputDoc>();
    if (!output) throw new HttpError(404, 'not_found', `No research output with id ${id}.`);
    return output;
  }

  private async changed(id: string): Promise<void> {
    await this.deps.onListingChanged?.('output', id);
  }
}

export function toResearchOutputView(doc: ResearchOutputDoc): ResearchOutputView {
  const view: ResearchOutputView = {
    id: String(doc._id),
    organizationId: String(doc.organizationId),
    country: doc.country,
    status: doc.status,
    title: doc.title,
    summary: doc.summary,
    ...(doc.language ? { language: doc.language } : {}),
    fields: doc.fields as ResearchOutputView['fields'],
    sectors: doc.sectors as ResearchOutputView['sectors'],
    trl: doc.trl,
    ipStatus: doc.ipStatus,
    collaborationTypes: doc.collaborationTypes as ResearchOutputView['collaborationTypes'],
    governmentFunded: doc.governmentFunded,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.patentNumber) view.patentNumber = doc.patentNumber;
  if (doc.fundingProgramme) view.fundingProgramme = doc.fundingProgramme;
  if (doc.publishedAt) view.publishedAt = doc.publishedAt.toISOString();
  return view;
}

/** What matching and search may know of an output: its PUBLIC text and its structured profile. */
export interface MatchableOutput {
  id: string;
  organizationId: string;
  text: TextDoc;
  profile: OutputProfile;
}

/** The public text an output is matched by (bench:matching uses it too). */
export function outputMatchingText(output: { title: string; summary: string; language?: string | null }): TextDoc {
  const text: TextDoc = { title: output.title, body: output.summary };
  return output.language ? { ...text, lang: output.language as Language } : text;
}

export function toMatchableOutput(doc: ResearchOutputDoc): MatchableOutput {
  return {
    id: String(doc._id),
    organizationId: String(doc.organizationId),
    text: outputMatchingText(doc),
    profile: outputProfile(doc),
  };
}

/** The structured part of an output that matching scores (from a document or a view). */
export function outputProfile(output: {
  fields: readonly string[];
  sectors: readonly string[];
  trl: number;
  ipStatus: string;
  collaborationTypes: readonly string[];
  governmentFunded: boolean;
}): OutputProfile {
  return {
    fields: output.fields as OutputProfile['fields'],
    sectors: output.sectors as OutputProfile['sectors'],
    trl: output.trl,
    ipStatus: output.ipStatus as OutputProfile['ipStatus'],
    collaborationTypes: output.collaborationTypes as OutputProfile['collaborationTypes'],
    governmentFunded: output.governmentFunded,
  };
}
