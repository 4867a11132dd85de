import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { SECTORS } from '../../../matching/taxonomy';
import { ORG_ROLES } from '../accounts/model';
import { SIZE_CLASSES } from './size-class';
import { VERIFICATION_STATUSES } from './verification';

export const ORGANIZATION_KINDS = ['university', 'sme', 'intermediary', 'government', 'organizer'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

const organizationSchema = new Schema(
  {
    kind: { type: String, enum: ORGANIZATION_KINDS, required: true },
    name: { type: String, required: true, trim: true },
    country: { type: String, required: true, uppercase: true },
    region: { type: String, default: '' },
    sectors: { type: [{ type: String, enum: SECTORS }], default: [] },
    website: { type: String, default: '' },
    description: { type: String, default: '' },
    // SMEs only; the size class is derived from these on every write, never typed in.
    headcount: { type: Number },
    annualTurnoverEur: { type: Number },
    sizeClass: { type: String, enum: SIZE_CLASSES },
    /** See verification.ts; absent on organizations stored before verification existed. */
    verificationStatus: { type: String, enum: VERIFICATION_STATUSES },
    /** What the organization offers a platform admin to check: its official web domain and a contact. */
    evidence: {
      webDomain: { type: String, default: '' },
      contact: { type: String, default: '' },
    },
    verificationNote: { type: String, default: '' },
    verificationDecidedAt: { type: Date },
    verificationDecidedBy: { type: Schema.Types.ObjectId },
    /** The creator: their e-mail domain against the web domain is a hint in the admin queue. */
    createdBy: { type: Schema.Types.ObjectId },
    /** Country and normalized name (verification.ts nameKeyOf); SMEs and rejected organizations hold none. */
    nameKey: { type: String },
  },
  { timestamps: true },
);
organizationSchema.index({ kind: 1, _id: -1 });
// Sparse, not partial: FerretDB 1.x implements `sparse` but not `partialFilterExpression`.
organizationSchema.index({ nameKey: 1 }, { unique: true, sparse: true });

export type OrganizationDoc = InferSchemaType<typeof organizationSchema> & { _id: Types.ObjectId };
export type OrganizationModel = Model<InferSchemaType<typeof organizationSchema>>;

export function organizationModel(connection: Connection): OrganizationModel {
  return (connection.models['Organization'] as OrganizationModel | undefined) ?? connection.model('Organization', organizationSchema);
}

const invitationSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true, index: true },
    email: { type: String, required: true, lowercase: true },
    role: { type: String, enum: ORG_ROLES, required: true },
    /** SHA-256 of the token sent by mail; the token itself is never stored. */
    tokenHash: { type: String, required: true, unique: true },
    invitedBy: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date },
  },
  { timestamps: true },
);

export type InvitationDoc = InferSchemaType<typeof invitationSchema> & { _id: Types.ObjectId };
export type InvitationModel = Model<InferSchemaType<typeof invitationSchema>>;

export function invitationModel(connection: Connection): InvitationModel {
  return (connection.models['Invitation'] as InvitationModel | undefined) ?? connection.model('Invitation', invitationSchema);
}
