import { HttpError } from '../../plugins/errors';
import { requireCleared } from '../organizations/verification';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole, roleIn } from '../accounts/current-user';
import type { NeedService } from '../needs/service';
import type { NotificationService } from '../notifications/service';
import type { OrganizationService } from '../organizations/service';
import { cursorFilter, toPage } from '../research-outputs/listing';
import { toObjectId } from '../shared/ids';
import { ACTIVE_HELP_STATUSES, nextHelpStatus, sideOf, type HelpRequestAction } from './help-request-rules';
import type { HelpRequestDoc, HelpRequestModel } from './help-request.model';
import type { CreateHelpRequestBody, HelpRequestListQuery, HelpRequestView } from './help-request.schema';
import type { IntermediaryService } from './service';

export interface HelpRequestServiceDeps {
  requests: HelpRequestModel;
  intermediaries: IntermediaryService;
  organizations: OrganizationService;
  needs: NeedService;
  notifications: NotificationService;
}

/** What an action carries: the accept note, the decline reason or the answer. */
export type ActionText = { note?: string } | { reason: string } | { answer: string } | Record<string, never>;

/**
 * Help requests: an SME member asks an intermediary about one of the SME's needs; the
 * intermediary's members accept, decline or answer; the SME closes. Only members of the two
 * organizations ever see a request (anyone else gets a 404, so its existence does not leak).
 */
export class HelpRequestService {
  constructor(private readonly deps: HelpRequestServiceDeps) {}

  async create(user: CurrentUser, intermediaryId: string, body: CreateHelpRequestBody): Promise<HelpRequestView> {
    const intermediary = await this.deps.intermediaries.loadIntermediary(intermediaryId);
    const sme = await this.deps.organizations.load(body.smeOrganizationId);
    requireOrgRole(user, body.smeOrganizationId);
    if (sme.kind !== 'sme') throw new HttpError(403, 'forbidden', `Help requests are sent by SMEs; ${sme.name} is a ${sme.kind}.`);
    requireCleared(intermediary, 'receive help requests');
    const need = await this.deps.needs.get(user, body.needId);
    if (need.organizationId !== body.smeOrganizationId) {
      throw new HttpError(400, 'validation_failed', `This need belongs to another organization, not ${sme.name}.`, [{ field: 'needId', message: 'must be a need of smeOrganizationId' }]);
    }
    if (need.status === 'archived') {
      throw new HttpError(400, 'validation_failed', 'This need is archived; publish it again or pick another one.', [{ field: 'needId', message: 'is archived' }]);
    }
    const active = await this.deps.requests.exists({ needId: toObjectId(need.id), intermediaryOrganizationId: intermediary._id, status: { $in: ACTIVE_HELP_STATUSES } });
    if (active) throw new HttpError(409, 'already_requested', `You already asked ${intermediary.name} about this need; wait for their answer or close that request first.`);
    const created = await this.deps.requests.create({
      smeOrganizationId: sme._id,
      intermediaryOrganizationId: intermediary._id,
      needId: toObjectId(need.id),
      needTitle: need.title,
      needProblem: need.problem,
      message: body.message.trim(),
      createdBy: toObjectId(user.id),
      status: 'open',
    });
    const id = String(created._id);
    await this.deps.notifications.notifyOrganization(String(intermediary._id), {
      type: 'help_request',
      title: `${sme.name} asks for help: “${need.title}”`,
      body: body.message.trim().slice(0, 300),
      link: '/help-requests',
      dedupeKey: `help-request:${id}:open`,
    });
    return (await this.views([created.toObject() as HelpRequestDoc]))[0]!;
  }

  /** Incoming: requests to the caller's intermediaries. Outgoing: requests from the caller's SMEs. Newest first. */
  async list(user: CurrentUser, query: HelpRequestListQuery): Promise<{ items: HelpRequestView[]; next: string | null }> {
    const limit = query.limit ?? 20;
    const field = query.direction === 'incoming' ? 'intermediaryOrganizationId' : 'smeOrganizationId';
    const filter: Record<string, unknown> = { [field]: { $in: user.memberships.map((m) => toObjectId(m.organizationId)) }, ...cursorFilter(query.cursor) };
    if (query.status) filter['status'] = query.status;
    const docs = await this.deps.requests.find(filter).sort({ _id: -1 }).limit(limit + 1).lean<HelpRequestDoc[]>();
    const page = toPage(docs, limit, (doc) => doc);
    return { items: await this.views(page.items), next: page.next };
  }

  async get(user: CurrentUser, id: string): Promise<HelpRequestView> {
    const request = await this.loadVisible(user, id);
    return (await this.views([request]))[0]!;
  }

  /** accept / decline / answer (the intermediary's members) and close (the SME's members). */
  async act(user: CurrentUser, id: string, action: HelpRequestAction, text: ActionText = {}): Promise<HelpRequestView> {
    const current = await this.loadVisible(user, id);
    const side = sideOf(action);
    const organizationId = String(side === 'intermediary' ? current.intermediaryOrganizationId : current.smeOrganizationId);
    if (roleIn(user, organizationId) === null) {
      throw new HttpError(403, 'forbidden', side === 'intermediary' ? 'Only members of the intermediary can answer this request.' : 'Only members of the SME that asked can close this request.');
    }
    const status = nextHelpStatus(current.status, action);
    const now = new Date();
    const set: Record<string, unknown> = { status };
    const said = textOf(action, text);
    if (said) set[said.field] = said.value;
    if (side === 'intermediary') Object.assign(set, { respondedBy: toObjectId(user.id), respondedAt: now });
    else set['closedAt'] = now;
    // Conditional on the status we read: two members acting at once cannot both succeed.
    const result = await this.deps.requests.updateOne({ _id: current._id, status: current.status }, { $set: set }, { runValidators: true });
    if (result.modifiedCount !== 1) throw new HttpError(409, 'conflict', 'This request changed at the same time; reload it and try again.');
    const view = await this.get(user, id);
    await this.notifyOtherSide(view, action);
    return view;
  }

  private async notifyOtherSide(view: HelpRequestView, action: HelpRequestAction): Promise<void> {
    const toSme = sideOf(action) === 'intermediary';
    const titles: Record<HelpRequestAction, string> = {
      accept: `${view.intermediaryName} takes on your request about “${view.needTitle}”`,
      decline: `${view.intermediaryName} cannot help with “${view.needTitle}”`,
      answer: `${view.intermediaryName} answered your request about “${view.needTitle}”`,
      close: `${view.smeName} closed its request about “${view.needTitle}”`,
    };
    await this.deps.notifications.notifyOrganization(toSme ? view.smeOrganizationId : view.intermediaryOrganizationId, {
      type: 'help_request',
      title: titles[action],
      body: (view.answer && action === 'answer' ? view.answer : action === 'decline' ? (view.declineReason ?? '') : (view.acceptNote ?? '')).slice(0, 300),
      link: '/help-requests',
      dedupeKey: `help-request:${view.id}:${action}`,
    });
  }

  /** A request the caller belongs to either side of; 404 for everyone else. */
  private async loadVisible(user: CurrentUser, id: string): Promise<HelpRequestDoc> {
    const request = await this.deps.requests.findById(toObjectId(id, 'help request')).lean<HelpRequestDoc>();
    if (!request || (roleIn(user, String(request.smeOrganizationId)) === null && roleIn(user, String(request.intermediaryOrganizationId)) === null)) {
      throw new HttpError(404, 'not_found', `No help request with id ${id}.`);
    }
    return request;
  }

  /** Views with both organizations' names (one lookup per organization on the page). */
  private async views(docs: HelpRequestDoc[]): Promise<HelpRequestView[]> {
    const ids = [...new Set(docs.flatMap((doc) => [String(doc.smeOrganizationId), String(doc.intermediaryOrganizationId)]))];
    const names = new Map(await Promise.all(ids.map(async (id) => [id, await this.nameOf(id)] as const)));
    return docs.map((doc) => toHelpRequestView(doc, names));
  }

  private async nameOf(id: string): Promise<string> {
    try {
      return (await this.deps.organizations.load(id)).name;
    } catch {
      return 'a deleted organization';
    }
  }
}

/** The document field an action's text is stored in (accept's note, decline's reason, the answer). */
function textOf(action: HelpRequestAction, text: ActionText): { field: string; value: string } | null {
  const fields = { accept: ['note', 'acceptNote'], decline: ['reason', 'declineReason'], answer: ['answer', 'answer'], close: null } as const;
  const mapping = fields[action];
  if (!mapping) return null;
  const value = (text as Record<string, string | undefined>)[mapping[0]]?.trim();
  return value ? { field: mapping[1], value } : null;
}

export function toHelpRequestView(doc: HelpRequestDoc, names: Map<string, string>): HelpRequestView {
  const view: HelpRequestView = {
    id: String(doc._id),
    status: doc.status,
    smeOrganizationId: String(doc.smeOrganizationId),
    smeName: names.get(String(doc.smeOrganizationId)) ?? '',
    intermediaryOrganizationId: String(doc.intermediaryOrganizationId),
    intermediaryName: names.get(String(doc.intermediaryOrganizationId)) ?? '',
    needId: String(doc.needId),
    needTitle: doc.needTitle,
    needProblem: doc.needProblem,
    message: doc.message,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.acceptNote) view.acceptNote = doc.acceptNote;
  if (doc.declineReason) view.declineReason = doc.declineReason;
  if (doc.answer) view.answer = doc.answer;
  if (doc.respondedAt) view.respondedAt = doc.respondedAt.toISOString();
  if (doc.closedAt) view.closedAt = doc.closedAt.toISOString();
  return view;
}
