// Events API types, derived from the server's TypeBox schemas (`import type` only: nothing of the
// server reaches the browser bundle).
import type { Static } from '@sinclair/typebox';
import type {
  CreateEventBody as CreateEventSchema,
  EventSummary as EventSummarySchema,
  EventView as EventViewSchema,
  SessionBody as SessionBodySchema,
  UpdateEventBody as UpdateEventSchema,
  UpdateSessionBody as UpdateSessionSchema,
} from '../../../server/modules/events/schema';
import type {
  AgendaView as AgendaSchema,
  DashboardView as DashboardSchema,
  MeetingView as MeetingSchema,
  RatingBody as RatingSchema,
  RecommendationView as RecommendationSchema,
  RegisterBody as RegisterSchema,
  RegistrationView as RegistrationSchema,
  RescheduleBody as RescheduleSchema,
  UpdateRegistrationBody as UpdateRegistrationSchema,
} from '../../../server/modules/events/participation-schema';
import type { ScheduleView as ScheduleSchema } from '../../../server/modules/events/schedule-schema';

export type EventView = Static<typeof EventViewSchema>;
export type EventSummary = Static<typeof EventSummarySchema>;
export type EventType = EventView['type'];
export type AcceptMode = EventView['acceptMode'];
export type EventGroup = EventView['groups'][number];
export type MeetingRule = EventView['meetingRules'][number];
export type SessionView = EventView['sessions'][number];
export type SlotView = SessionView['slots'][number];
export type CreateEventBody = Static<typeof CreateEventSchema>;
export type UpdateEventBody = Static<typeof UpdateEventSchema>;
export type SessionBody = Static<typeof SessionBodySchema>;
export type UpdateSessionBody = Static<typeof UpdateSessionSchema>;
export type RegisterBody = Static<typeof RegisterSchema>;
export type UpdateRegistrationBody = Static<typeof UpdateRegistrationSchema>;
export type RegistrationView = Static<typeof RegistrationSchema>;
export type RecommendationView = Static<typeof RecommendationSchema>;
export type MeetingView = Static<typeof MeetingSchema>;
export type MeetingStatus = MeetingView['status'];
export type MeetingSide = MeetingView['requester'];
export type MeetingOutcome = MeetingView['ratings'][number]['outcome'];
export type RatingBody = Static<typeof RatingSchema>;
export type RescheduleBody = Static<typeof RescheduleSchema>;
export type AgendaView = Static<typeof AgendaSchema>;
export type DashboardView = Static<typeof DashboardSchema>;

/** The scheduler's state (GET /api/events/:id/schedule): progress, counts, upper bound, reasons. */
export type ScheduleView = Static<typeof ScheduleSchema>;
