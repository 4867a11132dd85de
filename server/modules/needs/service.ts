import type { Language, NeedProfile, TextDoc } from '../../../matching';
import { HttpError } from '../../plugins/errors';
import { requireCleared } from '../organizations/verification';
import type { CurrentUser } from '../accounts/current-user';
import type { OrganizationService } from '../organizations/service';
import { allPublished, assertMayEdit, cursorFilter, isOwnerMember, isVisible, nextStatus, publishedById, publishedSectorCounts, toPage, trlRange, visibilityFilter, type ListingAction } from '../research-outputs/listing';
import type { ListingChangedHandler } from '../research-outputs/service';
import { toObjectId } from '../shared/ids';
import { languageOnCreate, languageOnUpdate } from '../shared/listing-language';
import type { NewNotification } from '../notifications/service';
import { assertMayPostNeedFor } from './author-policy';
import type { NeedDoc, NeedModel } from './model';
import { assertMayDraftOnBehalf, assertPublishAllowed, consentDecision, isPosterMember, onBehalfNotice } from './on-behalf';
import type { ConsentBody, CreateNeedBody, NeedListQuery, NeedView, UpdateNeedBody } from './schema';
import type { GuardedUpdates } from '../shared/guarded-update';

export interface NeedServiceDeps {
  needs: NeedModel;
  /** Status and consent changes conditional on what was read (see shared/guarded-update.ts). */
  guard: GuardedUpdates;
  organizations: OrganizationService;
  onListingChanged?: ListingChangedHandler;
  /** Tells an organization's members about on-behalf drafts and consent decisions (notifications). */
  notifyOrganization?: (organizationId: string, notification: NewNotification) => Promise<unknown>;
}

/** Needs: an SME's technology requests. Same lifecycle and visibility rules as research outputs. */
export class NeedService {
  constructor(private readonly deps: NeedServiceDeps) {}

  async create(user: CurrentUser, body: CreateNeedBody): Promise<NeedView> {
    const organization = await this.deps.organizations.load(body.organizationId);
    const { organizationId: _organizationId, postedByOrganizationId, ...fields } = body;
    const poster = postedByOrganizationId ? await this.deps.organizations.load(postedByOrganizationId) : null;
    if (poster) {
      assertMayDraftOnBehalf(user, organization, poster);
      // The draft asks the SME for consent: the intermediary speaks publicly, so it must be verified.
      requireCleared(poster, 'draft needs on behalf of SMEs');
    } else {
      assertMayPostNeedFor(user, organization);
    }
    const created = await this.deps.needs.create({
      ...fields,
      language: languageOnCreate(fields.language, `${fields.title}\n${fields.problem}\n${fields.desiredOutcome}`),
      organizationId: organization._id,
      createdBy: toObjectId(user.id),
      country: organization.country,
      status: 'draft',
      ...(poster ? { postedByOrganizationId: poster._id, consent: 'pending' } : {}),
    });
    await this.changed(String(created._id));
    if (poster) await this.notify(String(organization._id), onBehalfNotice.drafted(String(created._id), created.title, poster.name, Date.now()));
    return toNeedView(created.toObject() as NeedDoc);
  }

  /** Published needs, or with `mine` the caller's organizations' needs in any status. */
  async list(user: CurrentUser | null, query: NeedListQuery): Promise<{ items: NeedView[]; next: string | null }> {
    const limit = query.limit ?? 20;
    const filter: Record<string, unknown> = {
      ...this.visibility(user, query.mine, query.status),
      ...trlRange('minTrl', query.trlMin, query.trlMax),
      ...cursorFilter(query.cursor),
    };
    if (query.sector) filter['sectors'] = query.sector;
    if (query.collaborationType) filter['collaborationTypes'] = query.collaborationType;
    if (query.country) filter['country'] = query.country.toUpperCase();
    if (query.budgetBand) filter['budgetBand'] = query.budgetBand;
    if (query.consent) filter['consent'] = query.consent;
    // $and so that, with `mine`, the organization must also be one of the caller's.
    if (query.organizationId) filter['$and'] = [{ organizationId: toObjectId(query.organizationId) }];
    const docs = await this.deps.needs.find(filter).sort({ _id: -1 }).limit(limit + 1).lean<NeedDoc[]>();
    return toPage(docs, limit, toNeedView);
  }

  /** One need as the caller may see it; 404 when it does not exist or is not visible to them. */
  async get(user: CurrentUser | null, id: string): Promise<NeedView> {
    const need = await this.load(id);
    const insider = isOwnerMember(user, String(need.organizationId)) || isPosterMember(user, need);
    if (!isVisible(need.status, insider)) {
      throw new HttpError(404, 'not_found', `No need with id ${id}.`);
    }
    const view = toNeedView(need);
    // The SME's note on its consent decision is for the drafting intermediary, not the public.
    if (insider && need.consentNote) view.consentNote = need.consentNote;
    return view;
  }

  /** Admins and members of the owning SME may edit, in any status. */
  async update(user: CurrentUser, id: string, body: UpdateNeedBody): Promise<NeedView> {
    const current = await this.load(id);
    const set: Record<string, unknown> = { ...body };
    const textChanged = body.title !== undefined || body.problem !== undefined || body.desiredOutcome !== undefined;
    const language = languageOnUpdate(body.language, textChanged, () =>
      [body.title ?? current.title, body.problem ?? current.problem, body.desiredOutcome ?? current.desiredOutcome].join('\n'),
    );
    if (language) set['language'] = language;
    if (isPosterMember(user, current) && !isOwnerMember(user, String(current.organizationId))) {
      // The drafting intermediary edits until the SME consents; a revision after a refusal asks again.
      if (current.consent === 'given') throw new HttpError(403, 'forbidden', 'The SME has consented and owns this need now; only its members change it.');
      if (current.consent === 'refused') set['consent'] = 'pending';
    } else {
      assertMayEdit(user, { status: current.status, organizationId: String(current.organizationId) }, 'need');
    }
    await this.deps.needs.updateOne({ _id: current._id }, { $set: set }, { runValidators: true });
    await this.changed(id);
    if (set['consent'] === 'pending') await this.askConsentAgain(current);
    return this.get(user, id);
  }

  /** Publish and archive: any member of the owning SME, as for outputs (archiving is reversible). */
  async transition(user: CurrentUser, id: string, action: ListingAction): Promise<NeedView> {
    const current = await this.load(id);
    const ownerMember = isOwnerMember(user, String(current.organizationId));
    if (!ownerMember && isPosterMember(user, current)) {
      throw new HttpError(403, 'forbidden', 'The SME publishes or archives this need (publishing is its admin’s consent); the intermediary that drafted it does not.');
    }
    assertMayEdit(user, { status: current.status, organizationId: String(current.organizationId) }, 'need');
    if (action === 'publish') assertPublishAllowed(current);
    const status = nextStatus(current.status, action);
    const set: Record<string, unknown> = { status };
    if (status === 'published') set['publishedAt'] = new Date();
    const updated = await this.deps.guard.update(this.deps.needs, current._id, { status: current.status }, set);
    if (!updated) throw new HttpError(409, 'conflict', 'This need changed at the same time; reload it and try again.');
    await this.changed(id);
    return this.get(user, id);
  }

  /** An SME admin's decision on a need an intermediary drafted for it: `give` publishes it, `refuse` keeps it private. */
  async decideConsent(user: CurrentUser, id: string, body: ConsentBody): Promise<NeedView> {
    const current = await this.load(id);
    const consent = consentDecision(user, current, body.decision);
    const now = new Date();
    const set: Record<string, unknown> = { consent, consentDecidedBy: toObjectId(user.id), consentDecidedAt: now, consentNote: body.note?.trim() ?? '' };
    if (consent === 'given') Object.assign(set, { status: 'published', publishedAt: now });
    // Conditional on the pending state we read: two admins deciding at once cannot both win.
    const updated = await this.deps.guard.update(this.deps.needs, current._id, { consent: 'pending' }, set);
    if (!updated) throw new HttpError(409, 'conflict', 'Someone decided on this need at the same time; reload it.');
    await this.changed(id);
    const sme = await this.deps.organizations.load(String(current.organizationId));
    await this.notify(String(current.postedByOrganizationId), onBehalfNotice.decided(id, current.title, sme.name, consent, now.getTime()));
    return this.get(user, id);
  }

  /** Published needs per NACE sector (sector pages). */
  async publishedCountsBySector(): Promise<Map<string, number>> {
    return publishedSectorCounts(this.deps.needs);
  }

  /** Public views of the published listings among `ids`, by id (matches and search join on them). Others are left out. */
  async publishedViews(ids: string[]): Promise<Map<string, NeedView>> {
    // One lookup by _id each: the only lookup FerretDB serves from an index (see README).
    const docs = await Promise.all(ids.map((id) => this.publishedDoc(id)));
    return new Map(docs.flatMap((doc) => (doc ? [[String(doc._id), toNeedView(doc)] as const] : [])));
  }

  private async publishedDoc(id: string): Promise<NeedDoc | null> {
    return publishedById<NeedDoc>(this.deps.needs, id);
  }

  /** Every published need as matching and search see it: public text and structured profile. */
  async *allPublishedForMatching(): AsyncIterable<MatchableNeed> {
    for await (const doc of allPublished<NeedDoc>(this.deps.needs)) yield toMatchableNeed(doc);
  }

  /** One need as matching and search see it, or null when it is not published. */
  async publishedForMatching(id: string): Promise<MatchableNeed | null> {
    const doc = await this.publishedDoc(id);
    return doc ? toMatchableNeed(doc) : null;
  }

  private async load(id: string): Promise<NeedDoc> {
    const need = await this.deps.needs.findById(toObjectId(id, 'need')).lean<NeedDoc>();
    if (!need) throw new HttpError(404, 'not_found', `No need with id ${id}.`);
    return need;
  }

  private async changed(id: string): Promise<void> {
    await this.deps.onListingChanged?.('need', id);
  }

  private async notify(organizationId: string, notification: NewNotification): Promise<void> {
    await this.deps.notifyOrganization?.(organizationId, notification);
  }

  private async askConsentAgain(need: NeedDoc): Promise<void> {
    const poster = await this.deps.organizations.load(String(need.postedByOrganizationId));
    await this.notify(String(need.organizationId), onBehalfNotice.drafted(String(need._id), need.title, poster.name, Date.now()));
  }

  /** With `mine`: needs of the caller's organizations and needs they drafted for SMEs as an intermediary. */
  private visibility(user: CurrentUser | null, mine: boolean | undefined, status: NeedListQuery['status']): Record<string, unknown> {
    const filter = visibilityFilter(user, mine, status);
    if (!mine || !user) return filter;
    const ids = user.memberships.map((m) => toObjectId(m.organizationId));
    const { organizationId: _own, ...rest } = filter;
    return { ...rest, $or: [{ organizationId: { $in: ids } }, { postedByOrganizationId: { $in: ids } }] };
  }
}

export function toNeedView(doc: NeedDoc): NeedView {
  const view: NeedView = {
    id: String(doc._id),
    organizationId: String(doc.organizationId),
    country: doc.country,
    status: doc.status,
    title: doc.title,
    problem: doc.problem,
    desiredOutcome: doc.desiredOutcome,
    ...(doc.language ? { language: doc.language } : {}),
    sectors: doc.sectors as NeedView['sectors'],
    minTrl: doc.minTrl,
    collaborationTypes: doc.collaborationTypes as NeedView['collaborationTypes'],
    budgetBand: doc.budgetBand,
    timeline: doc.timeline,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.publishedAt) view.publishedAt = doc.publishedAt.toISOString();
  if (doc.postedByOrganizationId) view.postedByOrganizationId = String(doc.postedByOrganizationId);
  if (doc.consent) view.consent = doc.consent;
  if (doc.consentDecidedAt) view.consentDecidedAt = doc.consentDecidedAt.toISOString();
  return view;
}

/** What matching and search may know of a need: its text and its structured profile. */
export interface MatchableNeed {
  id: string;
  organizationId: string;
  text: TextDoc;
  profile: NeedProfile;
}

/** The text a need is matched by: its title, and problem + desired outcome (bench:matching uses it too). */
export function needMatchingText(need: { title: string; problem: string; desiredOutcome?: string; language?: string | null }): TextDoc {
  const text: TextDoc = { title: need.title, body: `${need.problem}\n${need.desiredOutcome ?? ''}` };
  return need.language ? { ...text, lang: need.language as Language } : text;
}

export function toMatchableNeed(doc: NeedDoc): MatchableNeed {
  return {
    id: String(doc._id),
    organizationId: String(doc.organizationId),
    text: needMatchingText(doc),
    profile: needProfile(doc),
  };
}

/** The structured part of a need that matching scores (from a document or a view). */
export function needProfile(need: { sectors: readonly string[]; minTrl: number; collaborationTypes: readonly string[] }): NeedProfile {
  return {
    sectors: need.sectors as NeedProfile['sectors'],
    minTrl: need.minTrl,
    collaborationTypes: need.collaborationTypes as NeedProfile['collaborationTypes'],
  };
}
