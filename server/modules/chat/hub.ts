import type { Redis } from 'ioredis';
import type { ChatKeys } from './keys';
import { messageFrame, type MessageLog } from './log';
import { RoomFeed, type FeedMember, type FeedWatcher } from './feed';
import type { ParticipantLeft } from './participant-sets';
import { Presence } from './presence';

/** A connected socket as the hub sees it. */
export interface HubConnection extends FeedMember {
  /** Frames for the user (notifications, unread counts, mutes), from any instance. */
  onUserFrame(frame: string, parsed: { type: string; roomId?: string }): void;
}

/**
 * One per API instance: the bridge between local sockets and Redis pub/sub. Each room with local
 * members has one subscription and one RoomFeed (ordering, de-duplication); each user with local
 * sockets has one subscription for their notifications. A message is published once by the
 * instance that stored it and delivered by every instance to its own members, so members on
 * other instances receive it exactly once.
 */
export class ChatHub {
  private feeds = new Map<string, { feed: RoomFeed; ready: Promise<void> }>();
  private users = new Map<string, Set<HubConnection>>();
  readonly presence: Presence;

  constructor(
    private readonly deps: {
      publisher: Redis;
      subscriber: Redis;
      keys: ChatKeys;
      log: MessageLog;
      instanceId: string;
      onError: (error: unknown) => void;
      /** A room's stored state changed (lock, removal): drop cached copies. */
      onRoomChanged?: (roomId: string) => void;
      /** Someone left an event (any instance may have cached them as a participant, and may host their sockets). */
      onParticipantLeft?: (notice: ParticipantLeft) => void;
    },
  ) {
    deps.subscriber.on('message', (channel: string, frame: string) => this.onPublished(channel, frame));
    this.presence = new Presence(deps.publisher, deps.keys, deps.instanceId, (roomId, frame) => this.publishRoom(roomId, frame), deps.onError);
  }

  /** Listens for deployment-wide changes (before the instance serves anyone, so none is missed). */
  async start(): Promise<void> {
    await this.deps.subscriber.subscribe(this.deps.keys.changesChannel());
  }

  get connectionCount(): number {
    let count = 0;
    for (const set of this.users.values()) count += set.size;
    return count;
  }

  async attach(connection: HubConnection): Promise<void> {
    let set = this.users.get(connection.userId);
    if (!set) {
      set = new Set();
      this.users.set(connection.userId, set);
      set.add(connection);
      await this.deps.subscriber.subscribe(this.deps.keys.userChannel(connection.userId));
    } else set.add(connection);
  }

  detach(connection: HubConnection): void {
    const set = this.users.get(connection.userId);
    if (!set?.delete(connection) || set.size > 0) return;
    this.users.delete(connection.userId);
    this.deps.subscriber.unsubscribe(this.deps.keys.userChannel(connection.userId)).catch(this.deps.onError);
  }

  /** Adds a member to the room's feed; resolves with the sequence up to which the member must catch up from the store. */
  async join(roomId: string, member: FeedMember): Promise<number> {
    const feed = await this.feed(roomId);
    feed.members.add(member);
    return feed.delivered;
  }

  /** Adds a watcher (unread counts only); resolves with the room's last sequence. */
  async watch(roomId: string, watcher: FeedWatcher): Promise<number> {
    const feed = await this.feed(roomId);
    feed.watchers.add(watcher);
    return feed.delivered;
  }

  leave(roomId: string, member: FeedMember): void {
    const entry = this.feeds.get(roomId);
    if (entry?.feed.members.delete(member)) this.releaseIfUnused(roomId);
  }

  unwatch(roomId: string, watcher: FeedWatcher): void {
    const entry = this.feeds.get(roomId);
    if (entry?.feed.watchers.delete(watcher)) this.releaseIfUnused(roomId);
  }

  /** The room's feed on this instance, subscribed and positioned. */
  private async feed(roomId: string): Promise<RoomFeed> {
    let entry = this.feeds.get(roomId);
    if (!entry) {
      const feed = new RoomFeed(roomId, (room, from, to) => this.deps.log.range(room, from, to), messageFrame, this.deps.onError);
      // Subscribe first, then read the last stored sequence: anything stored later is published
      // after the subscription and reaches the feed; anything earlier is in the store.
      const ready = (async () => {
        await this.deps.subscriber.subscribe(this.deps.keys.roomChannel(roomId));
        feed.start(await this.deps.log.lastSeq(roomId));
      })();
      entry = { feed, ready };
      this.feeds.set(roomId, entry);
      ready.catch(() => {
        if (this.feeds.get(roomId) === entry) this.feeds.delete(roomId);
      });
    }
    await entry.ready;
    return entry.feed;
  }

  private releaseIfUnused(roomId: string): void {
    const entry = this.feeds.get(roomId);
    if (!entry?.feed.unused) return;
    entry.feed.close();
    this.feeds.delete(roomId);
    this.deps.subscriber.unsubscribe(this.deps.keys.roomChannel(roomId)).catch(this.deps.onError);
  }

  publishRoom(roomId: string, frame: string): void {
    this.deps.publisher.publish(this.deps.keys.roomChannel(roomId), frame).catch(this.deps.onError);
  }

  publishUser(userId: string, frame: string): void {
    this.deps.publisher.publish(this.deps.keys.userChannel(userId), frame).catch(this.deps.onError);
  }

  /** Every local connection of a user (moderation acts on them directly). */
  connectionsOf(userId: string): HubConnection[] {
    return [...(this.users.get(userId) ?? [])];
  }

  allConnections(): HubConnection[] {
    return [...this.users.values()].flatMap((set) => [...set]);
  }

  close(): void {
    this.presence.close();
    for (const { feed } of this.feeds.values()) feed.close();
  }

  private onPublished(channel: string, frame: string): void {
    const target = this.deps.keys.parseChannel(channel);
    if (!target) return;
    let parsed: { type: string; roomId?: string; userId?: string; message?: { seq: number } };
    try {
      parsed = JSON.parse(frame) as typeof parsed;
    } catch (error) {
      this.deps.onError(error);
      return;
    }
    if (target.scope === 'changes') {
      if (parsed.type === 'participant_left') this.deps.onParticipantLeft?.(parsed as ParticipantLeft);
      return;
    }
    if (target.scope === 'user') {
      for (const connection of this.users.get(target.id) ?? []) connection.onUserFrame(frame, parsed);
      return;
    }
    const entry = this.feeds.get(target.id);
    if (!entry) return;
    // Encoded once here, written as is to every member's socket.
    const bytes = Buffer.from(frame);
    if (parsed.type === 'message' && parsed.message) {
      entry.feed.accept(parsed.message.seq, bytes);
      return;
    }
    if (parsed.type === 'room_updated' || parsed.type === 'message_removed') this.deps.onRoomChanged?.(target.id);
    for (const member of entry.feed.members) {
      // Typing indicators go to everyone but the typist.
      if (parsed.type === 'typing' && member.userId === parsed.userId) continue;
      member.send(bytes);
    }
  }
}
