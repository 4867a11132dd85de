import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { COLLABORATION_TYPES, LANGUAGES, SECTORS } from '../../../matching/taxonomy';
import { LISTING_STATUSES } from '../research-outputs/listing';

export const BUDGET_BANDS = ['under_25k', '25k_100k', '100k_500k', 'over_500k'] as const;
export const TIMELINES = ['under_3_months', '3_to_12_months', 'over_12_months'] as const;
/** A need an intermediary drafted for an SME waits for an SME admin's consent before it is published. */
export const CONSENT_STATES = ['pending', 'given', 'refused'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

const needSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    /** The owning SME's country, copied at creation: FerretDB has no $lookup to filter by it. */
    country: { type: String, required: true, uppercase: true },
    status: { type: String, enum: LISTING_STATUSES, required: true, default: 'draft' },
    title: { type: String, required: true, trim: true },
    problem: { type: String, required: true, trim: true },
    desiredOutcome: { type: String, required: true, trim: true },
    /** Language of the text (detected, or corrected by the owner); absent on needs older than it. */
    language: { type: String, enum: LANGUAGES },
    /** NACE Rev. 2 sections; the first is the main sector. */
    sectors: { type: [{ type: String, enum: SECTORS }], default: [] },
    minTrl: { type: Number, required: true, min: 1, max: 9 },
    collaborationTypes: { type: [{ type: String, enum: COLLABORATION_TYPES }], default: [] },
    budgetBand: { type: String, enum: BUDGET_BANDS, required: true },
    timeline: { type: String, enum: TIMELINES, required: true },
    publishedAt: { type: Date },
    /** Set when an intermediary drafted this need on the SME's behalf (issue 9); absent for the SME's own. */
    postedByOrganizationId: { type: Schema.Types.ObjectId },
    /** On-behalf needs only: the owning SME's decision; only `given` lets the need be published. */
    consent: { type: String, enum: CONSENT_STATES },
    consentDecidedBy: { type: Schema.Types.ObjectId },
    consentDecidedAt: { type: Date },
    consentNote: { type: String, trim: true },
  },
  { timestamps: true },
);
needSchema.index({ status: 1, _id: -1 });
needSchema.index({ organizationId: 1, _id: -1 });

export type NeedDoc = InferSchemaType<typeof needSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type NeedModel = Model<InferSchemaType<typeof needSchema>>;

export function needModel(connection: Connection): NeedModel {
  return (connection.models['Need'] as NeedModel | undefined) ?? connection.model('Need', needSchema);
}
