import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ObjectIdString, StringEnum } from '../shared/schema';
import { ROOM_ID_PATTERN, ROOM_KINDS } from './ids';
import { Line, LongText } from '../shared/text';

export const MAX_TEXT_LENGTH = 2000;
export const MAX_FRAME_BYTES = 16 * 1024;

export const RoomId = Type.String({ pattern: ROOM_ID_PATTERN, description: 'lobby-<eventId> | topic-<id> | meeting-<meetingId> | access-<accessRequestId>' });
const Seq = Type.Integer({ minimum: 0, maximum: 2 ** 40 });
const ClientId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'client-generated id, reused when resending' });

// ---- client → server (one schema per message type; the union is compiled once) ----
const Join = Type.Object({ type: Type.Literal('join'), roomId: RoomId, after: Type.Optional(Seq) }, { additionalProperties: false });
const Leave = Type.Object({ type: Type.Literal('leave'), roomId: RoomId }, { additionalProperties: false });
const Send = Type.Object(
  { type: Type.Literal('send'), roomId: RoomId, clientId: ClientId, text: Type.String({ maxLength: 100_000 }) },
  { additionalProperties: false },
);
const History = Type.Object(
  {
    type: Type.Literal('history'),
    roomId: RoomId,
    requestId: Type.String({ maxLength: 64 }),
    before: Type.Optional(Seq),
    after: Type.Optional(Seq),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
const Typing = Type.Object({ type: Type.Literal('typing'), roomId: RoomId }, { additionalProperties: false });
const Read = Type.Object({ type: Type.Literal('read'), roomId: RoomId, seq: Seq }, { additionalProperties: false });
const Ping = Type.Object({ type: Type.Literal('ping') }, { additionalProperties: false });
/** Follow rooms' progress (unread counts) without joining them: `activity` frames, at most one per room and second. */
const WatchedRooms = Type.Array(RoomId, { minItems: 1, maxItems: 200, uniqueItems: true });
const Watch = Type.Object({ type: Type.Literal('watch'), roomIds: WatchedRooms }, { additionalProperties: false });
const Unwatch = Type.Object({ type: Type.Literal('unwatch'), roomIds: WatchedRooms }, { additionalProperties: false });

export const ClientMessage = Type.Union([Join, Leave, Send, History, Typing, Read, Ping, Watch, Unwatch]);
export type ClientMessage = Static<typeof ClientMessage>;
export const CLIENT_MESSAGE_TYPES = ['join', 'leave', 'send', 'history', 'typing', 'read', 'ping', 'watch', 'unwatch'] as const;
/** Per-type checkers give a precise error ("send: text is required") instead of a union mismatch. */
export const clientMessageCheckers: Record<(typeof CLIENT_MESSAGE_TYPES)[number], { Check(value: unknown): boolean; Errors(value: unknown): { First(): { path: string; message: string } | undefined } }> = {
  join: TypeCompiler.Compile(Join),
  leave: TypeCompiler.Compile(Leave),
  send: TypeCompiler.Compile(Send),
  history: TypeCompiler.Compile(History),
  typing: TypeCompiler.Compile(Typing),
  read: TypeCompiler.Compile(Read),
  ping: TypeCompiler.Compile(Ping),
  watch: TypeCompiler.Compile(Watch),
  unwatch: TypeCompiler.Compile(Unwatch),
};

// ---- views (REST responses and socket payloads) ----
export const MessageView = Type.Object({
  id: Type.String(),
  roomId: Type.String(),
  seq: Type.Integer(),
  senderId: Type.String(),
  senderName: Type.String(),
  text: Type.String({ description: 'plain text: render as text, never as HTML' }),
  createdAt: Type.String({ format: 'date-time' }),
  clientId: Type.String(),
  removed: Type.Boolean(),
});
export type MessageView = Static<typeof MessageView>;

export const RoomView = Type.Object({
  id: Type.String(),
  kind: StringEnum(ROOM_KINDS),
  title: Type.String(),
  eventId: Type.Union([Type.String(), Type.Null()]),
  lastSeq: Type.Integer(),
  lastReadSeq: Type.Integer(),
  unread: Type.Integer(),
  locked: Type.Boolean(),
  canModerate: Type.Boolean(),
  mutedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type RoomView = Static<typeof RoomView>;

// ---- REST ----
export const RoomParams = Type.Object({ roomId: RoomId }, { additionalProperties: false });
export const EventParams = Type.Object({ eventId: ObjectIdString }, { additionalProperties: false });
export const MessageParams = Type.Object({ roomId: RoomId, seq: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const MuteParams = Type.Object({ roomId: RoomId, userId: ObjectIdString }, { additionalProperties: false });
export const HistoryQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'messages with a smaller sequence (newest first page)' })),
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'messages with a larger sequence (oldest first page)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;
export const HistoryPage = Type.Object({ items: Type.Array(MessageView), hasMore: Type.Boolean() });
export const RoomList = Type.Object({ items: Type.Array(RoomView) });
export const ReadBody = Type.Object({ seq: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export const ReadResult = Type.Object({ lastReadSeq: Type.Integer(), unread: Type.Integer() });
export const CreateTopicBody = Type.Object({ title: Line({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false });
export const UpdateRoomBody = Type.Object({ locked: Type.Boolean() }, { additionalProperties: false });
export const MuteBody = Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 10_080 }) }, { additionalProperties: false });
export const MuteResult = Type.Object({ userId: Type.String(), until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) });
export const ReportBody = Type.Object({ reason: LongText({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const ReportView = Type.Object({
  roomId: Type.String(),
  seq: Type.Integer(),
  reporterId: Type.String(),
  senderId: Type.String(),
  reason: Type.String(),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export const ReportList = Type.Object({ items: Type.Array(ReportView) });
export const RemovedResult = Type.Object({ seq: Type.Integer(), removed: Type.Boolean() });
