import { describe, expect, it } from 'vitest';
import { outageOf } from '../../../server/modules/shared/outage';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('which errors mean a dependency is down', () => {
  it('recognises the MongoDB driver and mongoose errors of an unreachable server', () => {
    expect(outageOf(named('MongoServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017'))).toBe('mongodb');
    expect(outageOf(named('MongoNetworkError', 'connection closed'))).toBe('mongodb');
    expect(outageOf(named('MongooseError', 'Operation `needs.find()` buffering timed out after 10000ms'))).toBe('mongodb');
  });

  it('recognises ioredis failing a command while disconnected', () => {
    expect(outageOf(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe('redis');
    expect(outageOf(new Error('Connection is closed.'))).toBe('redis');
    expect(outageOf(named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 1).'))).toBe('redis');
  });

  it('leaves everything else to the usual handling (a bug stays a 500, a bad request a 4xx)', () => {
    expect(outageOf(named('ValidationError', 'title: Path `title` is required.'))).toBeNull();
    expect(outageOf(named('MongoServerError', 'E11000 duplicate key error'))).toBeNull();
    expect(outageOf(named('ReplyError', 'WRONGTYPE Operation against a key holding the wrong kind of value'))).toBeNull();
    expect(outageOf(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(outageOf('a string')).toBeNull();
  });
});
