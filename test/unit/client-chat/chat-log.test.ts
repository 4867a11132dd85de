import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  highestSeq,
  lowestSeq,
  markRemoved,
  mergeMessages,
  newClientId,
  nextToSend,
  requeueInFlight,
  typingSentence,
  waitWords,
  type OutgoingMessage,
} from '../../../client/src/lib/chat-log';
import type { MessageView } from '../../../client/src/lib/chat-types';

const ROOM = 'access-0123456789abcdef01234567';
function message(seq: number, text = `message ${seq}`, extra: Partial<MessageView> = {}): MessageView {
  return { id: `${ROOM}:${seq}`, roomId: ROOM, seq, senderId: 'u1', senderName: 'Ana', text, createdAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(), clientId: `c${seq}`, removed: false, ...extra };
}
const seqs = (list: MessageView[]) => list.map((m) => m.seq);

describe('mergeMessages', () => {
  it('keeps messages ascending by sequence whatever order they arrive in', () => {
    const merged = mergeMessages(mergeMessages([], [message(5), message(3)]), [message(4), message(1), message(9)]);
    expect(seqs(merged)).toEqual([1, 3, 4, 5, 9]);
  });

  it('never keeps two copies of one sequence (live frame, history page and resync overlap)', () => {
    const live = [message(48), message(49), message(50)];
    const newestPage = Array.from({ length: 50 }, (_, i) => message(i + 1));
    const resync = [message(50), message(51)];
    const merged = mergeMessages(mergeMessages(mergeMessages([], live), newestPage), resync);
    expect(seqs(merged)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  it('a stale copy never brings a removed message back', () => {
    const removed = markRemoved([message(1), message(2, 'rude words')], [2]);
    const merged = mergeMessages(removed, [message(2, 'rude words')]);
    expect(merged[1]).toMatchObject({ seq: 2, removed: true, text: '' });
  });

  it('a later removed copy replaces the cached text', () => {
    const merged = mergeMessages([message(1), message(2, 'rude words')], [message(2, '', { removed: true })]);
    expect(merged[1]).toMatchObject({ removed: true, text: '' });
  });

  it('returns the same array when nothing arrives', () => {
    const list = [message(1)];
    expect(mergeMessages(list, [])).toBe(list);
  });
});

describe('markRemoved', () => {
  it('blanks only the listed sequences and leaves the array untouched when none match', () => {
    const list = [message(1), message(2), message(3)];
    const next = markRemoved(list, [2, 7]);
    expect(next.map((m) => [m.seq, m.removed, m.text])).toEqual([[1, false, 'message 1'], [2, true, ''], [3, false, 'message 3']]);
    expect(markRemoved(list, [7])).toBe(list);
  });
});

describe('resync positions', () => {
  it('the next join asks for everything after the highest sequence received', () => {
    expect(highestSeq([])).toBe(0);
    expect(highestSeq([message(3), message(8)])).toBe(8);
    expect(highestSeq([message(3)], 10)).toBe(10);
    expect(lowestSeq([message(3), message(8)])).toBe(3);
    expect(lowestSeq([])).toBeNull();
  });
});

describe('outgoing queue', () => {
  const item = (clientId: string, status: OutgoingMessage['status'], notBefore = 0): OutgoingMessage => ({ clientId, roomId: ROOM, text: clientId, queuedAt: '2026-01-01T00:00:00.000Z', status, error: null, notBefore });

  it('sends one message at a time, in the order typed', () => {
    expect(nextToSend([item('a', 'waiting'), item('b', 'waiting')], 0)?.clientId).toBe('a');
    expect(nextToSend([item('a', 'sending'), item('b', 'waiting')], 0)).toBeNull();
    expect(nextToSend([item('a', 'waiting'), item('b', 'sending')], 0)).toBeNull();
    expect(nextToSend([], 0)).toBeNull();
  });

  it('skips refused messages and waits out a rate limit', () => {
    expect(nextToSend([item('a', 'failed'), item('b', 'waiting')], 0)?.clientId).toBe('b');
    expect(nextToSend([item('a', 'waiting', 5000), item('b', 'waiting')], 1000)).toBeNull();
    expect(nextToSend([item('a', 'waiting', 5000)], 5000)?.clientId).toBe('a');
  });

  it('after a lost connection, what was in flight is sent again with the same clientId', () => {
    const requeued = requeueInFlight([item('a', 'sending'), item('b', 'waiting'), item('c', 'failed')]);
    expect(requeued.map((i) => [i.clientId, i.status])).toEqual([['a', 'waiting'], ['b', 'waiting'], ['c', 'failed']]);
  });

  it('client ids fit the protocol and do not repeat', () => {
    const ids = new Set(Array.from({ length: 500 }, () => newClientId()));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(newClientId(() => new Uint8Array(16))).toBe(`c${'A'.repeat(16)}`);
  });
});

describe('composer', () => {
  it('counts trimmed text as the server does and explains the limit', () => {
    expect(checkDraft('   ', 10)).toMatchObject({ ok: false, problem: null, length: 0 });
    expect(checkDraft('  hello  ', 10)).toMatchObject({ ok: true, length: 5, remaining: 5 });
    expect(checkDraft('x'.repeat(10), 10).ok).toBe(true);
    const over = checkDraft('x'.repeat(12), 10);
    expect(over.ok).toBe(false);
    expect(over.problem).toBe('2 characters too long — messages can have up to 10.');
    expect(checkDraft('x'.repeat(11), 10).problem).toContain('1 character too long');
  });

  it('says waits and typing in words', () => {
    expect(waitWords(200)).toBe('1 second');
    expect(waitWords(2500)).toBe('3 seconds');
    expect(waitWords(60_000)).toBe('1 minute');
    expect(waitWords(125_000)).toBe('3 minutes');
    expect(typingSentence([])).toBe('');
    expect(typingSentence(['Ana'])).toBe('Ana is typing…');
    expect(typingSentence(['Ana', 'Ben'])).toBe('Ana and Ben are typing…');
    expect(typingSentence(['Ana', 'Ben', 'Cy'])).toBe('3 people are typing…');
  });
});
