import { Type, type Static } from '@sinclair/typebox';
import { OrganizationKindSchema, SectorSchema } from '../organizations/schema';
import { HttpUrl, ObjectIdString, StringEnum } from '../shared/schema';
import { ACCEPT_MODES, EVENT_STATUSES, EVENT_TYPES, SCHEDULE_STATUSES, SLOT_MINUTES } from './model';
import { Line, LongText } from '../shared/text';

const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601 date and time (UTC or with offset)' });

export const GroupSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$', description: 'short lower-case key, e.g. smes' }),
    label: Line({ minLength: 1, maxLength: 80 }),
    organizationKinds: Type.Array(OrganizationKindSchema, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export const MeetingRuleSchema = Type.Object({ groupA: Type.String({ minLength: 1 }), groupB: Type.String({ minLength: 1 }) }, { additionalProperties: false });

const editableFields = {
  title: Line({ minLength: 3, maxLength: 200 }),
  description: LongText({ maxLength: 5000 }),
  type: StringEnum(EVENT_TYPES),
  venue: Line({ maxLength: 300 }),
  onlineUrl: Type.Union([Type.Literal(''), HttpUrl({ maxLength: 500 })]),
  timeZone: Line({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Tallinn' }),
  sectors: Type.Array(SectorSchema, { maxItems: 21, uniqueItems: true }),
  registrationOpensAt: DateTime,
  registrationClosesAt: DateTime,
  groups: Type.Array(GroupSchema, { minItems: 1, maxItems: 10 }),
  meetingRules: Type.Array(MeetingRuleSchema, { maxItems: 55 }),
  requestCapPerParticipant: Type.Integer({ minimum: 1, maximum: 500 }),
  requestExpiryHours: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  acceptMode: StringEnum(ACCEPT_MODES, { description: 'opt-in: the recipient accepts; auto-accept: requests are accepted at once' }),
};

export const CreateEventBody = Type.Object(
  {
    organizerOrganizationId: ObjectIdString,
    ...editableFields,
    description: Type.Optional(editableFields.description),
    venue: Type.Optional(editableFields.venue),
    onlineUrl: Type.Optional(editableFields.onlineUrl),
    sectors: Type.Optional(editableFields.sectors),
    groups: Type.Optional(editableFields.groups),
    meetingRules: Type.Optional(editableFields.meetingRules),
    requestCapPerParticipant: Type.Optional(editableFields.requestCapPerParticipant),
    requestExpiryHours: Type.Optional(editableFields.requestExpiryHours),
    acceptMode: Type.Optional(editableFields.acceptMode),
  },
  { additionalProperties: false },
);
export type CreateEventBody = Static<typeof CreateEventBody>;

export const UpdateEventBody = Type.Partial(Type.Object(editableFields), { additionalProperties: false, minProperties: 1 });
export type UpdateEventBody = Static<typeof UpdateEventBody>;

const BreakSchema = Type.Object({ startsAt: DateTime, endsAt: DateTime }, { additionalProperties: false });
const sessionFields = {
  title: Line({ minLength: 1, maxLength: 200 }),
  startsAt: DateTime,
  endsAt: DateTime,
  slotMinutes: Type.Unsafe<15 | 20 | 30>({ type: 'integer', enum: [...SLOT_MINUTES], description: 'slot length in minutes' }),
  breaks: Type.Array(BreakSchema, { maxItems: 20 }),
  tables: Type.Integer({ minimum: 1, maximum: 5000, description: 'tables or virtual rooms' }),
  maxMeetingsPerPerson: Type.Integer({ minimum: 1, maximum: 200 }),
};
export const SessionBody = Type.Object({ ...sessionFields, breaks: Type.Optional(sessionFields.breaks) }, { additionalProperties: false });
export type SessionBody = Static<typeof SessionBody>;
export const UpdateSessionBody = Type.Partial(Type.Object(sessionFields), { additionalProperties: false, minProperties: 1 });
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;

export const SlotView = Type.Object({ id: Type.String(), index: Type.Integer(), startsAt: DateTime, endsAt: DateTime, usable: Type.Boolean() });
export const SessionView = Type.Object({
  id: ObjectIdString,
  ...sessionFields,
  slots: Type.Array(SlotView, { description: 'derived: slots overlapping a break are not usable' }),
});
export type SessionView = Static<typeof SessionView>;

export const EventView = Type.Object({
  id: ObjectIdString,
  organizerOrganizationId: ObjectIdString,
  organizerName: Type.String(),
  status: StringEnum(EVENT_STATUSES),
  ...editableFields,
  sessions: Type.Array(SessionView),
  hasOnlineLink: Type.Boolean({ description: 'the event has an online link; `onlineUrl` itself is given only to its participants and organizers' }),
  scheduleStatus: StringEnum(SCHEDULE_STATUSES),
  registrationOpen: Type.Boolean(),
  registrations: Type.Integer({ description: 'number of registered participants' }),
  /** What the signed-in user may do here. */
  viewer: Type.Object({ organizer: Type.Boolean(), registrationId: Type.Union([ObjectIdString, Type.Null()]) }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type EventView = Static<typeof EventView>;

export const EventListQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean({ description: 'true: events you organize (any status) or registered for' })),
    sector: Type.Optional(SectorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuery>;

export const EventSummary = Type.Object({
  id: ObjectIdString,
  title: Type.String(),
  type: StringEnum(EVENT_TYPES),
  status: StringEnum(EVENT_STATUSES),
  organizerName: Type.String(),
  venue: Type.String(),
  timeZone: Type.String(),
  sectors: Type.Array(SectorSchema),
  startsAt: Type.Union([DateTime, Type.Null()]),
  registrationOpensAt: DateTime,
  registrationClosesAt: DateTime,
  registrationOpen: Type.Boolean(),
});
export type EventSummary = Static<typeof EventSummary>;

export const SessionParams = Type.Object({ id: ObjectIdString, sessionId: ObjectIdString }, { additionalProperties: false });
export { DateTime };
