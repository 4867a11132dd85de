import { cursorFilter, toPage } from '../research-outputs/listing';
import { toObjectId } from '../shared/ids';
import type { AccessAuditDoc, AccessAuditModel } from './model';
import type { AuditEntryView } from './schema';

export interface AuditEntry {
  outputId: string;
  ownerOrganizationId: string;
  action: 'read' | 'grant' | 'refuse';
  userId: string;
  userName: string;
  organizationId: string;
  via?: 'owner' | 'grant';
  accessRequestId?: string;
  requestingOrganizationId?: string;
}

/** Append-only log of confidential reads and access decisions, per output. */
export class AccessAuditLog {
  constructor(private readonly entries: AccessAuditModel) {}

  async record(entry: AuditEntry): Promise<Date> {
    const created = await this.entries.create({
      ...entry,
      outputId: toObjectId(entry.outputId),
      ownerOrganizationId: toObjectId(entry.ownerOrganizationId),
      userId: toObjectId(entry.userId),
      organizationId: toObjectId(entry.organizationId),
      accessRequestId: entry.accessRequestId ? toObjectId(entry.accessRequestId) : undefined,
      requestingOrganizationId: entry.requestingOrganizationId ? toObjectId(entry.requestingOrganizationId) : undefined,
    });
    return created.at;
  }

  /** Newest first. Callers check that the reader may see the output's log. */
  async list(outputId: string, query: { limit?: number; cursor?: string }): Promise<{ items: AuditEntryView[]; next: string | null }> {
    const limit = query.limit ?? 20;
    const docs = await this.entries
      .find({ outputId: toObjectId(outputId), ...cursorFilter(query.cursor) })
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<AccessAuditDoc[]>();
    return toPage(docs, limit, toAuditEntryView);
  }
}

function toAuditEntryView(doc: AccessAuditDoc): AuditEntryView {
  const view: AuditEntryView = {
    id: String(doc._id),
    outputId: String(doc.outputId),
    action: doc.action,
    userId: String(doc.userId),
    userName: doc.userName,
    organizationId: String(doc.organizationId),
    at: doc.at.toISOString(),
  };
  if (doc.via) view.via = doc.via;
  if (doc.accessRequestId) view.accessRequestId = String(doc.accessRequestId);
  if (doc.requestingOrganizationId) view.requestingOrganizationId = String(doc.requestingOrganizationId);
  return view;
}
