import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomFeed, type FeedMember } from '../../../server/modules/chat/feed';
import type { MessageView } from '../../../server/modules/chat/schema';

const view = (seq: number): MessageView => ({
  id: `r:${seq}`,
  roomId: 'r',
  seq,
  senderId: 'u',
  senderName: 'U',
  text: `m${seq}`,
  createdAt: new Date(0).toISOString(),
  clientId: `c${seq}`,
  removed: false,
});
const frame = (seq: number) => JSON.stringify({ type: 'message', message: view(seq) });

function member(): FeedMember & { seqs: number[] } {
  const seqs: number[] = [];
  return { userId: 'x', seqs, deliver: (_room, seq) => seqs.push(seq), send: () => undefined };
}

function feedWith(store: (from: number, to: number) => MessageView[] = () => []) {
  const fetch = vi.fn(async (_room: string, from: number, to: number) => store(from, to));
  const errors: unknown[] = [];
  const feed = new RoomFeed('r', fetch, (v) => JSON.stringify({ type: 'message', message: v }), (e) => errors.push(e));
  const m = member();
  feed.members.add(m);
  return { feed, m, fetch, errors };
}

describe('RoomFeed', () => {
  afterEach(() => vi.useRealTimers());

  it('delivers in sequence order whatever the arrival order, each sequence once', () => {
    const { feed, m } = feedWith();
    feed.start(0);
    for (const seq of [2, 1, 1, 4, 3, 2, 5]) feed.accept(seq, frame(seq));
    expect(m.seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds frames that arrive before start and drops those at or below the starting sequence', () => {
    const { feed, m } = feedWith();
    feed.accept(6, frame(6));
    feed.accept(5, frame(5));
    feed.accept(7, frame(7));
    expect(m.seqs).toEqual([]);
    feed.start(5);
    expect(m.seqs).toEqual([6, 7]);
  });

  it('reads a missing sequence from the store when its publish is late', async () => {
    vi.useFakeTimers();
    const { feed, m, fetch } = feedWith((from, to) => Array.from({ length: to - from + 1 }, (_, i) => view(from + i)));
    feed.start(10);
    feed.accept(13, frame(13));
    expect(m.seqs).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).toHaveBeenCalledWith('r', 11, 12);
    expect(m.seqs).toEqual([11, 12, 13]);
    // The late publishes are duplicates now.
    feed.accept(11, frame(11));
    feed.accept(12, frame(12));
    expect(m.seqs).toEqual([11, 12, 13]);
  });

  it('never stalls: a sequence the store does not have is skipped after the give-up time, and reported', async () => {
    vi.useFakeTimers();
    const { feed, m, errors } = feedWith(() => []);
    feed.start(0);
    feed.accept(2, frame(2));
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.seqs).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(m.seqs).toEqual([2]);
    expect(errors).toHaveLength(1);
  });
});
