import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';

// Flat documents with the answers and the report as compact JSON strings: FerretDB converts nested
// documents slowly and only looks up `_id` efficiently (see README), and neither is ever queried
// by its inside — the engine reads them whole.

/** The one diagnostic in progress per organization: `_id` IS the organization id. */
const draftSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    questionnaireVersion: { type: String, required: true },
    answersJson: { type: String, required: true, default: '{}' },
    /** Bumped on every save; a save or submit naming an older revision is a 409 (two people editing). */
    revision: { type: Number, required: true, default: 1 },
    updatedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true },
);

export type DiagnosticDraftDoc = InferSchemaType<typeof draftSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type DiagnosticDraftModel = Model<InferSchemaType<typeof draftSchema>>;

export function diagnosticDraftModel(connection: Connection): DiagnosticDraftModel {
  return (connection.models['DiagnosticDraft'] as DiagnosticDraftModel | undefined) ?? connection.model('DiagnosticDraft', draftSchema);
}

/** A submitted diagnostic: the answers and the report the engine made of them, never changed afterwards. */
const reportSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    questionnaireVersion: { type: String, required: true },
    answersJson: { type: String, required: true },
    reportJson: { type: String, required: true },
    submittedBy: { type: Schema.Types.ObjectId, required: true },
    submittedByName: { type: String, required: true },
    // Counts for the history list, so it need not parse every report.
    assetCount: { type: Number, required: true },
    riskCount: { type: Number, required: true },
    highRiskCount: { type: Number, required: true },
    recommendationCount: { type: Number, required: true },
    highPriorityCount: { type: Number, required: true },
  },
  { timestamps: true },
);
reportSchema.index({ organizationId: 1, _id: -1 });

export type DiagnosticReportDoc = InferSchemaType<typeof reportSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type DiagnosticReportModel = Model<InferSchemaType<typeof reportSchema>>;

export function diagnosticReportModel(connection: Connection): DiagnosticReportModel {
  return (connection.models['DiagnosticReport'] as DiagnosticReportModel | undefined) ?? connection.model('DiagnosticReport', reportSchema);
}
