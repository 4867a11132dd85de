import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { HELP_REQUEST_STATUSES } from './help-request-rules';

/**
 * An SME's request to an intermediary for help with one of its needs. The need's title and problem
 * are copied in when the request is sent: the SME shares them with the intermediary at that moment,
 * even when the need is still a private draft, without opening the draft itself to them.
 */
const helpRequestSchema = new Schema(
  {
    smeOrganizationId: { type: Schema.Types.ObjectId, required: true },
    intermediaryOrganizationId: { type: Schema.Types.ObjectId, required: true },
    needId: { type: Schema.Types.ObjectId, required: true },
    needTitle: { type: String, required: true },
    needProblem: { type: String, required: true },
    message: { type: String, required: true, trim: true },
    status: { type: String, enum: HELP_REQUEST_STATUSES, required: true, default: 'open' },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    acceptNote: { type: String, trim: true },
    declineReason: { type: String, trim: true },
    answer: { type: String, trim: true },
    respondedBy: { type: Schema.Types.ObjectId },
    respondedAt: { type: Date },
    closedAt: { type: Date },
  },
  { timestamps: true },
);
helpRequestSchema.index({ intermediaryOrganizationId: 1, _id: -1 });
helpRequestSchema.index({ smeOrganizationId: 1, _id: -1 });

export type HelpRequestDoc = InferSchemaType<typeof helpRequestSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type HelpRequestModel = Model<InferSchemaType<typeof helpRequestSchema>>;

export function helpRequestModel(connection: Connection): HelpRequestModel {
  return (connection.models['HelpRequest'] as HelpRequestModel | undefined) ?? connection.model('HelpRequest', helpRequestSchema);
}
