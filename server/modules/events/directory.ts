import { Types } from 'mongoose';
import type { UserDoc, UserModel } from '../accounts/model';
import type { NeedModel } from '../needs/model';
import type { OrganizationDoc, OrganizationModel } from '../organizations/model';
import type { ResearchOutputModel } from '../research-outputs/model';

export interface DirectoryDeps {
  users: UserModel;
  organizations: OrganizationModel;
  needs: NeedModel;
  outputs: ResearchOutputModel;
}

export interface OrganizationInfo {
  name: string;
  kind: OrganizationDoc['kind'];
  country: string;
  sectors: string[];
}

export interface ListingInfo {
  title: string;
  organizationId: string;
  published: boolean;
}

const ids = (values: Iterable<unknown>) => [...new Set([...values].map(String))].map((id) => new Types.ObjectId(id));

/**
 * Batch look-ups of names and titles, one query per collection, so a list of meetings or
 * participants costs a fixed number of round trips (FerretDB has no $lookup).
 */
export class Directory {
  constructor(private readonly deps: DirectoryDeps) {}

  async userNames(userIds: Iterable<unknown>): Promise<Map<string, string>> {
    const docs = await this.deps.users.find({ _id: { $in: ids(userIds) } }, { name: 1 }).lean<UserDoc[]>();
    return new Map(docs.map((doc) => [String(doc._id), doc.name]));
  }

  async userEmails(userIds: Iterable<unknown>): Promise<Map<string, string>> {
    const docs = await this.deps.users.find({ _id: { $in: ids(userIds) } }, { email: 1 }).lean<UserDoc[]>();
    return new Map(docs.map((doc) => [String(doc._id), doc.email]));
  }

  async organizations(organizationIds: Iterable<unknown>): Promise<Map<string, OrganizationInfo>> {
    const docs = await this.deps.organizations.find({ _id: { $in: ids(organizationIds) } }).lean<OrganizationDoc[]>();
    return new Map(docs.map((doc) => [String(doc._id), { name: doc.name, kind: doc.kind, country: doc.country, sectors: doc.sectors ?? [] }]));
  }

  /** Needs and research outputs by id, in one map (ids never collide across collections). */
  async listings(needIds: Iterable<unknown>, outputIds: Iterable<unknown>): Promise<Map<string, ListingInfo>> {
    type Row = { _id: Types.ObjectId; title: string; organizationId: Types.ObjectId; status: string };
    const projection = { title: 1, organizationId: 1, status: 1 };
    const [needs, outputs] = await Promise.all([
      this.deps.needs.find({ _id: { $in: ids(needIds) } }, projection).lean<Row[]>(),
      this.deps.outputs.find({ _id: { $in: ids(outputIds) } }, projection).lean<Row[]>(),
    ]);
    return new Map(
      [...needs, ...outputs].map((doc) => [String(doc._id), { title: doc.title, organizationId: String(doc.organizationId), published: doc.status === 'published' }]),
    );
  }
}
