import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { ROOM_KINDS } from './ids';

/**
 * A room's durable state. `_id` is the room id (`lobby-<eventId>`, ...): FerretDB answers `_id`
 * look-ups from its index and scans for anything else, so every hot read goes by `_id`.
 * Lobby, meeting and access rooms are created on first use; topic rooms by organizers.
 */
const roomSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ROOM_KINDS, required: true },
    eventId: { type: String, default: null },
    title: { type: String, required: true },
    locked: { type: Boolean, default: false },
    createdBy: { type: String, default: null },
    /** Sequences removed by moderators (newest last, capped), so a reconnecting client can blank them. */
    removedSeqs: { type: [Number], default: [] },
  },
  { timestamps: true, versionKey: false },
);
roomSchema.index({ eventId: 1 });

/**
 * A message. `_id` is `<roomId>:<seq>`: unique, so two writers can never store the same sequence,
 * and a page of history is a list of `_id`s (sequences are dense, see sequencer.ts). The unique
 * (roomId, senderId, clientId) index makes a resent message idempotent.
 */
const messageSchema = new Schema(
  {
    _id: { type: String, required: true },
    roomId: { type: String, required: true },
    seq: { type: Number, required: true },
    senderId: { type: String, required: true },
    senderName: { type: String, required: true },
    clientId: { type: String, required: true },
    /** Plain text, never HTML: clients render it as text. Emptied when a moderator removes it. */
    text: { type: String, default: '' },
    removedAt: { type: Date, default: null },
    removedBy: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
messageSchema.index({ roomId: 1, senderId: 1, clientId: 1 }, { unique: true });

/** A participant's report of a message; one per reporter and message. */
const reportSchema = new Schema(
  {
    roomId: { type: String, required: true },
    seq: { type: Number, required: true },
    reporterId: { type: String, required: true },
    reason: { type: String, required: true },
    /** The text as it was when reported (it may be removed later). */
    text: { type: String, default: '' },
    senderId: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
reportSchema.index({ roomId: 1, seq: 1, reporterId: 1 }, { unique: true });

/** Append-only log of moderation actions (removals keep the removed text here, for appeals). */
const moderationSchema = new Schema(
  {
    roomId: { type: String, required: true },
    action: { type: String, enum: ['remove', 'mute', 'unmute', 'lock', 'unlock'], required: true },
    by: { type: String, required: true },
    targetUserId: { type: String, default: null },
    seq: { type: Number, default: null },
    text: { type: String, default: null },
    until: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

export type ChatRoomDoc = InferSchemaType<typeof roomSchema> & { _id: string };
export type ChatMessageDoc = InferSchemaType<typeof messageSchema> & { _id: string };
export type ChatReportDoc = InferSchemaType<typeof reportSchema> & { createdAt: Date };
export type ChatRoomModel = Model<InferSchemaType<typeof roomSchema>>;
export type ChatMessageModel = Model<InferSchemaType<typeof messageSchema>>;
export type ChatReportModel = Model<InferSchemaType<typeof reportSchema>>;
export type ChatModerationModel = Model<InferSchemaType<typeof moderationSchema>>;

export interface ChatModels {
  rooms: ChatRoomModel;
  messages: ChatMessageModel;
  reports: ChatReportModel;
  moderation: ChatModerationModel;
}

export function chatModels(connection: Connection): ChatModels {
  const get = <M>(name: string, schema: Schema, collection: string): M =>
    ((connection.models[name] as M | undefined) ?? connection.model(name, schema, collection)) as M;
  return {
    rooms: get<ChatRoomModel>('ChatRoom', roomSchema, 'chatrooms'),
    messages: get<ChatMessageModel>('ChatMessage', messageSchema, 'chatmessages'),
    reports: get<ChatReportModel>('ChatReport', reportSchema, 'chatreports'),
    moderation: get<ChatModerationModel>('ChatModeration', moderationSchema, 'chatmoderation'),
  };
}
