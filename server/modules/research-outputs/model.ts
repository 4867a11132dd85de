import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { COLLABORATION_TYPES, IP_STATUSES, LANGUAGES, RESEARCH_FIELDS, SECTORS } from '../../../matching/taxonomy';
import { LISTING_STATUSES } from './listing';

const researchOutputSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    /** The owning organization's country, copied at creation: FerretDB has no $lookup to filter by it. */
    country: { type: String, required: true, uppercase: true },
    status: { type: String, enum: LISTING_STATUSES, required: true, default: 'draft' },
    title: { type: String, required: true, trim: true },
    summary: { type: String, required: true, trim: true },
    /** Language of the public text (detected, or corrected by the owner); absent on older outputs. */
    language: { type: String, enum: LANGUAGES },
    /**
     * Never loaded unless asked for (`select: false`): only the confidential-access path selects it,
     * so a list or get query cannot carry it into a response by accident.
     */
    confidentialDetails: { type: String, default: '', select: false },
    fields: { type: [{ type: String, enum: RESEARCH_FIELDS }], default: [] },
    sectors: { type: [{ type: String, enum: SECTORS }], default: [] },
    trl: { type: Number, required: true, min: 1, max: 9 },
    ipStatus: { type: String, enum: IP_STATUSES, required: true },
    patentNumber: { type: String, trim: true },
    collaborationTypes: { type: [{ type: String, enum: COLLABORATION_TYPES }], default: [] },
    governmentFunded: { type: Boolean, required: true, default: false },
    fundingProgramme: { type: String, trim: true },
    publishedAt: { type: Date },
  },
  { timestamps: true },
);
researchOutputSchema.index({ status: 1, _id: -1 });
researchOutputSchema.index({ organizationId: 1, _id: -1 });

export type ResearchOutputDoc = InferSchemaType<typeof researchOutputSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type ResearchOutputModel = Model<InferSchemaType<typeof researchOutputSchema>>;

export function researchOutputModel(connection: Connection): ResearchOutputModel {
  return (
    (connection.models['ResearchOutput'] as ResearchOutputModel | undefined) ?? connection.model('ResearchOutput', researchOutputSchema)
  );
}
