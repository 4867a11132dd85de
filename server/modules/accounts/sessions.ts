import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const SESSION_TTL_SECONDS = 14 * 24 * 3600;

/**
 * Server-side sessions in Redis. The cookie holds a random token; Redis holds only its SHA-256,
 * so a Redis dump cannot be replayed as cookies. A per-user set lets a password change end every
 * session of that user.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const key = this.key(token);
    await this.redis
      .multi()
      .set(key, userId, 'EX', SESSION_TTL_SECONDS)
      .sadd(this.userKey(userId), key)
      .expire(this.userKey(userId), SESSION_TTL_SECONDS)
      .exec();
    return token;
  }

  /** The user id of a live session, refreshing its lifetime; null when unknown or expired. */
  async userIdFor(token: string): Promise<string | null> {
    const key = this.key(token);
    const userId = await this.redis.get(key);
    // The user's set of sessions lives as long as its longest-lived session: were it to expire
    // first, a password change could no longer find (and end) a session kept alive by use.
    if (userId) await this.redis.multi().expire(key, SESSION_TTL_SECONDS).expire(this.userKey(userId), SESSION_TTL_SECONDS).exec();
    return userId;
  }

  async destroy(token: string): Promise<void> {
    const key = this.key(token);
    const userId = await this.redis.get(key);
    await this.redis.del(key);
    if (userId) await this.redis.srem(this.userKey(userId), key);
  }

  /** Ends every session of a user except, optionally, the one making the request. */
  async destroyAllFor(userId: string, keepToken?: string): Promise<void> {
    const keep = keepToken ? this.key(keepToken) : undefined;
    const keys = (await this.redis.smembers(this.userKey(userId))).filter((key) => key !== keep);
    if (keys.length > 0) await this.redis.del(...keys);
    await this.redis.del(this.userKey(userId));
    if (keep) await this.redis.sadd(this.userKey(userId), keep);
  }

  private key(token: string): string {
    return `${this.prefix}:session:${createHash('sha256').update(token).digest('hex')}`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}:user-sessions:${userId}`;
  }
}
