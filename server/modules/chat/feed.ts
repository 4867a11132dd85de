import type { MessageView } from './schema';

/**
 * A frame as written to sockets: JSON text, or that text already encoded once (a room's frame goes
 * to many sockets; encoding it per socket was a measurable share of the CPU under load).
 */
export type Frame = string | Buffer;

/** Something that receives a room's messages in sequence order (a socket's room subscription). */
export interface FeedMember {
  deliver(roomId: string, seq: number, frame: Frame): void;
  /** Non-message room frames (presence, typing, removals). */
  send(frame: Frame): void;
  readonly userId: string;
}

/** Something that follows only a room's progress (for unread counts), not its messages. */
export interface FeedWatcher {
  activity(roomId: string, lastSeq: number): void;
}

/** Gap waits: after GAP_FETCH_MS ask the store; give up on a sequence after GAP_GIVE_UP_MS. */
const GAP_FETCH_MS = 150;
const GAP_GIVE_UP_MS = 5000;

/**
 * One room's live messages on one instance, in sequence order. Publishes from different instances
 * can arrive out of order (two senders commit 6 and 7; 7's publish overtakes 6's), so frames after
 * a gap wait here. Sequences are dense, so a missing one is certain to be stored: after a short wait
 * it is read from the store instead of waiting for its publish. Frames at or below `delivered` are
 * duplicates and are dropped, so each member gets every message exactly once.
 */
export class RoomFeed {
  readonly members = new Set<FeedMember>();
  readonly watchers = new Set<FeedWatcher>();
  /** Highest sequence handed to members; everything up to it has been delivered. */
  delivered = -1;
  private pending = new Map<number, Frame>();
  private timer: NodeJS.Timeout | null = null;
  private gapSince = 0;

  constructor(
    readonly roomId: string,
    private readonly fetch: (roomId: string, from: number, to: number) => Promise<MessageView[]>,
    private readonly frameOf: (view: MessageView) => Frame,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the feed at the room's last stored sequence (read after subscribing). */
  start(lastStored: number): void {
    this.delivered = Math.max(this.delivered, lastStored);
    for (const seq of this.pending.keys()) if (seq <= this.delivered) this.pending.delete(seq);
    this.flush();
  }

  accept(seq: number, frame: Frame): void {
    if ((this.delivered >= 0 && seq <= this.delivered) || this.pending.has(seq)) return;
    this.pending.set(seq, frame);
    if (this.delivered >= 0) this.flush();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Nobody on this instance needs the room any more. */
  get unused(): boolean {
    return this.members.size === 0 && this.watchers.size === 0;
  }

  private flush(): void {
    const before = this.delivered;
    let frame = this.pending.get(this.delivered + 1);
    while (frame !== undefined) {
      this.pending.delete(this.delivered + 1);
      this.delivered += 1;
      for (const member of this.members) member.deliver(this.roomId, this.delivered, frame);
      frame = this.pending.get(this.delivered + 1);
    }
    if (this.delivered > before) for (const watcher of this.watchers) watcher.activity(this.roomId, this.delivered);
    if (this.pending.size === 0) {
      this.gapSince = 0;
      return;
    }
    if (this.gapSince === 0) this.gapSince = Date.now();
    if (!this.timer) this.timer = setTimeout(() => void this.fillGap(), GAP_FETCH_MS);
  }

  private async fillGap(): Promise<void> {
    this.timer = null;
    if (this.pending.size === 0) return;
    const firstPending = Math.min(...this.pending.keys());
    try {
      const found = await this.fetch(this.roomId, this.delivered + 1, firstPending - 1);
      for (const view of found) if (view.seq > this.delivered) this.pending.set(view.seq, this.frameOf(view));
    } catch (error) {
      this.onError(error);
    }
    if (!this.pending.has(this.delivered + 1) && Date.now() - this.gapSince > GAP_GIVE_UP_MS) {
      // Cannot happen while the store works (sequences are dense); never stall the room forever.
      this.onError(new Error(`chat room ${this.roomId}: sequences ${this.delivered + 1}..${firstPending - 1} not found, skipped`));
      this.delivered = firstPending - 1;
    }
    this.flush();
  }
}
