import { describe, expect, it } from 'vitest';
import { messageId, parseRoomId, roomIdOf } from '../../../server/modules/chat/ids';
import { clientMessageCheckers } from '../../../server/modules/chat/schema';

describe('room ids', () => {
  it('round-trips kind and reference', () => {
    const ref = '0123456789abcdef01234567';
    for (const kind of ['lobby', 'topic', 'meeting', 'access'] as const) {
      expect(parseRoomId(roomIdOf(kind, ref))).toEqual({ kind, ref });
    }
    expect(messageId('lobby-0123456789abcdef01234567', 7)).toBe('lobby-0123456789abcdef01234567:7');
  });

  it('refuses anything else', () => {
    for (const bad of ['lobby-xyz', 'dm-0123456789abcdef01234567', 'lobby-0123456789abcdef01234567:1', '', 'lobby-0123456789ABCDEF01234567x']) {
      expect(parseRoomId(bad)).toBeNull();
    }
  });
});

describe('client message schemas', () => {
  it('accept the documented messages and refuse extra or missing fields', () => {
    const roomId = 'lobby-0123456789abcdef01234567';
    expect(clientMessageCheckers.send.Check({ type: 'send', roomId, clientId: 'a-1_B', text: 'hi' })).toBe(true);
    expect(clientMessageCheckers.send.Check({ type: 'send', roomId, clientId: 'has space', text: 'hi' })).toBe(false);
    expect(clientMessageCheckers.send.Check({ type: 'send', roomId, text: 'hi' })).toBe(false);
    expect(clientMessageCheckers.join.Check({ type: 'join', roomId, after: 3 })).toBe(true);
    expect(clientMessageCheckers.join.Check({ type: 'join', roomId, after: -1 })).toBe(false);
    expect(clientMessageCheckers.join.Check({ type: 'join', roomId, admin: true })).toBe(false);
    expect(clientMessageCheckers.history.Check({ type: 'history', roomId, requestId: 'h', limit: 101 })).toBe(false);
  });
});
