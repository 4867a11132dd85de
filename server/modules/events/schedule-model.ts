import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { SCHEDULE_STATUSES } from './model';

export const SCHEDULE_MODES = ['all', 'unscheduled'] as const;
export const RUN_STATES = ['running', 'done', 'failed'] as const;

/**
 * The last scheduler run of an event, one document per event keyed by the event's _id (FerretDB
 * looks documents up efficiently by _id only). Event.scheduleState carries the status the rest of
 * the app reads; this carries the run's details: the upper bound, why meetings stayed unplaced
 * (compact JSON, like the match lists: large arrays of sub-documents are slow on FerretDB) and
 * the status to go back to when the run fails.
 */
const scheduleRunSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    jobId: { type: String, required: true },
    mode: { type: String, enum: SCHEDULE_MODES, required: true },
    state: { type: String, enum: RUN_STATES, default: 'running' },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    previousStatus: { type: String, enum: SCHEDULE_STATUSES, default: 'none' },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    placed: { type: Number, default: 0 },
    unplaced: { type: Number, default: 0 },
    kept: { type: Number, default: 0 },
    upperBound: { type: Number, default: null },
    /** JSON: { unplaced: [meetingId, reason][], dropped: [meetingId, problem][] }. */
    detailJson: { type: String, default: '{"unplaced":[],"dropped":[]}' },
    error: { type: String, default: null },
  },
  { timestamps: false, versionKey: false },
);

export type ScheduleRunDoc = InferSchemaType<typeof scheduleRunSchema> & { _id: Types.ObjectId };
export type ScheduleRunModel = Model<InferSchemaType<typeof scheduleRunSchema>>;

export function scheduleRunModel(connection: Connection): ScheduleRunModel {
  return (connection.models['ScheduleRun'] as ScheduleRunModel | undefined) ?? (connection.model('ScheduleRun', scheduleRunSchema, 'scheduleruns') as unknown as ScheduleRunModel);
}

export interface RunDetail {
  unplaced: [string, string][];
  dropped: [string, string][];
}
