// The chat protocol as the browser sees it (see the chat section of the README). Views come from the
// server's TypeBox schemas (`import type` only: nothing of the server reaches the bundle); the
// frames are spelled out here because the server builds them by hand.
import type { Static } from '@sinclair/typebox';
import type {
  MessageView as MessageSchema,
  ReportView as ReportSchema,
  RoomView as RoomSchema,
} from '../../../server/modules/chat/schema';
import type { NotificationView } from './api-types';

export type MessageView = Static<typeof MessageSchema>;
export type RoomView = Static<typeof RoomSchema>;
export type ReportView = Static<typeof ReportSchema>;

export interface OnlineUser {
  userId: string;
  name: string;
}

export type ChatErrorCode =
  | 'invalid_message'
  | 'not_found'
  | 'not_member'
  | 'not_joined'
  | 'room_locked'
  | 'muted'
  | 'rate_limited'
  | 'too_long'
  | 'forbidden'
  | 'unavailable'
  | 'internal';

export interface ChatErrorFrame {
  type: 'error';
  code: ChatErrorCode | string;
  message: string;
  ref?: { type: string; roomId?: string; clientId?: string; requestId?: string };
  retryAfterMs?: number;
}

export type ServerFrame =
  | { type: 'hello'; userId: string; limits: { maxTextLength: number; burst: number; refillPerSecond: number } }
  | { type: 'joined'; room: RoomView; online: OnlineUser[]; removedSeqs: number[] }
  | { type: 'message'; message: MessageView }
  | { type: 'ack'; roomId: string; clientId: string; id: string; seq: number; createdAt: string; duplicate: boolean }
  | { type: 'history'; requestId: string; roomId: string; messages: MessageView[]; hasMore: boolean }
  | { type: 'message_removed'; roomId: string; seq: number; id: string }
  | { type: 'presence'; roomId: string; online: OnlineUser[]; offline: string[] }
  | { type: 'typing'; roomId: string; userId: string; name: string }
  | { type: 'room_updated'; room: RoomView }
  | { type: 'muted'; roomId: string; until: string | null }
  | { type: 'left'; roomId: string; reason: 'left' | 'membership_revoked' }
  | { type: 'unread'; roomId: string; lastSeq: number; lastReadSeq: number; unread: number }
  | { type: 'notification'; notification: NotificationView }
  | { type: 'watching'; roomIds: string[]; refused: string[] }
  | { type: 'activity'; roomId: string; lastSeq: number }
  | ChatErrorFrame
  | { type: 'pong' };

export type ClientFrame =
  | { type: 'join'; roomId: string; after?: number }
  | { type: 'leave'; roomId: string }
  | { type: 'send'; roomId: string; clientId: string; text: string }
  | { type: 'history'; roomId: string; requestId: string; before?: number; after?: number; limit?: number }
  | { type: 'typing'; roomId: string }
  | { type: 'read'; roomId: string; seq: number }
  | { type: 'watch'; roomIds: string[] }
  | { type: 'unwatch'; roomIds: string[] }
  | { type: 'ping' };

/** Same rule as the server: `lobby-<eventId>`, `topic-<id>`, `meeting-<id>`, `access-<id>`. */
export const ROOM_ID = /^(lobby|topic|meeting|access)-[0-9a-f]{24}$/;
