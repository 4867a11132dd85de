import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from '../shared/schema';
import { SCHEDULE_STATUSES } from './model';
import { SCHEDULE_MODES } from './schedule-model';
import { UNPLACED_REASONS } from './scheduling';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });

export const ScheduleBody = Type.Object(
  {
    mode: StringEnum(SCHEDULE_MODES, {
      description: "'all' re-plans every meeting except locked ones; 'unscheduled' places only meetings without a slot and keeps (and locks) the placed ones",
    }),
  },
  { additionalProperties: false },
);
export type ScheduleBody = Static<typeof ScheduleBody>;

export const ScheduleStarted = Type.Object({ jobId: Type.String({ description: 'the BullMQ job; follow it with GET /api/events/:id/schedule' }) });

export const ScheduleView = Type.Object({
  status: StringEnum(SCHEDULE_STATUSES, { description: 'none → running → draft → published (a new run makes a new draft)' }),
  jobId: Nullable(Type.String()),
  mode: Type.Union([StringEnum(SCHEDULE_MODES), Type.Null()]),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'percent of the running job; 100 once a draft is written' }),
  placed: Count,
  unplaced: Count,
  kept: Type.Integer({ minimum: 0, description: 'placements the run kept where they were (locked, or already placed in mode unscheduled)' }),
  upperBound: Type.Union([Count, Type.Null()], { description: 'no schedule can place more accepted meetings than this' }),
  unplacedReasons: Type.Array(Type.Object({ reason: StringEnum(UNPLACED_REASONS), count: Count })),
  unplacedMeetings: Type.Array(Type.Object({ meetingId: Type.String(), reason: StringEnum(UNPLACED_REASONS) })),
  droppedPlacements: Type.Array(Type.Object({ meetingId: Type.String(), problem: Type.String() }), { description: 'kept placements that no longer stood and were re-planned' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Count,
  error: Nullable(Type.String({ description: 'why the last run failed' })),
});
export type ScheduleView = Static<typeof ScheduleView>;
