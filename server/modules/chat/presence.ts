import type { Redis } from 'ioredis';
import type { ChatKeys } from './keys';

const ENTRY_TTL_MS = 60_000;
const HEARTBEAT_MS = 20_000;
const FLUSH_MS = 1000;

export interface OnlineUser {
  userId: string;
  name: string;
}

/**
 * Who is online per room, across instances: a sorted set per room of `<instance>|<userId>|<name>`
 * scored by expiry, refreshed by each instance for its own sockets (a crashed instance's entries
 * expire). Changes are batched per room and published at most once a second, so 1,000 people
 * opening a lobby cause a few presence frames, not a million.
 */
export class Presence {
  /** roomId → userId → local socket count */
  private local = new Map<string, Map<string, { count: number; name: string }>>();
  private changes = new Map<string, { online: Map<string, string>; offline: Set<string> }>();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly keys: ChatKeys,
    private readonly instanceId: string,
    private readonly publish: (roomId: string, frame: string) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.timers.push(setInterval(() => this.flush(), FLUSH_MS), setInterval(() => void this.heartbeat(), HEARTBEAT_MS));
    for (const timer of this.timers) timer.unref();
  }

  async online(roomId: string): Promise<OnlineUser[]> {
    const entries = await this.redis.zrangebyscore(this.keys.presence(roomId), Date.now(), '+inf');
    const users = new Map<string, string>();
    for (const entry of entries) {
      const [, userId, ...name] = entry.split('|');
      if (userId) users.set(userId, name.join('|'));
    }
    return [...users].map(([userId, name]) => ({ userId, name }));
  }

  joined(roomId: string, userId: string, name: string): void {
    const room = this.local.get(roomId) ?? new Map<string, { count: number; name: string }>();
    this.local.set(roomId, room);
    const entry = room.get(userId);
    if (entry) {
      entry.count += 1;
      return;
    }
    room.set(userId, { count: 1, name });
    this.redis.zadd(this.keys.presence(roomId), Date.now() + ENTRY_TTL_MS, this.member(userId, name)).catch(this.onError);
    const change = this.change(roomId);
    change.offline.delete(userId);
    change.online.set(userId, name);
  }

  left(roomId: string, userId: string): void {
    const room = this.local.get(roomId);
    const entry = room?.get(userId);
    if (!room || !entry) return;
    entry.count -= 1;
    if (entry.count > 0) return;
    room.delete(userId);
    if (room.size === 0) this.local.delete(roomId);
    void this.goneHere(roomId, userId, entry.name);
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  /** Removes this instance's entry; the user is offline only if no other instance still has them. */
  private async goneHere(roomId: string, userId: string, name: string): Promise<void> {
    try {
      await this.redis.zrem(this.keys.presence(roomId), this.member(userId, name));
      const stillOnline = (await this.online(roomId)).some((user) => user.userId === userId) || this.local.get(roomId)?.has(userId);
      if (stillOnline) return;
      const change = this.change(roomId);
      change.online.delete(userId);
      change.offline.add(userId);
    } catch (error) {
      this.onError(error);
    }
  }

  private change(roomId: string) {
    let change = this.changes.get(roomId);
    if (!change) {
      change = { online: new Map(), offline: new Set() };
      this.changes.set(roomId, change);
    }
    return change;
  }

  private flush(): void {
    const changes = this.changes;
    this.changes = new Map();
    for (const [roomId, { online, offline }] of changes) {
      if (online.size === 0 && offline.size === 0) continue;
      this.publish(
        roomId,
        JSON.stringify({ type: 'presence', roomId, online: [...online].map(([userId, name]) => ({ userId, name })), offline: [...offline] }),
      );
    }
  }

  private async heartbeat(): Promise<void> {
    const expiry = Date.now() + ENTRY_TTL_MS;
    const pipeline = this.redis.pipeline();
    for (const [roomId, users] of this.local) {
      for (const [userId, { name }] of users) pipeline.zadd(this.keys.presence(roomId), expiry, this.member(userId, name));
      pipeline.zremrangebyscore(this.keys.presence(roomId), '-inf', Date.now());
    }
    await pipeline.exec().catch(this.onError);
  }

  private member(userId: string, name: string): string {
    return `${this.instanceId}|${userId}|${name}`;
  }
}
