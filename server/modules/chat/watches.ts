import type { CurrentUser } from '../accounts/current-user';
import type { FeedWatcher } from './feed';
import type { ChatHub } from './hub';
import type { ChatService } from './service';

/** One `activity` frame per room at most this often: a busy lobby must not flood a tab that only shows a badge. */
export const ACTIVITY_INTERVAL_MS = 1000;

/**
 * The rooms one socket follows without joining them (a rooms list, the navigation's unread badge):
 * membership is checked when a room is watched and by the sweep, and the socket gets
 * `activity { roomId, lastSeq }` when the room moves on, coalesced to one frame per room and second.
 */
export class RoomWatches implements FeedWatcher {
  private watched = new Set<string>();
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly hub: ChatHub,
    private readonly chat: ChatService,
    private readonly sendJson: (frame: Record<string, unknown>) => void,
  ) {}

  get rooms(): string[] {
    return [...this.watched];
  }

  /** Watches the rooms the user may read; answers which were accepted and the current position of each. */
  async watch(user: CurrentUser, roomIds: readonly string[]): Promise<void> {
    const accepted: string[] = [];
    const refused: string[] = [];
    for (const roomId of roomIds) {
      try {
        await this.chat.access.roleOf(roomId, user, { moderation: false });
        const lastSeq = await this.hub.watch(roomId, this);
        if (this.closed) return this.hub.unwatch(roomId, this); // the socket closed meanwhile
        this.watched.add(roomId);
        accepted.push(roomId);
        this.activity(roomId, lastSeq);
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === undefined) throw error;
        refused.push(roomId); // not a member, or no such room: the same answer (no probing)
      }
    }
    this.sendJson({ type: 'watching', roomIds: accepted, refused });
  }

  unwatch(roomIds: readonly string[]): void {
    for (const roomId of roomIds) {
      if (!this.watched.delete(roomId)) continue;
      this.pending.delete(roomId);
      this.hub.unwatch(roomId, this);
    }
  }

  activity(roomId: string, lastSeq: number): void {
    this.pending.set(roomId, Math.max(lastSeq, this.pending.get(roomId) ?? 0));
    if (!this.timer) this.flush();
  }

  close(): void {
    this.closed = true;
    this.unwatch(this.rooms);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Sends what is pending now, then waits ACTIVITY_INTERVAL_MS before sending again. */
  private flush(): void {
    this.timer = null;
    if (this.pending.size === 0) return;
    for (const [roomId, lastSeq] of this.pending) this.sendJson({ type: 'activity', roomId, lastSeq });
    this.pending.clear();
    this.timer = setTimeout(() => this.flush(), ACTIVITY_INTERVAL_MS);
  }
}
