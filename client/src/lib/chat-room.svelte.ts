// One chat room as this tab knows it: its messages (ordered, deduplicated), what it has seen for
// resync, who is online and typing, what this user is still sending, and the read marker. The
// chat store (chat.svelte.ts) feeds it socket frames; components only read it.
import { highestSeq, markRemoved, mergeMessages, requeueInFlight, type OutgoingMessage } from './chat-log';
import type { MessageView, OnlineUser, RoomView } from './chat-types';

const TYPING_SHOWN_MS = 5000;

export class ChatRoom {
  view = $state<RoomView | null>(null);
  messages = $state.raw<MessageView[]>([]);
  outbox = $state.raw<OutgoingMessage[]>([]);
  online = $state.raw<OnlineUser[]>([]);
  typing = $state.raw<{ userId: string; name: string; until: number }[]>([]);
  /** Joined on the current connection: sends and read markers may go out. */
  joined = $state(false);
  /** Why joining failed or the room was taken away (not a member, no such room). */
  problem = $state<string | null>(null);
  /** A passing, kind message for the composer (rate limit, storage hiccup). */
  notice = $state<string | null>(null);
  hasOlder = $state(true);
  loadingOlder = $state(false);
  /** The newest page has been asked for once; later openings resync with `join.after`. */
  historyLoaded = $state(false);
  lastReadSeq = $state(0);
  mutedUntil = $state<string | null>(null);
  /** Highest sequence received (the `after` of the next join). */
  lastSeq = $state(0);
  /** Panels showing this room (history is only fetched for them). */
  viewers = 0;
  /** Pages only following unread counts (the Messages page). */
  followers = 0;
  /** Socket releases held back while queued messages still have to go out. */
  lingering: (() => void)[] = [];
  /** Joins tried again after a passing server error, reset by a successful join. */
  joinRetries = 0;

  constructor(readonly id: string) {}

  get unread(): number {
    return Math.max(0, Math.max(this.lastSeq, this.view?.lastSeq ?? 0) - this.lastReadSeq);
  }

  /** A more telling name than the server's generic one ("Access request chat"), when the page knows it. */
  label = $state<string | null>(null);

  get title(): string {
    return this.label ?? this.view?.title ?? 'Chat';
  }

  get locked(): boolean {
    return this.view?.locked ?? false;
  }

  get canModerate(): boolean {
    return this.view?.canModerate ?? false;
  }

  get muted(): boolean {
    return this.mutedUntil !== null && Date.parse(this.mutedUntil) > Date.now();
  }

  /**
   * A room view from REST or the socket. `lastSeq` (what this tab received) is left alone: a join's
   * backlog may still be on its way, and resyncing from the room's newest sequence would skip it.
   */
  applyView(view: RoomView): void {
    this.view = view;
    this.lastReadSeq = Math.max(this.lastReadSeq, view.lastReadSeq);
    this.mutedUntil = view.mutedUntil;
  }

  joinedWith(view: RoomView, online: OnlineUser[], removedSeqs: number[]): void {
    this.applyView(view);
    this.joined = true;
    this.problem = null;
    this.joinRetries = 0;
    this.setOnline(online);
    this.removeSeqs(removedSeqs);
  }

  left(reason: 'left' | 'membership_revoked'): void {
    this.joined = false;
    if (reason === 'membership_revoked') this.problem = 'You no longer have access to this room.';
  }

  /** Another tab (or device) of this user moved the read marker. */
  readElsewhere(lastSeq: number, lastReadSeq: number): void {
    this.lastReadSeq = Math.max(this.lastReadSeq, lastReadSeq);
    if (this.view && lastSeq > this.view.lastSeq) this.view = { ...this.view, lastSeq };
  }

  /** Locked/unlocked or renamed: the room's facts change, this user's own counters stay. */
  updated(facts: { locked?: boolean; title?: string }): void {
    if (!this.view) return;
    this.view = { ...this.view, locked: facts.locked ?? this.view.locked, title: facts.title ?? this.view.title };
  }

  addMessages(incoming: readonly MessageView[]): void {
    this.messages = mergeMessages(this.messages, incoming);
    this.lastSeq = highestSeq(this.messages, this.lastSeq);
    // A message of ours that arrived (live or on resync) settles its queued copy even if the ack was lost.
    const arrived = new Set(incoming.map((message) => message.clientId));
    if (this.outbox.some((item) => arrived.has(item.clientId))) this.outbox = this.outbox.filter((item) => !arrived.has(item.clientId));
    // Someone who sent a message has stopped typing.
    const senders = new Set(incoming.map((message) => message.senderId));
    if (this.typing.some((entry) => senders.has(entry.userId))) this.typing = this.typing.filter((entry) => !senders.has(entry.userId));
  }

  removeSeqs(seqs: Iterable<number>): void {
    this.messages = markRemoved(this.messages, seqs);
  }

  setOnline(online: OnlineUser[]): void {
    this.online = dedupeUsers(online);
  }

  presence(cameOnline: OnlineUser[], wentOffline: string[]): void {
    const gone = new Set(wentOffline);
    this.online = dedupeUsers([...this.online.filter((user) => !gone.has(user.userId)), ...cameOnline]);
  }

  someoneTyping(userId: string, name: string, now = Date.now()): void {
    this.typing = [...this.typing.filter((entry) => entry.userId !== userId), { userId, name, until: now + TYPING_SHOWN_MS }];
  }

  /** Drops typing hints older than 5 s; returns whether any are left to expire later. */
  expireTyping(now = Date.now()): boolean {
    const left = this.typing.filter((entry) => entry.until > now);
    if (left.length !== this.typing.length) this.typing = left;
    return left.length > 0;
  }

  /** The connection dropped: not joined any more, and unacknowledged sends go out again later. */
  disconnected(): void {
    this.joined = false;
    this.typing = [];
    this.online = []; // presence is unknown until the next `joined`
    this.outbox = requeueInFlight(this.outbox);
  }

  updateOutgoing(clientId: string, change: Partial<OutgoingMessage>): void {
    this.outbox = this.outbox.map((item) => (item.clientId === clientId ? { ...item, ...change } : item));
  }

  dropOutgoing(clientId: string): void {
    this.outbox = this.outbox.filter((item) => item.clientId !== clientId);
  }
}

function dedupeUsers(users: OnlineUser[]): OnlineUser[] {
  const byId = new Map(users.map((user) => [user.userId, user]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
