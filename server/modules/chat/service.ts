import { Types } from 'mongoose';
import type { Redis } from 'ioredis';
import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { isDuplicateKey } from '../accounts/service';
import type { RoomAccess, RoomInfo, RoomRole } from './access';
import { roomIdOf } from './ids';
import type { ChatKeys } from './keys';
import type { MessageLog } from './log';
import type { ChatModels, ChatMessageDoc, ChatReportDoc } from './model';
import { MAX_TEXT_LENGTH, type HistoryQuery, type MessageView, type RoomView } from './schema';
import type { WriteRouter } from './write-routing';
import { messageId } from './ids';
import { forbiddenCharacter } from '../shared/text';

export interface ChatLimits {
  burst: number;
  refillPerSecond: number;
}

export interface ChatServiceDeps {
  models: ChatModels;
  redis: Redis;
  keys: ChatKeys;
  access: RoomAccess;
  log: MessageLog;
  /** Stores messages, on this instance or on the deployment's writer instance. */
  writes: WriteRouter;
  limits: ChatLimits;
  /** Granted access requests of the user's organizations (room list). */
  grantedAccessRequests: (user: CurrentUser) => Promise<{ id: string; title: string }[]>;
  /** Lobbies of the user's events and rooms of their organizations' accepted meetings (room list), as room ids. */
  eventRoomIds: (user: CurrentUser) => Promise<string[]>;
}

/** Chat rules shared by the socket and the REST routes: membership, limits, storage, moderation. */
export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  get access(): RoomAccess {
    return this.deps.access;
  }

  get log(): MessageLog {
    return this.deps.log;
  }

  get keys(): ChatKeys {
    return this.deps.keys;
  }

  get writes(): WriteRouter {
    return this.deps.writes;
  }

  get limits(): ChatLimits {
    return this.deps.limits;
  }

  async roomView(user: CurrentUser, roomId: string, known?: { room: RoomInfo; role: RoomRole }): Promise<RoomView> {
    const { room, role } = known ?? (await this.deps.access.roleOf(roomId, user));
    const [lastSeq, read, muteMs] = await Promise.all([
      this.deps.log.lastSeq(roomId),
      this.deps.redis.hget(this.deps.keys.reads(user.id), roomId),
      this.deps.redis.pttl(this.deps.keys.mute(roomId, user.id)),
    ]);
    const lastReadSeq = Math.min(Number(read ?? 0), lastSeq);
    return {
      id: room.id,
      kind: room.kind,
      title: room.title,
      eventId: room.eventId,
      lastSeq,
      lastReadSeq,
      unread: lastSeq - lastReadSeq,
      locked: room.locked,
      canModerate: role === 'moderator',
      mutedUntil: muteMs > 0 ? new Date(Date.now() + muteMs).toISOString() : null,
    };
  }

  /** Rooms the user has opened before plus the rooms of their granted access requests; membership re-checked. */
  async listRooms(user: CurrentUser): Promise<RoomView[]> {
    // Rooms opened before, and every room the user belongs to even if never opened yet.
    const [opened, granted, eventRooms] = await Promise.all([
      this.deps.redis.hkeys(this.deps.keys.reads(user.id)),
      this.deps.grantedAccessRequests(user),
      this.deps.eventRoomIds(user),
    ]);
    const ids = new Set([...opened, ...granted.map((request) => roomIdOf('access', request.id)), ...eventRooms]);
    const views = await Promise.all([...ids].map((roomId) => this.roomView(user, roomId).catch(() => null)));
    const titles = new Map(granted.map((request) => [roomIdOf('access', request.id), request.title]));
    return views
      .filter((view): view is RoomView => view !== null)
      .map((view) => ({ ...view, title: titles.get(view.id) ?? view.title }));
  }

  async eventRooms(user: CurrentUser, eventId: string): Promise<RoomView[]> {
    const lobby = await this.deps.access.roleOf(roomIdOf('lobby', eventId), user);
    const topics = await this.deps.models.rooms.find({ eventId, kind: 'topic' }, { _id: 1 }).lean<{ _id: string }[]>();
    const views = [await this.roomView(user, lobby.room.id, lobby)];
    for (const topic of topics) views.push(await this.roomView(user, topic._id));
    return views;
  }

  async createTopic(user: CurrentUser, eventId: string, title: string): Promise<RoomView> {
    const { role } = await this.deps.access.roleOf(roomIdOf('lobby', eventId), user);
    if (role !== 'moderator') throw forbidden();
    const roomId = roomIdOf('topic', new Types.ObjectId().toHexString());
    await this.deps.models.rooms.create({ _id: roomId, kind: 'topic', eventId, title: title.trim(), locked: false, createdBy: user.id, removedSeqs: [] });
    await this.deps.redis.set(this.deps.keys.last(roomId), 0, 'NX');
    return this.roomView(user, roomId);
  }

  /**
   * Stores a message (membership, lock, size, mute and rate checked first) and publishes it.
   * A clientId already stored returns that message with duplicate: true.
   */
  async send(user: CurrentUser, roomId: string, clientId: string, rawText: string): Promise<{ view: MessageView; duplicate: boolean }> {
    const { room } = await this.deps.access.roleOf(roomId, user, { moderation: false });
    const text = rawText.trim();
    if (text.length === 0) throw new HttpError(400, 'invalid_message', 'A message needs some text.');
    if (text.length > MAX_TEXT_LENGTH) throw new HttpError(413, 'too_long', `Messages are limited to ${MAX_TEXT_LENGTH} characters.`);
    const bad = forbiddenCharacter(text, 'long');
    if (bad) throw new HttpError(400, 'invalid_message', `Messages may not contain control or bidi-override characters (${bad}).`);
    const [code, value] = await this.deps.redis.chatPrepareSend(
      this.deps.keys.bucket(user.id),
      this.deps.keys.mute(roomId, user.id),
      this.deps.keys.clientId(roomId, user.id, clientId),
      this.deps.limits.burst,
      this.deps.limits.refillPerSecond,
    );
    if (code === 3) {
      const [stored] = await this.deps.log.range(roomId, value, value);
      if (stored) return { view: stored, duplicate: true };
    }
    if (code === 2) throw new HttpError(403, 'muted', 'A moderator muted you in this room for now.', { retryAfterMs: value });
    if (code === 1) throw new HttpError(429, 'rate_limited', 'You are sending messages too fast; wait a moment.', { retryAfterMs: value });
    if (room.locked) throw new HttpError(423, 'room_locked', 'This room is locked by a moderator; nobody can write in it now.');
    return this.deps.writes.write({ roomId, senderId: user.id, senderName: user.name, clientId, text });
  }

  async history(user: CurrentUser, roomId: string, query: HistoryQuery): Promise<{ items: MessageView[]; hasMore: boolean }> {
    await this.deps.access.roleOf(roomId, user);
    return this.deps.log.page(roomId, query);
  }

  async markRead(user: CurrentUser, roomId: string, seq: number): Promise<{ roomId: string; lastSeq: number; lastReadSeq: number; unread: number }> {
    await this.deps.access.roleOf(roomId, user);
    const lastSeq = await this.deps.log.lastSeq(roomId);
    const marker = Number(await this.deps.redis.chatAdvanceRead(this.deps.keys.reads(user.id), roomId, Math.min(seq, lastSeq)));
    const result = { roomId, lastSeq, lastReadSeq: marker, unread: Math.max(0, lastSeq - marker) };
    await this.deps.redis.publish(this.deps.keys.userChannel(user.id), JSON.stringify({ type: 'unread', ...result }));
    return result;
  }

  // ---- moderation (organizers of the event; private rooms have no moderators) ----

  async setLocked(user: CurrentUser, roomId: string, locked: boolean): Promise<RoomView> {
    const known = await this.requireModerator(user, roomId);
    await this.deps.models.rooms.updateOne({ _id: roomId }, { $set: { locked } });
    await this.deps.models.moderation.create({ roomId, action: locked ? 'lock' : 'unlock', by: user.id });
    this.deps.access.invalidateRoom(roomId);
    await this.publishRoom(roomId, { type: 'room_updated', roomId, locked, title: known.room.title });
    return this.roomView(user, roomId, { room: { ...known.room, locked }, role: known.role });
  }

  async removeMessage(user: CurrentUser, roomId: string, seq: number): Promise<{ seq: number; removed: boolean }> {
    await this.requireModerator(user, roomId);
    const removed = await this.deps.log.remove(roomId, seq, user.id);
    if (!removed) throw new HttpError(404, 'not_found', `No message ${seq} in this room.`);
    await this.deps.models.rooms.updateOne({ _id: roomId }, { $addToSet: { removedSeqs: seq } });
    await this.deps.models.moderation.create({ roomId, action: 'remove', by: user.id, seq, targetUserId: removed.view.senderId, text: removed.text });
    this.deps.access.invalidateRoom(roomId);
    await this.publishRoom(roomId, { type: 'message_removed', roomId, seq, id: removed.view.id });
    return { seq, removed: true };
  }

  async mute(user: CurrentUser, roomId: string, targetUserId: string, minutes: number | null): Promise<{ userId: string; until: string | null }> {
    await this.requireModerator(user, roomId);
    const key = this.deps.keys.mute(roomId, targetUserId);
    const until = minutes ? new Date(Date.now() + minutes * 60_000) : null;
    if (until) await this.deps.redis.set(key, user.id, 'PX', minutes! * 60_000);
    else await this.deps.redis.del(key);
    await this.deps.models.moderation.create({ roomId, action: until ? 'mute' : 'unmute', by: user.id, targetUserId, until });
    const untilIso = until?.toISOString() ?? null;
    await this.deps.redis.publish(this.deps.keys.userChannel(targetUserId), JSON.stringify({ type: 'muted', roomId, until: untilIso }));
    return { userId: targetUserId, until: untilIso };
  }

  async report(user: CurrentUser, roomId: string, seq: number, reason: string): Promise<void> {
    await this.deps.access.roleOf(roomId, user);
    const message = await this.deps.models.messages.findById(messageId(roomId, seq)).lean<ChatMessageDoc>();
    if (!message) throw new HttpError(404, 'not_found', `No message ${seq} in this room.`);
    try {
      await this.deps.models.reports.create({ roomId, seq, reporterId: user.id, reason: reason.trim(), text: message.text ?? '', senderId: message.senderId });
    } catch (error) {
      if (isDuplicateKey(error)) throw new HttpError(409, 'already_reported', 'You already reported this message.');
      throw error;
    }
  }

  async reports(user: CurrentUser, roomId: string) {
    await this.requireModerator(user, roomId);
    const docs = await this.deps.models.reports.find({ roomId }).sort({ _id: -1 }).limit(200).lean<ChatReportDoc[]>();
    return docs.map((doc) => ({
      roomId: doc.roomId,
      seq: doc.seq,
      reporterId: doc.reporterId,
      senderId: doc.senderId,
      reason: doc.reason,
      text: doc.text ?? '',
      createdAt: doc.createdAt.toISOString(),
    }));
  }

  private async requireModerator(user: CurrentUser, roomId: string) {
    const known = await this.deps.access.roleOf(roomId, user);
    if (known.role !== 'moderator') throw forbidden();
    return known;
  }

  private async publishRoom(roomId: string, frame: Record<string, unknown>): Promise<void> {
    await this.deps.redis.publish(this.deps.keys.roomChannel(roomId), JSON.stringify(frame));
  }
}

function forbidden(): HttpError {
  return new HttpError(403, 'forbidden', 'Only the organizers of this event can moderate this room.');
}
