import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';

export const FEEDBACK_STATUSES = ['saved', 'dismissed', 'contacted'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * One document per (need, output) pair, written by the match workers. A pair exists while it is
 * among the need's top K outputs (`fromNeed`) or the output's top K needs (`fromOutput`), so each
 * side sees it; the score is the same whichever side computed it.
 */
const matchSchema = new Schema(
  {
    needId: { type: Schema.Types.ObjectId, required: true },
    outputId: { type: Schema.Types.ObjectId, required: true },
    needOrganizationId: { type: Schema.Types.ObjectId, required: true },
    outputOrganizationId: { type: Schema.Types.ObjectId, required: true },
    score: { type: Number, required: true },
    /** The matching library's MatchExplanation: shared words and structured signals. */
    explanation: { type: Schema.Types.Mixed, required: true },
    fromNeed: { type: Boolean, default: false },
    fromOutput: { type: Boolean, default: false },
    computedAt: { type: Date, required: true },
  },
  { minimize: false },
);
matchSchema.index({ needId: 1, outputId: 1 }, { unique: true });
matchSchema.index({ needId: 1, score: -1 });
matchSchema.index({ outputId: 1, score: -1 });

export type MatchDoc = InferSchemaType<typeof matchSchema> & { _id: Types.ObjectId };
export type MatchModel = Model<InferSchemaType<typeof matchSchema>>;

export function matchModel(connection: Connection): MatchModel {
  return (connection.models['Match'] as MatchModel | undefined) ?? connection.model('Match', matchSchema);
}

/** A user's own verdict on a match; one per user and match. */
const feedbackSchema = new Schema(
  {
    matchId: { type: Schema.Types.ObjectId, required: true },
    needId: { type: Schema.Types.ObjectId, required: true },
    outputId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: FEEDBACK_STATUSES, required: true },
    /** The match's rank for that side when the feedback was given, for precision at k. */
    rank: { type: Number, required: true },
  },
  { timestamps: true },
);
feedbackSchema.index({ matchId: 1, userId: 1 }, { unique: true });
feedbackSchema.index({ userId: 1 });

export type FeedbackDoc = InferSchemaType<typeof feedbackSchema> & { _id: Types.ObjectId };
export type FeedbackModel = Model<InferSchemaType<typeof feedbackSchema>>;

export function feedbackModel(connection: Connection): FeedbackModel {
  return (connection.models['MatchFeedback'] as FeedbackModel | undefined) ?? connection.model('MatchFeedback', feedbackSchema);
}
