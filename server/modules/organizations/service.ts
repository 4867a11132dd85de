import { createHash, randomBytes } from 'node:crypto';
import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole } from '../accounts/current-user';
import type { OrgRole, UserDoc, UserModel } from '../accounts/model';
import type { Mailer } from '../mail/mailer';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { toObjectId } from '../shared/ids';
import type { InvitationModel, OrganizationDoc, OrganizationModel } from './model';
import type { CreateOrganizationBody, OrganizationListQuery, OrganizationView, UpdateOrganizationBody } from './schema';
import { SIZE_CLASS_DEFINITION, sizeClassOf } from './size-class';
import { initialVerification, isUniqueViolation, LISTED_FILTER, nameKeyOf } from './verification';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface OrganizationServiceDeps {
  organizations: OrganizationModel;
  invitations: InvitationModel;
  users: UserModel;
  mailer: Mailer;
  publicUrl: string;
}

/** Organizations, their members and invitations. */
export class OrganizationService {
  constructor(private readonly deps: OrganizationServiceDeps) {}

  /** The creator becomes the organization's first admin; kinds subject to verification start pending. */
  async create(user: CurrentUser, body: CreateOrganizationBody): Promise<OrganizationView> {
    const created = await this.insert(body, { createdBy: user.id });
    await this.addMember(created.id, user.id, 'admin');
    return created;
  }

  /**
   * Creates an organization without members (the seed script and `create` use it). The seed passes
   * `verified: true`: its organizations are the platform's own demo data.
   */
  async insert(body: CreateOrganizationBody, options: { createdBy?: string; verified?: boolean } = {}): Promise<OrganizationView> {
    const status = initialVerification(body.kind);
    const fields = {
      ...body,
      ...this.sizeFields(body.kind, body),
      verificationStatus: options.verified && status === 'pending' ? 'verified' : status,
      nameKey: nameKeyOf(body.kind, body.country, body.name),
      ...(options.createdBy ? { createdBy: toObjectId(options.createdBy) } : {}),
    };
    try {
      return toOrganizationView((await this.deps.organizations.create(fields)).toObject() as OrganizationDoc);
    } catch (error) {
      throw nameTakenOr(error, body);
    }
  }

  async addMember(organizationId: string, userId: string, role: OrgRole): Promise<void> {
    await this.deps.users.updateOne(
      { _id: toObjectId(userId), 'memberships.organizationId': { $ne: toObjectId(organizationId) } },
      { $push: { memberships: { organizationId: toObjectId(organizationId), role } } },
    );
  }

  async get(id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.load(id));
  }

  /** Loads an organization document; 404 when it does not exist. For other services' checks. */
  async load(id: string): Promise<OrganizationDoc> {
    const organization = await this.deps.organizations.findById(toObjectId(id, 'organization')).lean<OrganizationDoc>();
    if (!organization) throw new HttpError(404, 'not_found', `No organization with id ${id}.`);
    return organization;
  }

  async kindOf(id: string): Promise<OrganizationDoc['kind']> {
    return (await this.load(id)).kind;
  }

  /** Public directory: verified organizations and SMEs, never pending or rejected ones. */
  async list(query: OrganizationListQuery): Promise<{ items: OrganizationView[]; next: string | null }> {
    const limit = query.limit ?? 20;
    const filter: Record<string, unknown> = {};
    if (query.kind) filter['kind'] = query.kind;
    if (query.country) filter['country'] = query.country.toUpperCase();
    if (query.sector) filter['sectors'] = query.sector;
    if (query.cursor) filter['_id'] = { $lt: toObjectId(decodeCursor<{ id: string }>(query.cursor, ['id']).id) };
    const docs = await this.deps.organizations.find({ ...filter, ...LISTED_FILTER }).sort({ _id: -1 }).limit(limit + 1).lean<OrganizationDoc[]>();
    const page = docs.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toOrganizationView),
      next: docs.length > limit && last ? encodeCursor({ id: String(last._id) }) : null,
    };
  }

  async update(user: CurrentUser, id: string, body: UpdateOrganizationBody): Promise<OrganizationView> {
    const current = await this.load(id);
    if (!user.platformAdmin) requireOrgRole(user, id, 'admin');
    const renamed = (body.name !== undefined && body.name !== current.name) || (body.country !== undefined && body.country.toUpperCase() !== current.country);
    if (renamed && current.verificationStatus === 'verified' && !user.platformAdmin) {
      // Otherwise a verified "Small Lab" could rename itself after an admin checked it.
      throw new HttpError(403, 'verified_name', 'The name and country of a verified organization are changed by a platform administrator; ask one.');
    }
    const merged = { ...current, ...body };
    const update: Record<string, unknown> = { ...body, ...this.sizeFields(current.kind, merged) };
    if (renamed && current.nameKey) update['nameKey'] = nameKeyOf(current.kind, merged.country, merged.name);
    try {
      const updated = await this.deps.organizations
        .findByIdAndUpdate(current._id, { $set: update }, { returnDocument: 'after', runValidators: true })
        .lean<OrganizationDoc>();
      if (!updated) throw new HttpError(404, 'not_found', `No organization with id ${id}.`);
      return toOrganizationView(updated);
    } catch (error) {
      throw nameTakenOr(error, merged);
    }
  }

  async members(user: CurrentUser, id: string) {
    await this.load(id);
    if (!user.platformAdmin) requireOrgRole(user, id);
    const users = await this.deps.users.find({ 'memberships.organizationId': toObjectId(id) }).lean<UserDoc[]>();
    return users.map((member) => ({
      userId: String(member._id),
      name: member.name,
      email: member.email,
      role: member.memberships.find((m) => String(m.organizationId) === id)?.role ?? 'member',
    }));
  }

  /** Ids of every member of an organization, for notifications. */
  async memberIds(id: string): Promise<string[]> {
    const users = await this.deps.users.find({ 'memberships.organizationId': toObjectId(id) }, { _id: 1 }).lean<UserDoc[]>();
    return users.map((user) => String(user._id));
  }

  async invite(user: CurrentUser, id: string, email: string, role: OrgRole) {
    const organization = await this.load(id);
    requireOrgRole(user, id, 'admin');
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.deps.invitations.create({
      organizationId: organization._id,
      email: email.toLowerCase(),
      role,
      tokenHash: hashToken(token),
      invitedBy: toObjectId(user.id),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await this.deps.mailer.send({
      to: email.toLowerCase(),
      subject: `${user.name} invites you to ${organization.name} on Matchbridge`,
      text: `${user.name} invites you to join ${organization.name} on Matchbridge as ${role === 'admin' ? 'an administrator' : 'a member'}.\n\nSign in or create an account with this e-mail address, then open:\n${this.deps.publicUrl}/invitations/accept?token=${token}\n\nThe invitation expires in 7 days.`,
    });
    return { id: String(invitation._id), email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
  }

  /** Adds the signed-in user to the organization; the invitation must be addressed to their e-mail. */
  async acceptInvitation(user: CurrentUser, token: string): Promise<OrganizationView> {
    const invitation = await this.deps.invitations.findOne({ tokenHash: hashToken(token) }).lean();
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) {
      throw new HttpError(400, 'invalid_token', 'This invitation is invalid, already used or expired. Ask for a new one.', { field: 'token' });
    }
    if (invitation.email !== user.email) {
      throw new HttpError(403, 'forbidden', `This invitation was sent to ${invitation.email}; sign in with that address to accept it.`);
    }
    const organizationId = String(invitation.organizationId);
    // Claim the invitation first so a double click cannot add the membership twice.
    const claimed = await this.deps.invitations.updateOne({ _id: invitation._id, acceptedAt: null }, { $set: { acceptedAt: new Date() } });
    if (claimed.modifiedCount === 1) await this.addMember(organizationId, user.id, invitation.role);
    return this.get(organizationId);
  }

  /** Size class and figures for SMEs; other kinds carry none. */
  private sizeFields(kind: string, figures: { headcount?: number | null; annualTurnoverEur?: number | null }) {
    if (kind !== 'sme') {
      if (figures.headcount != null || figures.annualTurnoverEur != null) {
        throw new HttpError(400, 'validation_failed', 'Only SMEs carry headcount and annual turnover.', {
          field: figures.headcount != null ? 'headcount' : 'annualTurnoverEur',
        });
      }
      return {};
    }
    if (figures.headcount == null || figures.annualTurnoverEur == null) {
      throw new HttpError(400, 'validation_failed', 'An SME needs its headcount and annual turnover to derive its size class.', {
        field: figures.headcount == null ? 'headcount' : 'annualTurnoverEur',
      });
    }
    return { sizeClass: sizeClassOf(figures.headcount, figures.annualTurnoverEur) };
  }
}

/** A unique-index refusal becomes 409 name_taken; anything else passes through. */
function nameTakenOr(error: unknown, organization: { name: string; country: string }): unknown {
  if (!isUniqueViolation(error)) return error;
  return new HttpError(409, 'name_taken', `An organization named "${organization.name}" already exists in ${organization.country.toUpperCase()} (names are compared without case and accents).`, {
    field: 'name',
  });
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toOrganizationView(doc: OrganizationDoc): OrganizationView {
  const view: OrganizationView = {
    id: String(doc._id),
    kind: doc.kind,
    name: doc.name,
    country: doc.country,
    region: doc.region ?? '',
    sectors: doc.sectors ?? [],
    website: doc.website ?? '',
    description: doc.description ?? '',
    verificationStatus: doc.verificationStatus ?? 'not_required',
  };
  if (doc.kind === 'sme') {
    if (doc.headcount != null) view.headcount = doc.headcount;
    if (doc.annualTurnoverEur != null) view.annualTurnoverEur = doc.annualTurnoverEur;
    if (doc.sizeClass) view.sizeClass = doc.sizeClass;
    view.sizeClassDefinition = SIZE_CLASS_DEFINITION;
  }
  return view;
}
