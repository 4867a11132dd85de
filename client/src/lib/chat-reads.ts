// Read markers: the first goes out at once, later ones at most once a second per room; a marker
// still waiting goes out when the room closes or the page is left, so the next page does not
// count read messages as unread.
import type { ChatRoom } from './chat-room.svelte';

const READ_EVERY_MS = 1000;

export class ReadMarkers {
  private unsent = new Map<string, ChatRoom>();
  private windows = new Map<string, ReturnType<typeof setTimeout>>();

  /** `deliver` sends `seq` for the room (over the socket when joined, else REST). */
  constructor(private readonly deliver: (room: ChatRoom, seq: number) => void) {}

  /** Everything up to the room's newest message has been seen. */
  mark(room: ChatRoom): void {
    const seq = Math.max(room.lastSeq, room.view?.lastSeq ?? 0);
    if (seq <= room.lastReadSeq) return;
    room.lastReadSeq = seq;
    this.unsent.set(room.id, room);
    if (this.windows.has(room.id)) return;
    this.flush(room);
    this.windows.set(room.id, setTimeout(() => {
      this.windows.delete(room.id);
      this.flush(room);
    }, READ_EVERY_MS));
  }

  flush(room: ChatRoom): void {
    if (this.unsent.delete(room.id)) this.deliver(room, room.lastReadSeq);
  }

  flushAll(): void {
    for (const room of [...this.unsent.values()]) this.flush(room);
  }

  clear(): void {
    this.unsent.clear();
  }
}
