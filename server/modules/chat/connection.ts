import type { WebSocket } from 'ws';
import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import type { ChatHub, HubConnection } from './hub';
import type { Frame } from './feed';
import { messageFrame } from './log';
import { CLIENT_MESSAGE_TYPES, clientMessageCheckers, MAX_TEXT_LENGTH, type ClientMessage } from './schema';
import type { ChatService } from './service';
import { RoomWatches } from './watches';

/** Close codes (see the README's protocol section). */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN_ORIGIN = 4403;

const CATCH_UP_CHUNK = 200;
const TYPING_INTERVAL_MS = 2000;

interface JoinedRoom {
  /** Highest sequence sent to this socket. */
  delivered: number;
  /** While catching up from the store, live frames wait here. */
  queue: [number, Frame][] | null;
  lastTyping: number;
}

type Ref = { type: string; roomId?: string; clientId?: string; requestId?: string };

/**
 * One WebSocket: validates every frame, checks membership on every message (through the cached
 * RoomAccess), and sends each room's messages exactly once and in order — the store's backlog first
 * (after the client's last seen sequence), then the live feed from where the backlog ended.
 */
export class ChatConnection implements HubConnection {
  private rooms = new Map<string, JoinedRoom>();
  private closed = false;
  /** Rooms followed for unread counts only. */
  readonly watches: RoomWatches;

  constructor(
    private readonly socket: WebSocket,
    public user: CurrentUser,
    private readonly chat: ChatService,
    private readonly hub: ChatHub,
    private readonly onError: (error: unknown) => void,
  ) {
    this.watches = new RoomWatches(hub, chat, (frame) => this.sendJson(frame));
  }

  get userId(): string {
    return this.user.id;
  }

  get joinedRooms(): string[] {
    return [...this.rooms.keys()];
  }

  async start(): Promise<void> {
    await this.hub.attach(this);
    this.socket.on('message', (data, isBinary) => void this.receive(isBinary ? null : data.toString()));
    this.socket.on('close', () => this.dispose());
    this.sendJson({ type: 'hello', userId: this.user.id, limits: { maxTextLength: MAX_TEXT_LENGTH, ...this.chat.limits } });
  }

  send(frame: Frame): void {
    // Always a text frame: the browser parses JSON text, also when the frame comes pre-encoded.
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.send(frame, { binary: false });
  }

  deliver(roomId: string, seq: number, frame: Frame): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    if (room.queue) room.queue.push([seq, frame]);
    else if (seq > room.delivered) {
      room.delivered = seq;
      this.send(frame);
    }
  }

  onUserFrame(frame: string, parsed: { type: string; roomId?: string }): void {
    this.send(frame);
    if (parsed.type === 'muted' && parsed.roomId) this.chat.access.invalidateRoom(parsed.roomId);
  }

  /** Leaves a room on the server's initiative (membership gone). */
  revoke(roomId: string): void {
    if (!this.rooms.has(roomId)) return;
    this.leaveRoom(roomId);
    this.sendJson({ type: 'left', roomId, reason: 'membership_revoked' });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
    this.dispose();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const roomId of [...this.rooms.keys()]) this.leaveRoom(roomId);
    this.watches.close();
    this.hub.detach(this);
  }

  private async receive(raw: string | null): Promise<void> {
    let message: unknown;
    try {
      message = raw === null ? undefined : JSON.parse(raw);
    } catch {
      message = undefined;
    }
    const problem = describeInvalid(message);
    if (problem) {
      this.sendError({ type: typeOf(message) }, new HttpError(400, 'invalid_message', problem));
      return;
    }
    const valid = message as ClientMessage;
    try {
      await this.handle(valid);
    } catch (error) {
      if (!(error instanceof HttpError)) this.onError(error);
      this.sendError(valid, error);
    }
  }

  private async handle(message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'ping':
        return this.sendJson({ type: 'pong' });
      case 'join':
        return this.join(message.roomId, message.after);
      case 'leave':
        if (this.rooms.has(message.roomId)) this.leaveRoom(message.roomId);
        return this.sendJson({ type: 'left', roomId: message.roomId, reason: 'left' });
      case 'send': {
        this.requireJoined(message.roomId);
        const { view, duplicate } = await this.chat.send(this.user, message.roomId, message.clientId, message.text);
        return this.sendJson({ type: 'ack', roomId: view.roomId, clientId: message.clientId, id: view.id, seq: view.seq, createdAt: view.createdAt, duplicate });
      }
      case 'history': {
        const page = await this.chat.history(this.user, message.roomId, message);
        return this.sendJson({ type: 'history', requestId: message.requestId, roomId: message.roomId, messages: page.items, hasMore: page.hasMore });
      }
      case 'typing': {
        const room = this.requireJoined(message.roomId);
        await this.chat.access.roleOf(message.roomId, this.user, { moderation: false });
        if (Date.now() - room.lastTyping < TYPING_INTERVAL_MS) return;
        room.lastTyping = Date.now();
        return this.hub.publishRoom(message.roomId, JSON.stringify({ type: 'typing', roomId: message.roomId, userId: this.user.id, name: this.user.name }));
      }
      case 'read':
        this.requireJoined(message.roomId);
        await this.chat.markRead(this.user, message.roomId, message.seq);
        return;
      case 'watch':
        return this.watches.watch(this.user, message.roomIds);
      case 'unwatch':
        this.watches.unwatch(message.roomIds);
        return this.sendJson({ type: 'watching', roomIds: this.watches.rooms, refused: [] });
    }
  }

  private async join(roomId: string, after: number | undefined): Promise<void> {
    const known = await this.chat.access.roleOf(roomId, this.user);
    if (this.rooms.has(roomId)) this.leaveRoom(roomId);
    const room: JoinedRoom = { delivered: 0, queue: [], lastTyping: 0 };
    this.rooms.set(roomId, room);
    try {
      const upTo = await this.hub.join(roomId, this);
      if (this.rooms.get(roomId) !== room) return; // left meanwhile
      this.hub.presence.joined(roomId, this.user.id, this.user.name);
      await this.chat.access.storedRoom(roomId);
      const [view, online] = await Promise.all([this.chat.roomView(this.user, roomId, known), this.hub.presence.online(roomId)]);
      this.sendJson({ type: 'joined', room: { ...view, lastSeq: Math.max(view.lastSeq, upTo) }, online, removedSeqs: known.room.removedSeqs });
      room.delivered = after === undefined ? upTo : after;
      for (let from = room.delivered + 1; from <= upTo; from += CATCH_UP_CHUNK) {
        const views = await this.chat.log.range(roomId, from, Math.min(upTo, from + CATCH_UP_CHUNK - 1));
        for (const message of views) if (message.seq > room.delivered) this.send(messageFrame(message));
        room.delivered = Math.max(room.delivered, Math.min(upTo, from + CATCH_UP_CHUNK - 1));
      }
      for (const [seq, frame] of room.queue ?? []) {
        if (seq > room.delivered) {
          room.delivered = seq;
          this.send(frame);
        }
      }
      room.queue = null;
    } catch (error) {
      if (this.rooms.get(roomId) === room) this.leaveRoom(roomId);
      throw error;
    }
  }

  private leaveRoom(roomId: string): void {
    this.rooms.delete(roomId);
    this.hub.leave(roomId, this);
    this.hub.presence.left(roomId, this.user.id);
  }

  private requireJoined(roomId: string): JoinedRoom {
    const room = this.rooms.get(roomId);
    if (!room) throw new HttpError(409, 'not_joined', 'Join the room before doing this in it.');
    return room;
  }

  private sendJson(frame: Record<string, unknown>): void {
    this.send(JSON.stringify(frame));
  }

  private sendError(message: Ref | { type: string }, error: unknown): void {
    const ref = message as Ref;
    const http = error instanceof HttpError ? error : new HttpError(500, 'internal', 'Something went wrong on our side.');
    const details = http.details as { retryAfterMs?: number } | undefined;
    this.sendJson({
      type: 'error',
      code: http.code,
      message: http.message,
      ref: { type: ref.type, roomId: ref.roomId, clientId: ref.clientId, requestId: ref.requestId },
      ...(details?.retryAfterMs !== undefined ? { retryAfterMs: details.retryAfterMs } : {}),
    });
  }
}

function typeOf(message: unknown): string {
  const type = (message as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type.slice(0, 32) : 'unknown';
}

/** A message a person (or the UI engineer) can act on: which type, which field, what is wrong. */
function describeInvalid(message: unknown): string | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return 'Each frame must be one JSON object with a "type".';
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type)) {
    return `Unknown message type; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}.`;
  }
  const checker = clientMessageCheckers[type as (typeof CLIENT_MESSAGE_TYPES)[number]];
  if (checker.Check(message)) return null;
  const first = checker.Errors(message).First();
  return `${type}: ${first?.path.slice(1) || 'message'} ${first?.message.toLowerCase() ?? 'is invalid'}.`;
}
