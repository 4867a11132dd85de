import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';

export const ACCESS_REQUEST_STATUSES = ['pending', 'granted', 'refused'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

const accessRequestSchema = new Schema(
  {
    outputId: { type: Schema.Types.ObjectId, required: true },
    /**
     * Both organizations are kept on the request: the owner decides, the requester reads after a
     * grant, and the live-chat issue will open one private room per granted request between them.
     */
    ownerOrganizationId: { type: Schema.Types.ObjectId, required: true },
    requestingOrganizationId: { type: Schema.Types.ObjectId, required: true },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    // Who asked, as they were when they asked: the decision mail goes to this address.
    requesterName: { type: String, required: true },
    requesterEmail: { type: String, required: true },
    message: { type: String, required: true },
    status: { type: String, enum: ACCESS_REQUEST_STATUSES, required: true, default: 'pending' },
    decidedBy: { type: Schema.Types.ObjectId },
    decidedAt: { type: Date },
    reason: { type: String },
    /**
     * `<outputId>:<requestingOrganizationId>` while the request is open (pending or granted), unique:
     * one open request per SME and output, even under concurrent clicks. A refusal appends the
     * request id, which frees the key for a new request. (FerretDB 1.x has no partial indexes.)
     */
    openKey: { type: String, required: true, unique: true },
  },
  { timestamps: true },
);
accessRequestSchema.index({ ownerOrganizationId: 1, _id: -1 });
accessRequestSchema.index({ requestingOrganizationId: 1, _id: -1 });
accessRequestSchema.index({ outputId: 1, status: 1 });

export type AccessRequestDoc = InferSchemaType<typeof accessRequestSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type AccessRequestModel = Model<InferSchemaType<typeof accessRequestSchema>>;

export function accessRequestModel(connection: Connection): AccessRequestModel {
  return (connection.models['AccessRequest'] as AccessRequestModel | undefined) ?? connection.model('AccessRequest', accessRequestSchema);
}

export const AUDIT_ACTIONS = ['read', 'grant', 'refuse'] as const;
export const READ_VIA = ['owner', 'grant'] as const;

/**
 * The confidential-access audit log: every read of an output's confidential details and every
 * decision on an access request. Append-only; names are copied so the entry stays true later.
 */
const accessAuditSchema = new Schema({
  outputId: { type: Schema.Types.ObjectId, required: true },
  ownerOrganizationId: { type: Schema.Types.ObjectId, required: true },
  action: { type: String, enum: AUDIT_ACTIONS, required: true },
  /** The reader (read) or the owner admin who decided (grant, refuse). */
  userId: { type: Schema.Types.ObjectId, required: true },
  userName: { type: String, required: true },
  /** The organization the user acted for: the reader's, or the owner for decisions. */
  organizationId: { type: Schema.Types.ObjectId, required: true },
  /** Reads only: whether the reader belongs to the owner or reads under a granted request. */
  via: { type: String, enum: READ_VIA },
  /** Decisions and reads under a grant: the request concerned and the SME that made it. */
  accessRequestId: { type: Schema.Types.ObjectId },
  requestingOrganizationId: { type: Schema.Types.ObjectId },
  at: { type: Date, required: true, default: () => new Date() },
});
accessAuditSchema.index({ outputId: 1, _id: -1 });

export type AccessAuditDoc = InferSchemaType<typeof accessAuditSchema> & { _id: Types.ObjectId };
export type AccessAuditModel = Model<InferSchemaType<typeof accessAuditSchema>>;

export function accessAuditModel(connection: Connection): AccessAuditModel {
  return (connection.models['AccessAuditEntry'] as AccessAuditModel | undefined) ?? connection.model('AccessAuditEntry', accessAuditSchema);
}
