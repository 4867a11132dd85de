/**
 * Room ids name what a room belongs to, so a page computes its room without a lookup:
 * `lobby-<eventId>`, `topic-<roomObjectId>`, `meeting-<meetingId>`, `access-<accessRequestId>`.
 */
export const ROOM_KINDS = ['lobby', 'topic', 'meeting', 'access'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const ROOM_ID_PATTERN = '^(lobby|topic|meeting|access)-[0-9a-f]{24}$';
const ROOM_ID = new RegExp(ROOM_ID_PATTERN);

export interface ParsedRoomId {
  kind: RoomKind;
  /** The event (lobby), topic room, meeting or access request the room belongs to. */
  ref: string;
}

export function parseRoomId(roomId: string): ParsedRoomId | null {
  if (!ROOM_ID.test(roomId)) return null;
  const dash = roomId.indexOf('-');
  return { kind: roomId.slice(0, dash) as RoomKind, ref: roomId.slice(dash + 1) };
}

export function roomIdOf(kind: RoomKind, ref: string): string {
  return `${kind}-${ref.toLowerCase()}`;
}

/** Messages are keyed by room and sequence, so history pages are plain _id look-ups. */
export function messageId(roomId: string, seq: number): string {
  return `${roomId}:${seq}`;
}
