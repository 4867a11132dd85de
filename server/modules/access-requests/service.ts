import { HttpError } from '../../plugins/errors';
import { requireCleared } from '../organizations/verification';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole, roleIn } from '../accounts/current-user';
import type { Mailer } from '../mail/mailer';
import type { OrganizationDoc } from '../organizations/model';
import type { OrganizationService } from '../organizations/service';
import { cursorFilter, toPage } from '../research-outputs/listing';
import type { ResearchOutputService } from '../research-outputs/service';
import { parseObjectId, toObjectId } from '../shared/ids';
import type { AccessAuditLog } from './audit-log';
import type { AccessRequestDoc, AccessRequestModel } from './model';
import { decisionMail, newRequestMail } from './notifications';
import type { AccessRequestListQuery, AccessRequestView, CreateAccessRequestBody } from './schema';

export interface AccessRequestServiceDeps {
  requests: AccessRequestModel;
  outputs: ResearchOutputService;
  organizations: OrganizationService;
  audit: AccessAuditLog;
  mailer: Mailer;
  publicUrl: string;
}

/**
 * The service itself as a principal, used only to read an owner organization's member list to
 * address notification mails (OrganizationService.members lets platform-level readers do that).
 * Never returned to a client, never used for a decision.
 */
const NOTIFIER: CurrentUser = { id: '000000000000000000000000', email: 'notifier@matchbridge.invalid', name: 'Matchbridge', platformAdmin: true, memberships: [] };

/** The NDA gate: SMEs ask to read an output's confidential details; the owner's admins decide. */
export class AccessRequestService {
  constructor(private readonly deps: AccessRequestServiceDeps) {}

  async request(user: CurrentUser, outputId: string, body: CreateAccessRequestBody): Promise<AccessRequestView> {
    const output = await this.deps.outputs.loadVisible(user, outputId);
    const ownerOrganizationId = String(output.organizationId);
    if (roleIn(user, ownerOrganizationId)) {
      throw new HttpError(409, 'already_has_access', 'Your organization owns this output: read its details at /confidential, no request needed.');
    }
    requireCleared(await this.deps.organizations.load(ownerOrganizationId), 'receive access requests');
    const requester = await this.requestingSme(user, body.organizationId);
    try {
      const created = await this.deps.requests.create({
        outputId: output._id,
        ownerOrganizationId: output.organizationId,
        requestingOrganizationId: requester._id,
        requestedBy: toObjectId(user.id),
        requesterName: user.name,
        requesterEmail: user.email,
        message: body.message,
        openKey: `${outputId}:${String(requester._id)}`,
      });
      const admins = (await this.deps.organizations.members(NOTIFIER, ownerOrganizationId)).filter((m) => m.role === 'admin');
      const mail = newRequestMail(output.title, requester.name, user.name, body.message, this.deps.publicUrl);
      for (const admin of admins) await this.deps.mailer.send({ to: admin.email, ...mail });
      return (await this.views([created.toObject() as AccessRequestDoc]))[0]!;
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new HttpError(409, 'request_exists', `${requester.name} already has a pending or granted request for this output.`);
      }
      throw error;
    }
  }

  /** Incoming: requests for outputs the caller's organizations own. Outgoing: their organizations' requests. */
  async list(user: CurrentUser, query: AccessRequestListQuery): Promise<{ items: AccessRequestView[]; next: string | null }> {
    const limit = query.limit ?? 20;
    const organizationIds = user.memberships.map((m) => toObjectId(m.organizationId));
    const side = query.direction === 'incoming' ? 'ownerOrganizationId' : 'requestingOrganizationId';
    const filter: Record<string, unknown> = { [side]: { $in: organizationIds }, ...cursorFilter(query.cursor) };
    if (query.status) filter['status'] = query.status;
    const docs = await this.deps.requests.find(filter).sort({ _id: -1 }).limit(limit + 1).lean<AccessRequestDoc[]>();
    const page = toPage(docs, limit, (doc) => doc);
    return { items: await this.views(page.items), next: page.next };
  }

  /**
   * The owner and requesting organizations of a granted request, or null (unknown id, pending,
   * refused or revoked): who may talk in the request's private chat room. Reads by `_id` only.
   */
  async grantedParties(id: string): Promise<[string, string] | null> {
    const objectId = parseObjectId(id);
    if (!objectId) return null;
    const request = await this.deps.requests.findById(objectId).lean<AccessRequestDoc>();
    if (!request || request.status !== 'granted') return null;
    return [String(request.ownerOrganizationId), String(request.requestingOrganizationId)];
  }

  /** Grant or refuse: only an ADMIN of the owning organization, and only while the request is pending. */
  async decide(user: CurrentUser, id: string, decision: 'grant' | 'refuse', reason?: string): Promise<AccessRequestView> {
    const request = await this.deps.requests.findById(toObjectId(id, 'access request')).lean<AccessRequestDoc>();
    if (!request) throw new HttpError(404, 'not_found', `No access request with id ${id}.`);
    requireOrgRole(user, String(request.ownerOrganizationId), 'admin');
    const set: Record<string, unknown> = { status: decision === 'grant' ? 'granted' : 'refused', decidedBy: toObjectId(user.id), decidedAt: new Date() };
    if (decision === 'refuse') {
      set['openKey'] = `${request.openKey}:refused:${id}`;
      if (reason) set['reason'] = reason;
    }
    const decided = await this.deps.requests
      .findOneAndUpdate({ _id: request._id, status: 'pending' }, { $set: set }, { returnDocument: 'after' })
      .lean<AccessRequestDoc>();
    if (!decided) throw new HttpError(409, 'already_decided', `This request was already ${request.status}; decisions are final.`);
    await this.deps.audit.record({
      outputId: String(request.outputId),
      ownerOrganizationId: String(request.ownerOrganizationId),
      action: decision,
      userId: user.id,
      userName: user.name,
      organizationId: String(request.ownerOrganizationId),
      accessRequestId: id,
      requestingOrganizationId: String(request.requestingOrganizationId),
    });
    const [view] = await this.views([decided]);
    await this.deps.mailer.send({ to: request.requesterEmail, ...decisionMail(view!, this.deps.publicUrl) });
    return view!;
  }

  /** The caller's SME holding a granted request for the output, if any: its members may read the details. */
  async grantFor(user: CurrentUser, outputId: string): Promise<AccessRequestDoc | null> {
    const organizationIds = user.memberships.map((m) => toObjectId(m.organizationId));
    if (organizationIds.length === 0) return null;
    return this.deps.requests
      .findOne({ outputId: toObjectId(outputId), status: 'granted', requestingOrganizationId: { $in: organizationIds } })
      .lean<AccessRequestDoc>();
  }

  /** The SME the caller asks for: the one named, or their only SME. */
  private async requestingSme(user: CurrentUser, organizationId: string | undefined): Promise<OrganizationDoc> {
    if (organizationId) {
      requireOrgRole(user, organizationId);
      const organization = await this.deps.organizations.load(organizationId);
      if (organization.kind !== 'sme') throw onlySmes();
      return organization;
    }
    const mine = await Promise.all(user.memberships.map((m) => this.deps.organizations.load(m.organizationId).catch(() => null)));
    const smes = mine.filter((o): o is OrganizationDoc => o?.kind === 'sme');
    if (smes.length === 0) throw onlySmes();
    if (smes.length > 1) {
      throw new HttpError(400, 'validation_failed', 'You belong to several SMEs: say which one asks with organizationId.', [
        { field: 'organizationId', message: 'is required when you belong to several SMEs' },
      ]);
    }
    return smes[0]!;
  }

  /** Adds output titles and organization names (no $lookup on FerretDB: joined here). */
  private async views(docs: AccessRequestDoc[]): Promise<AccessRequestView[]> {
    const titles = await this.deps.outputs.titles([...new Set(docs.map((d) => String(d.outputId)))]);
    const orgIds = [...new Set(docs.flatMap((d) => [String(d.ownerOrganizationId), String(d.requestingOrganizationId)]))];
    const names = new Map(
      await Promise.all(orgIds.map(async (orgId) => [orgId, await this.deps.organizations.load(orgId).then((o) => o.name, () => '(deleted organization)')] as const)),
    );
    return docs.map((doc) => {
      const view: AccessRequestView = {
        id: String(doc._id),
        outputId: String(doc.outputId),
        outputTitle: titles.get(String(doc.outputId)) ?? '(deleted output)',
        ownerOrganizationId: String(doc.ownerOrganizationId),
        ownerOrganizationName: names.get(String(doc.ownerOrganizationId)) ?? '',
        requestingOrganizationId: String(doc.requestingOrganizationId),
        requestingOrganizationName: names.get(String(doc.requestingOrganizationId)) ?? '',
        requestedBy: { id: String(doc.requestedBy), name: doc.requesterName },
        message: doc.message,
        status: doc.status,
        createdAt: doc.createdAt.toISOString(),
      };
      if (doc.reason) view.reason = doc.reason;
      if (doc.decidedAt) view.decidedAt = doc.decidedAt.toISOString();
      return view;
    });
  }
}

function onlySmes(): HttpError {
  return new HttpError(403, 'forbidden', 'Only members of an SME can ask for confidential details.');
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
