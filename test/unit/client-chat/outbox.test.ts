import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeMessages, requeueInFlight, type OutgoingMessage } from '../../../client/src/lib/chat-log';
import { ChatOutbox } from '../../../client/src/lib/chat-outbox';
import { ReadMarkers } from '../../../client/src/lib/chat-reads';
import type { ChatRoom } from '../../../client/src/lib/chat-room.svelte';
import type { ClientFrame, MessageView, RoomView } from '../../../client/src/lib/chat-types';

const ROOM = 'access-0123456789abcdef01234567';

/** The part of ChatRoom the outbox and the read markers use, without Svelte's runes. */
class FakeRoom {
  id = ROOM;
  outbox: OutgoingMessage[] = [];
  messages: MessageView[] = [];
  notice: string | null = null;
  mutedUntil: string | null = null;
  lastSeq = 0;
  lastReadSeq = 0;
  joined = true;
  view: RoomView | null = null;
  updateOutgoing(clientId: string, change: Partial<OutgoingMessage>) {
    this.outbox = this.outbox.map((item) => (item.clientId === clientId ? { ...item, ...change } : item));
  }
  addMessages(incoming: MessageView[]) {
    this.messages = mergeMessages(this.messages, incoming);
    this.lastSeq = Math.max(this.lastSeq, ...incoming.map((m) => m.seq));
    const arrived = new Set(incoming.map((m) => m.clientId));
    this.outbox = this.outbox.filter((item) => !arrived.has(item.clientId));
  }
}

describe('the outbox', () => {
  let wire: ClientFrame[];
  let connected: boolean;
  let rejoined: number;
  let room: FakeRoom;
  let outbox: ChatOutbox;
  const sends = () => wire.filter((frame): frame is Extract<ClientFrame, { type: 'send' }> => frame.type === 'send');
  const ack = (clientId: string, seq: number, duplicate = false) =>
    outbox.acknowledged(room as unknown as ChatRoom, { type: 'ack', roomId: ROOM, clientId, id: `${ROOM}:${seq}`, seq, createdAt: new Date().toISOString(), duplicate });

  beforeEach(() => {
    vi.useFakeTimers();
    wire = [];
    connected = true;
    rejoined = 0;
    room = new FakeRoom();
    outbox = new ChatOutbox({
      send: (frame) => (connected ? (wire.push(frame), true) : false),
      canSend: () => connected,
      rejoin: () => (rejoined += 1),
      author: () => ({ id: 'me', name: 'Greta' }),
      stored: () => undefined,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('sends one message at a time and shows each as stored once acknowledged', () => {
    outbox.queue(room as unknown as ChatRoom, '  first  ');
    outbox.queue(room as unknown as ChatRoom, 'second');
    expect(sends().map((f) => f.text)).toEqual(['first']);
    ack(sends()[0]!.clientId, 1);
    expect(sends().map((f) => f.text)).toEqual(['first', 'second']);
    ack(sends()[1]!.clientId, 2);
    expect(room.outbox).toEqual([]);
    expect(room.messages.map((m) => [m.seq, m.text, m.senderId])).toEqual([[1, 'first', 'me'], [2, 'second', 'me']]);
  });

  it('what was written offline waits, and after a lost connection the same clientId is sent again', () => {
    connected = false;
    outbox.queue(room as unknown as ChatRoom, 'written offline');
    expect(sends()).toEqual([]);
    expect(room.outbox[0]!.status).toBe('waiting');
    connected = true;
    outbox.flush(room as unknown as ChatRoom);
    const first = sends()[0]!;
    // The connection drops before the ack: the item is requeued (as ChatRoom.disconnected does) and resent.
    room.outbox = requeueInFlight(room.outbox);
    outbox.flush(room as unknown as ChatRoom);
    expect(sends().map((f) => f.clientId)).toEqual([first.clientId, first.clientId]);
    ack(first.clientId, 7, true);
    expect(room.messages.map((m) => m.seq)).toEqual([7]);
  });

  it('a rate limit holds the message for the time the server names, with a kind notice, then resends it', () => {
    outbox.queue(room as unknown as ChatRoom, 'too fast');
    const { clientId } = sends()[0]!;
    outbox.refused(room as unknown as ChatRoom, clientId, { type: 'error', code: 'rate_limited', message: 'slow down', retryAfterMs: 1500 });
    expect(room.notice).toBe('You are sending messages faster than the chat allows. Your message will go out in 2 seconds.');
    expect(sends()).toHaveLength(1);
    vi.advanceTimersByTime(1499);
    expect(sends()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sends().map((f) => f.clientId)).toEqual([clientId, clientId]);
    ack(clientId, 3);
    expect(room.notice).toBeNull();
  });

  it('a refused message is marked with the reason and the next one still goes out', () => {
    outbox.queue(room as unknown as ChatRoom, 'in a locked room');
    outbox.queue(room as unknown as ChatRoom, 'next');
    outbox.refused(room as unknown as ChatRoom, sends()[0]!.clientId, { type: 'error', code: 'room_locked', message: 'This room is locked.' });
    expect(room.outbox[0]).toMatchObject({ status: 'failed', error: 'This room is locked.' });
    expect(sends().map((f) => f.text)).toEqual(['in a locked room', 'next']);
    // Tried again while "next" is in flight: it waits its turn, then goes out with its own clientId.
    const refusedId = room.outbox[0]!.clientId;
    outbox.retry(room as unknown as ChatRoom, refusedId);
    expect(room.outbox[0]!.status).toBe('waiting');
    expect(sends()).toHaveLength(2);
    ack(sends()[1]!.clientId, 4);
    expect(sends().map((f) => f.clientId)).toEqual([refusedId, sends()[1]!.clientId, refusedId]);
  });

  it('a mute sets the room’s mute end; "not joined" asks for a new join instead of failing', () => {
    outbox.queue(room as unknown as ChatRoom, 'hello');
    outbox.refused(room as unknown as ChatRoom, sends()[0]!.clientId, { type: 'error', code: 'muted', message: 'muted', retryAfterMs: 60_000 });
    expect(Date.parse(room.mutedUntil!)).toBeGreaterThan(Date.now());
    outbox.queue(room as unknown as ChatRoom, 'again');
    outbox.refused(room as unknown as ChatRoom, sends()[1]!.clientId, { type: 'error', code: 'not_joined', message: 'join first' });
    expect(rejoined).toBe(1);
    expect(room.outbox[1]!.status).toBe('waiting');
  });
});

describe('read markers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('the first marker goes at once, later ones once a second, and a waiting one when the room closes', () => {
    const delivered: number[] = [];
    const reads = new ReadMarkers((_room, seq) => delivered.push(seq));
    const room = new FakeRoom();
    const mark = (seq: number) => {
      room.lastSeq = seq;
      reads.mark(room as unknown as ChatRoom);
    };
    mark(3);
    expect(delivered).toEqual([3]);
    mark(4);
    mark(5);
    expect(delivered).toEqual([3]);
    expect(room.lastReadSeq).toBe(5);
    vi.advanceTimersByTime(1000);
    expect(delivered).toEqual([3, 5]);
    mark(6);
    mark(7);
    reads.flush(room as unknown as ChatRoom);
    expect(delivered).toEqual([3, 5, 6, 7]);
    vi.advanceTimersByTime(1000);
    mark(7);
    expect(delivered).toEqual([3, 5, 6, 7]);
  });
});
