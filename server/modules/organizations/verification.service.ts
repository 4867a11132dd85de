import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import type { UserDoc, UserModel } from '../accounts/model';
import type { Mailer } from '../mail/mailer';
import type { NewNotification } from '../notifications/service';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { toObjectId } from '../shared/ids';
import type { OrganizationDoc, OrganizationModel } from './model';
import type { VerificationDecisionBody, VerificationItem, VerificationQueueQuery } from './schema';
import { toOrganizationView } from './service';
import { emailDomainMatches, isUniqueViolation } from './verification';

export type VerificationDecision = 'verify' | 'reject';

export interface OrganizationVerificationDeps {
  organizations: OrganizationModel;
  users: UserModel;
  mailer: Mailer;
  publicUrl: string;
  notifyOrganization: (organizationId: string, notification: NewNotification) => Promise<number>;
}

/** The platform admins' verification queue: evidence, the e-mail-domain hint, and the decision. */
export class OrganizationVerificationService {
  constructor(private readonly deps: OrganizationVerificationDeps) {}

  /** Organizations in one state, oldest first for the pending queue (first come, first checked). */
  async queue(admin: CurrentUser, query: VerificationQueueQuery): Promise<{ items: VerificationItem[]; next: string | null }> {
    requireAdmin(admin);
    const status = query.status ?? 'pending';
    const limit = query.limit ?? 20;
    const oldestFirst = status === 'pending';
    const filter: Record<string, unknown> = { verificationStatus: status };
    if (query.cursor) filter['_id'] = { [oldestFirst ? '$gt' : '$lt']: toObjectId(decodeCursor<{ id: string }>(query.cursor, ['id']).id) };
    const docs = await this.deps.organizations.find(filter).sort({ _id: oldestFirst ? 1 : -1 }).limit(limit + 1).lean<OrganizationDoc[]>();
    const page = docs.slice(0, limit);
    const creators = await this.creators(page);
    const last = page.at(-1);
    return {
      items: page.map((doc) => toVerificationItem(doc, creators.get(String(doc.createdBy)) ?? null)),
      next: docs.length > limit && last ? encodeCursor({ id: String(last._id) }) : null,
    };
  }

  /**
   * Verifies or rejects a pending organization, then tells its members (in the app) and its admins
   * (by mail). Conditional on `pending`, so two admins deciding at once cannot both win.
   */
  async decide(admin: CurrentUser, id: string, decision: VerificationDecision, body: VerificationDecisionBody = {}): Promise<VerificationItem> {
    requireAdmin(admin);
    const current = await this.deps.organizations.findById(toObjectId(id, 'organization')).lean<OrganizationDoc>();
    if (!current) throw new HttpError(404, 'not_found', `No organization with id ${id}.`);
    if (current.verificationStatus !== 'pending') {
      throw new HttpError(409, 'already_decided', `${current.name} is not waiting for verification (it is ${current.verificationStatus ?? 'not subject to verification'}).`);
    }
    const note = body.note?.trim() ?? '';
    const set = { verificationStatus: decision === 'verify' ? 'verified' : 'rejected', verificationNote: note, verificationDecidedAt: new Date(), verificationDecidedBy: toObjectId(admin.id) };
    // A rejected organization gives its name back: the real institution may still sign up.
    const update = decision === 'verify' ? { $set: set } : { $set: set, $unset: { nameKey: 1 } };
    let updated: OrganizationDoc | null;
    try {
      updated = await this.deps.organizations.findOneAndUpdate({ _id: current._id, verificationStatus: 'pending' }, update, { returnDocument: 'after' }).lean<OrganizationDoc>();
    } catch (error) {
      // Only an organization stored without a key (older data) can collide here.
      if (!isUniqueViolation(error)) throw error;
      throw new HttpError(409, 'name_taken', `Another organization in ${current.country} already holds the name "${current.name}".`);
    }
    if (!updated) throw new HttpError(409, 'already_decided', `${current.name} was decided at the same moment by another administrator; reload the queue.`);
    await this.tell(updated, decision, note);
    const creators = await this.creators([updated]);
    return toVerificationItem(updated, creators.get(String(updated.createdBy)) ?? null);
  }

  private async tell(organization: OrganizationDoc, decision: VerificationDecision, note: string): Promise<void> {
    const id = String(organization._id);
    const verified = decision === 'verify';
    const title = verified ? `${organization.name} is verified` : `${organization.name} was not verified`;
    const body = verified
      ? 'A platform administrator checked your evidence: your organization can now publish, receive access requests, run events and appear in directories.'
      : `A platform administrator could not verify your organization${note ? `: ${note}` : '.'} Your drafts stay private. Reply to this mail or contact the platform team to try again.`;
    const link = `/organizations/${id}`;
    await this.deps.notifyOrganization(id, { type: 'organization_verification', title, body, link, dedupeKey: `verification:${id}:${decision}` });
    // FerretDB 1.x has no $elemMatch on sub-documents: select members, keep the admins here.
    const members = await this.deps.users.find({ 'memberships.organizationId': organization._id }, { email: 1, memberships: 1 }).lean<UserDoc[]>();
    const admins = members.filter((user) => user.memberships.some((m) => String(m.organizationId) === id && m.role === 'admin'));
    for (const user of admins) await this.deps.mailer.send({ to: user.email, subject: title, text: `${body}\n\n${this.deps.publicUrl}${link}` });
  }

  private async creators(docs: OrganizationDoc[]): Promise<Map<string, { name: string; email: string }>> {
    const ids = [...new Set(docs.map((doc) => doc.createdBy).filter((id) => id != null).map(String))];
    if (ids.length === 0) return new Map();
    const users = await this.deps.users.find({ _id: { $in: ids.map((id) => toObjectId(id)) } }, { name: 1, email: 1 }).lean<UserDoc[]>();
    return new Map(users.map((user) => [String(user._id), { name: user.name, email: user.email }]));
  }
}

function requireAdmin(user: CurrentUser): void {
  if (!user.platformAdmin) throw new HttpError(403, 'forbidden', 'Only platform administrators verify organizations.');
}

function toVerificationItem(doc: OrganizationDoc, creator: { name: string; email: string } | null): VerificationItem {
  const evidence = { webDomain: doc.evidence?.webDomain ?? '', contact: doc.evidence?.contact ?? '' };
  return {
    organization: toOrganizationView(doc),
    evidence,
    creator,
    emailDomainMatch: creator ? emailDomainMatches(creator.email, evidence.webDomain) : null,
    createdAt: (doc as { createdAt?: Date }).createdAt?.toISOString() ?? new Date(0).toISOString(),
    note: doc.verificationNote ?? '',
    decidedAt: doc.verificationDecidedAt?.toISOString() ?? null,
  };
}
