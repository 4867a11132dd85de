import { Type, type Static } from '@sinclair/typebox';
import { OrganizationKindSchema, SectorSchema } from '../organizations/schema';
import { ObjectIdString, StringEnum } from '../shared/schema';
import { MEETING_OUTCOMES, MEETING_STATUSES } from './model';
import { DateTime } from './schema';
import { LongText } from '../shared/text';

const SlotIdString = Type.String({ pattern: '^[0-9a-fA-F]{24}:[0-9]{1,4}$', description: 'slot id <sessionId>:<index>' });

const profileFields = {
  needIds: Type.Array(ObjectIdString, { maxItems: 20, uniqueItems: true, description: "published needs of your organization you bring" }),
  outputIds: Type.Array(ObjectIdString, { maxItems: 20, uniqueItems: true, description: "published research outputs of your organization you bring" }),
  lookingFor: LongText({ maxLength: 2000 }),
  interests: Type.Array(SectorSchema, { maxItems: 21, uniqueItems: true }),
  unavailableSlotIds: Type.Array(SlotIdString, { maxItems: 500, uniqueItems: true, description: 'slots you cannot make' }),
};

export const RegisterBody = Type.Object(
  {
    organizationId: ObjectIdString,
    needIds: Type.Optional(profileFields.needIds),
    outputIds: Type.Optional(profileFields.outputIds),
    lookingFor: Type.Optional(profileFields.lookingFor),
    interests: Type.Optional(profileFields.interests),
    unavailableSlotIds: Type.Optional(profileFields.unavailableSlotIds),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const UpdateRegistrationBody = Type.Partial(Type.Object(profileFields), { additionalProperties: false, minProperties: 1 });
export type UpdateRegistrationBody = Static<typeof UpdateRegistrationBody>;

const Listing = Type.Object({ id: ObjectIdString, title: Type.String() });

export const RegistrationView = Type.Object({
  id: ObjectIdString,
  eventId: ObjectIdString,
  userId: ObjectIdString,
  name: Type.String(),
  organizationId: ObjectIdString,
  organizationName: Type.String(),
  organizationKind: OrganizationKindSchema,
  country: Type.String(),
  groupKey: Type.String(),
  groupLabel: Type.String(),
  needs: Type.Array(Listing),
  outputs: Type.Array(Listing),
  lookingFor: Type.String(),
  interests: Type.Array(SectorSchema),
  unavailableSlotIds: Type.Array(Type.String()),
  createdAt: DateTime,
});
export type RegistrationView = Static<typeof RegistrationView>;

export const RecommendationView = Type.Object({
  registrationId: ObjectIdString,
  name: Type.String(),
  organizationName: Type.String(),
  organizationKind: OrganizationKindSchema,
  groupLabel: Type.String(),
  score: Type.Number({ minimum: 0, maximum: 100 }),
  matchScore: Type.Number({ minimum: 0, maximum: 100 }),
  sharedInterests: Type.Array(SectorSchema),
  reasons: Type.Array(Type.String(), { description: 'why you should meet' }),
  suggestedReason: Type.String({ description: 'a ready-made reason for a meeting request' }),
  existingMeeting: Type.Union([Type.Object({ id: ObjectIdString, status: StringEnum(MEETING_STATUSES) }), Type.Null()]),
});
export type RecommendationView = Static<typeof RecommendationView>;

export const MeetingRequestBody = Type.Object(
  { recipientRegistrationId: ObjectIdString, reason: LongText({ minLength: 10, maxLength: 1000, description: 'why you want to meet' }) },
  { additionalProperties: false },
);
export type MeetingRequestBody = Static<typeof MeetingRequestBody>;

export const RescheduleBody = Type.Object(
  { slotId: SlotIdString, table: Type.Optional(Type.Integer({ minimum: 1, description: 'a free table is picked when left out' })) },
  { additionalProperties: false },
);
export type RescheduleBody = Static<typeof RescheduleBody>;

export const RatingBody = Type.Object(
  { stars: Type.Integer({ minimum: 1, maximum: 5 }), outcome: StringEnum(MEETING_OUTCOMES) },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

const Side = Type.Object({
  registrationId: ObjectIdString,
  userId: ObjectIdString,
  name: Type.String(),
  organizationId: ObjectIdString,
  organizationName: Type.String(),
  organizationKind: OrganizationKindSchema,
});

export const MeetingView = Type.Object({
  id: ObjectIdString,
  eventId: ObjectIdString,
  status: StringEnum(MEETING_STATUSES),
  reason: Type.String(),
  score: Type.Number(),
  requester: Side,
  recipient: Side,
  /** The signed-in user's side, or 'organizer'. */
  role: StringEnum(['requester', 'recipient', 'organizer'] as const),
  expiresAt: Type.Union([DateTime, Type.Null()]),
  respondedAt: Type.Union([DateTime, Type.Null()]),
  placement: Type.Union([
    Type.Object({
      sessionId: ObjectIdString,
      sessionTitle: Type.String(),
      slotId: Type.String(),
      slotIndex: Type.Integer(),
      table: Type.Integer(),
      startsAt: DateTime,
      endsAt: DateTime,
      locked: Type.Boolean(),
      draft: Type.Boolean({ description: 'true while the schedule is a draft (organizers only see these)' }),
    }),
    Type.Null(),
  ]),
  held: Type.Boolean(),
  ratings: Type.Array(Type.Object({ userId: ObjectIdString, stars: Type.Integer(), outcome: StringEnum(MEETING_OUTCOMES) })),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type MeetingView = Static<typeof MeetingView>;

export const MeetingListQuery = Type.Object(
  {
    box: Type.Optional(StringEnum(['incoming', 'outgoing', 'all'] as const, { description: "your requests; 'all' for organizers lists every meeting of the event" })),
    status: Type.Optional(StringEnum(MEETING_STATUSES)),
  },
  { additionalProperties: false },
);
export type MeetingListQuery = Static<typeof MeetingListQuery>;

export const MeetingParams = Type.Object({ id: ObjectIdString, meetingId: ObjectIdString }, { additionalProperties: false });

export const AgendaView = Type.Object({
  eventId: ObjectIdString,
  eventTitle: Type.String(),
  timeZone: Type.String(),
  venue: Type.String(),
  published: Type.Boolean({ description: 'false until the organizer publishes the schedule: times are not final' }),
  items: Type.Array(MeetingView, { description: 'accepted meetings, placed ones first in time order' }),
  feedUrl: Type.String({ description: 'iCalendar feed to subscribe to (carries your personal token; keep it private)' }),
});
export type AgendaView = Static<typeof AgendaView>;

export const FeedQuery = Type.Object(
  { user: ObjectIdString, token: Type.String({ minLength: 20, maxLength: 100 }) },
  { additionalProperties: false },
);

const Count = (key: string) => Type.Object({ [key]: Type.String(), count: Type.Integer() });
export const DashboardView = Type.Object({
  registrations: Type.Object({
    total: Type.Integer(),
    byOrganizationKind: Type.Array(Count('kind')),
    bySector: Type.Array(Count('sector'), { description: "by the organizations' sectors" }),
  }),
  requests: Type.Object({ total: Type.Integer(), byStatus: Type.Array(Count('status')) }),
  meetings: Type.Object({ accepted: Type.Integer(), scheduled: Type.Integer(), held: Type.Integer() }),
  topPairs: Type.Array(
    Type.Object({ meetingId: ObjectIdString, status: StringEnum(MEETING_STATUSES), score: Type.Number(), requesterOrganization: Type.String(), recipientOrganization: Type.String() }),
  ),
  ratings: Type.Object({
    count: Type.Integer(),
    averageStars: Type.Union([Type.Number(), Type.Null()]),
    byOutcome: Type.Array(Count('outcome')),
  }),
});
export type DashboardView = Static<typeof DashboardView>;
