import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

// Deletes the key only if it still holds our token, so a lock that expired and was taken by
// someone else is never released by us.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Runs `fn` while holding a short Redis lock on `key`. Used for read-modify-write of documents
 * that several jobs may touch at once (MongoDB-compatible servers without transactions, and
 * FerretDB only looks documents up efficiently by _id, so we cannot guard with a version filter).
 */
export async function withRedisLock<T>(redis: Redis, key: string, fn: () => Promise<T>, ttlMs = 15_000, waitMs = 30_000): Promise<T> {
  const token = randomBytes(12).toString('hex');
  const deadline = Date.now() + waitMs;
  let delay = 5;
  while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
    if (Date.now() > deadline) throw new Error(`could not lock ${key} within ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await fn();
  } finally {
    await redis.eval(RELEASE, 1, key, token);
  }
}
