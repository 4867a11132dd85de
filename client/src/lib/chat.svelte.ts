// The tab's chat: one store over the shared socket (lib/socket.ts). Panels `open` a room; the
// store joins it once the server said hello, loads the newest page, resyncs with `join.after` on
// every reconnect (no gaps, no duplicates: the room merges by sequence), and resends what was not
// acknowledged with the same clientId. Frames for rooms nobody shows are ignored.
import { untrack } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { api } from './api';
import { ChatRoom } from './chat-room.svelte';
import { checkDraft } from './chat-log';
import { ChatOutbox } from './chat-outbox';
import { ReadMarkers } from './chat-reads';
import type { ChatErrorFrame, ClientFrame, MessageView, RoomView, ServerFrame } from './chat-types';
import { receiveLiveNotification } from './notifications.svelte';
import { session } from './session.svelte';
import { liveSocket, type LiveSocket, type SocketStatus } from './socket';

const PING_MS = 25_000;
const TYPING_EVERY_MS = 2000;
const PAGE = 50;
const JOIN_RETRIES = 4;

export class ChatStore {
  status = $state<SocketStatus>('idle');
  /** `hello` arrived on the current connection: joins and sends may go out. */
  ready = $state(false);
  me = $state<string | null>(null);
  maxTextLength = $state(2000);
  readonly rooms = new SvelteMap<string, ChatRoom>();
  private requests = new Map<string, { roomId: string; kind: 'newest' | 'older' }>();
  private lastTyping = new Map<string, number>();
  private ping: ReturnType<typeof setInterval> | null = null;
  /** Rooms of the rooms list, followed for unread counts (`watch`) without joining them. */
  private watched = new Set<string>();
  private typingSweep: ReturnType<typeof setInterval> | null = null;
  private requestCounter = 0;
  private owner: string | null = null;
  private readonly reads = new ReadMarkers((room, seq) => {
    if (room.joined && this.socket.send({ type: 'read', roomId: room.id, seq } satisfies ClientFrame)) return;
    void api.chat.markRead(room.id, seq).catch(() => undefined);
  });
  private readonly outbox = new ChatOutbox({
    send: (frame) => this.socket.send(frame),
    canSend: (room) => this.ready && room.joined,
    rejoin: (room) => this.join(room),
    author: () => ({ id: this.me ?? '', name: session.user?.name ?? 'You' }),
    stored: (room) => {
      if (room.viewers > 0) this.reads.mark(room);
      this.leaveIfUnused(room);
    },
  });

  constructor(private readonly socket: LiveSocket) {
    // acquire()/release() run inside components' effects and report the status synchronously: the
    // store's reads here must not become those effects' dependencies (or every `hello` would
    // re-run them, release the socket and open a new one, forever).
    socket.status.subscribe((status) => untrack(() => this.onStatus(status)));
    socket.onMessage((frame) => this.receive(frame as ServerFrame));
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => this.reads.flushAll());
  }

  /** Not connected although a page wants to be: show the offline banner. */
  get offline(): boolean {
    return this.status === 'offline' || this.status === 'reconnecting' || (this.status === 'open' && !this.ready);
  }

  get signedOut(): boolean {
    return this.status === 'signed-out';
  }

  get totalUnread(): number {
    let total = 0;
    for (const room of this.rooms.values()) total += room.unread;
    return total;
  }

  /**
   * Another person signed in on this tab: nothing of the previous user's rooms may stay in memory.
   * Called with the session's user id whenever it changes.
   */
  forUser(userId: string | null): void {
    if (userId === this.owner) return;
    const previous = this.owner;
    this.owner = userId;
    if (previous === null) return; // the tab's first user: nothing to forget (and rooms already opened stay)
    for (const room of this.rooms.values()) for (const release of room.lingering.splice(0)) release();
    this.rooms.clear();
    this.requests.clear();
    this.reads.clear();
    this.outbox.clear();
    this.lastTyping.clear();
    this.watched.clear();
  }

  room(roomId: string): ChatRoom {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = new ChatRoom(roomId);
      this.rooms.set(roomId, room);
    }
    return room;
  }

  /**
   * Shows (`view`: messages, history) or follows (`follow`: unread counts only) a room while the
   * caller lives; returns the release function.
   */
  open(roomId: string, mode: 'view' | 'follow' = 'view'): () => void {
    const room = this.room(roomId);
    if (mode === 'view') room.viewers += 1;
    else room.followers += 1;
    const releaseSocket = this.socket.acquire();
    if (this.ready && !room.joined) this.join(room);
    else if (this.ready && mode === 'view' && !room.historyLoaded) this.requestHistory(room, 'newest');
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (mode === 'view') room.viewers -= 1;
      else room.followers -= 1;
      this.reads.flush(room);
      // Queued messages keep the room joined (and the socket open) until they are stored.
      room.lingering.push(releaseSocket);
      this.leaveIfUnused(room);
    };
  }

  /** Fills the rooms list (Messages page, nav badge) from REST, and watches those rooms for live unread counts. */
  async refreshRooms(): Promise<ChatRoom[]> {
    const { items } = await api.chat.rooms();
    const rooms = items.map((view) => {
      const room = this.room(view.id);
      room.applyView(view);
      return room;
    });
    const fresh = rooms.map((room) => room.id).filter((id) => !this.watched.has(id));
    for (const id of fresh) this.watched.add(id);
    if (this.ready) this.sendWatch(fresh);
    return rooms;
  }

  /** The server caps one watch list at 200 rooms. */
  private sendWatch(roomIds: readonly string[]): void {
    for (let i = 0; i < roomIds.length; i += 200) this.socket.send({ type: 'watch', roomIds: roomIds.slice(i, i + 200) } satisfies ClientFrame);
  }

  send(roomId: string, text: string): boolean {
    if (!checkDraft(text, this.maxTextLength).ok) return false;
    this.outbox.queue(this.room(roomId), text);
    return true;
  }

  retry(roomId: string, clientId: string): void {
    this.outbox.retry(this.room(roomId), clientId);
  }

  discard(roomId: string, clientId: string): void {
    const room = this.room(roomId);
    room.dropOutgoing(clientId);
    this.leaveIfUnused(room);
  }

  private leaveIfUnused(room: ChatRoom): void {
    if (room.viewers + room.followers > 0 || room.outbox.some((item) => item.status !== 'failed')) return;
    if (room.joined) this.socket.send({ type: 'leave', roomId: room.id } satisfies ClientFrame);
    room.joined = false;
    for (const release of room.lingering.splice(0)) release();
  }

  loadOlder(roomId: string): void {
    const room = this.room(roomId);
    if (room.loadingOlder || !room.hasOlder) return;
    this.requestHistory(room, 'older');
  }

  typing(roomId: string): void {
    const room = this.room(roomId);
    const last = this.lastTyping.get(roomId) ?? 0;
    if (!room.joined || Date.now() - last < TYPING_EVERY_MS) return;
    this.lastTyping.set(roomId, Date.now());
    this.socket.send({ type: 'typing', roomId } satisfies ClientFrame);
  }

  /** Everything up to the newest message has been seen (throttled; see chat-reads.ts). */
  markRead(roomId: string): void {
    this.reads.mark(this.room(roomId));
  }

  private onStatus(status: SocketStatus): void {
    this.status = status;
    if (status === 'open') return;
    if (this.ready) {
      this.ready = false;
      for (const room of this.rooms.values()) room.disconnected();
    }
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
  }

  private join(room: ChatRoom): void {
    // After a first page (or any message) the server sends exactly what came later; before, nothing.
    const after = room.historyLoaded || room.lastSeq > 0 ? room.lastSeq : undefined;
    this.socket.send({ type: 'join', roomId: room.id, ...(after === undefined ? {} : { after }) } satisfies ClientFrame);
  }

  private requestHistory(room: ChatRoom, kind: 'newest' | 'older'): void {
    const requestId = `h${++this.requestCounter}`;
    const before = kind === 'older' ? room.messages[0]?.seq : undefined;
    if (kind === 'older' && before === undefined) return;
    this.requests.set(requestId, { roomId: room.id, kind });
    if (kind === 'older') room.loadingOlder = true;
    const sent = this.socket.send({ type: 'history', roomId: room.id, requestId, limit: PAGE, ...(before === undefined ? {} : { before }) } satisfies ClientFrame);
    if (!sent) {
      this.requests.delete(requestId);
      room.loadingOlder = false;
    }
  }

  private receive(frame: ServerFrame): void {
    if (!frame || typeof frame !== 'object') return;
    switch (frame.type) {
      case 'hello':
        this.ready = true;
        this.me = frame.userId;
        this.maxTextLength = frame.limits.maxTextLength;
        this.ping ??= setInterval(() => this.socket.send({ type: 'ping' } satisfies ClientFrame), PING_MS);
        for (const room of this.rooms.values()) if (room.viewers + room.followers > 0 || room.lingering.length > 0) this.join(room);
        this.sendWatch([...this.watched]); // a new socket: the server forgot what the old one watched
        return;
      case 'joined': {
        const room = this.rooms.get(frame.room.id);
        if (!room) return;
        room.joinedWith(frame.room, frame.online, frame.removedSeqs);
        if (room.viewers > 0 && !room.historyLoaded) this.requestHistory(room, 'newest');
        this.outbox.flush(room);
        return;
      }
      case 'message':
        return this.rooms.get(frame.message.roomId)?.addMessages([frame.message]);
      case 'ack': {
        const room = this.rooms.get(frame.roomId);
        return room && this.outbox.acknowledged(room, frame);
      }
      case 'history':
        return this.historyArrived(frame.requestId, frame.messages, frame.hasMore);
      case 'message_removed':
        return this.rooms.get(frame.roomId)?.removeSeqs([frame.seq]);
      case 'presence':
        return this.rooms.get(frame.roomId)?.presence(frame.online, frame.offline);
      case 'typing':
        if (frame.userId !== this.me) this.rooms.get(frame.roomId)?.someoneTyping(frame.userId, frame.name);
        this.sweepTyping();
        return;
      case 'room_updated': {
        // The doc says `{ room }`, the server sends `{ roomId, locked, title }`: accept both.
        const update = frame as unknown as { room?: RoomView; roomId?: string; locked?: boolean; title?: string };
        return this.rooms.get(update.room?.id ?? update.roomId ?? '')?.updated(update.room ?? update);
      }
      case 'muted': {
        const room = this.rooms.get(frame.roomId);
        if (room) room.mutedUntil = frame.until;
        return;
      }
      case 'left':
        return this.rooms.get(frame.roomId)?.left(frame.reason);
      case 'unread':
        return this.rooms.get(frame.roomId)?.readElsewhere(frame.lastSeq, frame.lastReadSeq);
      case 'activity':
        return this.rooms.get(frame.roomId)?.readElsewhere(frame.lastSeq, 0);
      case 'watching':
        for (const roomId of frame.refused) this.watched.delete(roomId);
        return;
      case 'notification':
        return receiveLiveNotification(frame.notification);
      case 'error':
        return this.failed(frame);
    }
  }

  private historyArrived(requestId: string, messages: MessageView[], hasMore: boolean): void {
    const request = this.requests.get(requestId);
    if (!request) return;
    this.requests.delete(requestId);
    const room = this.room(request.roomId);
    room.addMessages(messages);
    room.hasOlder = hasMore;
    if (request.kind === 'newest') room.historyLoaded = true;
    else room.loadingOlder = false;
  }

  private failed(frame: ChatErrorFrame): void {
    const ref = frame.ref;
    const room = ref?.roomId ? this.rooms.get(ref.roomId) : undefined;
    if (!room || !ref) return;
    if (ref.type === 'join') {
      room.joined = false;
      room.problem = frame.message;
      // A server hiccup (two first joins racing to create the room, storage busy) passes: try again
      // a few times with growing pauses. "Not a member" and "no such room" stay as they are.
      if ((frame.code === 'internal' || frame.code === 'unavailable') && room.joinRetries < JOIN_RETRIES) {
        const delay = 1000 * 2 ** room.joinRetries;
        room.joinRetries += 1;
        setTimeout(() => {
          if (this.ready && !room.joined && room.viewers + room.followers + room.lingering.length > 0) this.join(room);
        }, delay);
      }
    } else if (ref.type === 'history') {
      if (ref.requestId) this.requests.delete(ref.requestId);
      room.loadingOlder = false;
      room.notice = `Older messages could not be loaded: ${frame.message}`;
    } else if (ref.type === 'send' && ref.clientId) {
      this.outbox.refused(room, ref.clientId, frame);
    }
  }

  private sweepTyping(): void {
    if (this.typingSweep) return;
    this.typingSweep = setInterval(() => {
      let any = false;
      for (const room of this.rooms.values()) any = room.expireTyping() || any;
      if (!any && this.typingSweep) {
        clearInterval(this.typingSweep);
        this.typingSweep = null;
      }
    }, 1000);
  }
}

export const chat = new ChatStore(liveSocket);
