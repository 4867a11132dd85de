import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';
import { SECTORS } from '../../../matching/taxonomy';

export const EVENT_TYPES = ['brokerage', 'workshop', 'webinar', 'hybrid'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const ACCEPT_MODES = ['opt-in', 'auto-accept'] as const;
export const SLOT_MINUTES = [15, 20, 30] as const;
export const SCHEDULE_STATUSES = ['none', 'running', 'draft', 'published'] as const;
export const MEETING_STATUSES = ['pending', 'accepted', 'declined', 'cancelled', 'expired'] as const;
export const MEETING_OUTCOMES = ['none', 'follow-up-planned', 'nda-signed', 'agreement-reached'] as const;
/** Organization kinds whose members may organize events. */
export const ORGANIZER_KINDS = ['organizer', 'intermediary', 'university', 'government'] as const;

export type EventType = (typeof EVENT_TYPES)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** Participant groups every new event starts with; intermediaries may meet anyone. */
export const DEFAULT_GROUPS = [
  { key: 'smes', label: 'SMEs', organizationKinds: ['sme'] },
  { key: 'universities', label: 'Universities', organizationKinds: ['university'] },
  { key: 'intermediaries', label: 'Intermediaries', organizationKinds: ['intermediary', 'government', 'organizer'] },
];
export const DEFAULT_MEETING_RULES = [
  { groupA: 'smes', groupB: 'universities' },
  { groupA: 'intermediaries', groupB: 'smes' },
  { groupA: 'intermediaries', groupB: 'universities' },
  { groupA: 'intermediaries', groupB: 'intermediaries' },
];

const groupSchema = new Schema(
  {
    key: { type: String, required: true },
    label: { type: String, required: true },
    organizationKinds: { type: [String], default: [] },
  },
  { _id: false },
);

const ruleSchema = new Schema({ groupA: { type: String, required: true }, groupB: { type: String, required: true } }, { _id: false });

const breakSchema = new Schema({ startsAt: { type: Date, required: true }, endsAt: { type: Date, required: true } }, { _id: false });

const sessionSchema = new Schema({
  title: { type: String, required: true, trim: true },
  startsAt: { type: Date, required: true },
  endsAt: { type: Date, required: true },
  slotMinutes: { type: Number, enum: SLOT_MINUTES, required: true },
  breaks: { type: [breakSchema], default: [] },
  tables: { type: Number, required: true, min: 1 },
  maxMeetingsPerPerson: { type: Number, required: true, min: 1 },
});

const scheduleStateSchema = new Schema(
  {
    status: { type: String, enum: SCHEDULE_STATUSES, default: 'none' },
    jobId: { type: String, default: null },
    progress: { type: Number, default: 0 },
    placed: { type: Number, default: 0 },
    unplaced: { type: Number, default: 0 },
    publishedAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
  },
  { _id: false },
);

const eventSchema = new Schema(
  {
    organizerOrganizationId: { type: Schema.Types.ObjectId, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    type: { type: String, enum: EVENT_TYPES, required: true },
    venue: { type: String, default: '' },
    onlineUrl: { type: String, default: '' },
    timeZone: { type: String, required: true },
    sectors: { type: [{ type: String, enum: SECTORS }], default: [] },
    registrationOpensAt: { type: Date, required: true },
    registrationClosesAt: { type: Date, required: true },
    status: { type: String, enum: EVENT_STATUSES, default: 'draft' },
    groups: { type: [groupSchema], default: () => DEFAULT_GROUPS },
    meetingRules: { type: [ruleSchema], default: () => DEFAULT_MEETING_RULES },
    requestCapPerParticipant: { type: Number, default: 20, min: 1 },
    requestExpiryHours: { type: Number, default: 72, min: 1 },
    acceptMode: { type: String, enum: ACCEPT_MODES, default: 'opt-in' },
    sessions: { type: [sessionSchema], default: [] },
    scheduleState: { type: scheduleStateSchema, default: () => ({}) },
  },
  { timestamps: true },
);

export type EventDoc = InferSchemaType<typeof eventSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type EventSessionDoc = EventDoc['sessions'][number] & { _id: Types.ObjectId };
export type EventModel = Model<InferSchemaType<typeof eventSchema>>;

export function eventModel(connection: Connection): EventModel {
  return (connection.models['Event'] as EventModel | undefined) ?? connection.model('Event', eventSchema);
}

const registrationSchema = new Schema(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    groupKey: { type: String, required: true },
    needIds: { type: [Schema.Types.ObjectId], default: [] },
    outputIds: { type: [Schema.Types.ObjectId], default: [] },
    lookingFor: { type: String, default: '' },
    interests: { type: [{ type: String, enum: SECTORS }], default: [] },
    /** Slot ids `<sessionId>:<index>` the participant cannot make. */
    unavailableSlotIds: { type: [String], default: [] },
  },
  { timestamps: true },
);
registrationSchema.index({ eventId: 1, userId: 1 }, { unique: true });

export type EventRegistrationDoc = InferSchemaType<typeof registrationSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type EventRegistrationModel = Model<InferSchemaType<typeof registrationSchema>>;

export function eventRegistrationModel(connection: Connection): EventRegistrationModel {
  return (
    (connection.models['EventRegistration'] as EventRegistrationModel | undefined) ??
    connection.model('EventRegistration', registrationSchema, 'eventregistrations')
  );
}

const placementSchema = new Schema(
  {
    sessionId: { type: Schema.Types.ObjectId, required: true },
    slotIndex: { type: Number, required: true, min: 0 },
    /** 1-based table or virtual room number. */
    table: { type: Number, required: true, min: 1 },
    locked: { type: Boolean, default: false },
  },
  { _id: false },
);

const ratingSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    stars: { type: Number, required: true, min: 1, max: 5 },
    outcome: { type: String, enum: MEETING_OUTCOMES, required: true },
  },
  { _id: false },
);

/**
 * One document is both the meeting request and the meeting it becomes. No secondary indexes on
 * events or meetings: FerretDB only pushes `_id` filters down, so they would cost start-up and
 * writes without speeding up a read (the registrations' unique index enforces one per user).
 */
const meetingSchema = new Schema(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    requesterRegistrationId: { type: Schema.Types.ObjectId, required: true },
    recipientRegistrationId: { type: Schema.Types.ObjectId, required: true },
    requesterUserId: { type: Schema.Types.ObjectId, required: true },
    recipientUserId: { type: Schema.Types.ObjectId, required: true },
    requesterOrganizationId: { type: Schema.Types.ObjectId, required: true },
    recipientOrganizationId: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, required: true, trim: true },
    /** 0–100, from the match scores of both sides' needs and outputs. */
    score: { type: Number, default: 0, min: 0, max: 100 },
    status: { type: String, enum: MEETING_STATUSES, default: 'pending' },
    expiresAt: { type: Date, default: null },
    respondedAt: { type: Date, default: null },
    placement: { type: placementSchema, default: null },
    held: { type: Boolean, default: false },
    ratings: { type: [ratingSchema], default: [] },
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export type MeetingDoc = InferSchemaType<typeof meetingSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type MeetingModel = Model<InferSchemaType<typeof meetingSchema>>;

export function meetingModel(connection: Connection): MeetingModel {
  return (connection.models['Meeting'] as MeetingModel | undefined) ?? connection.model('Meeting', meetingSchema);
}
