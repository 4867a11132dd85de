import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Failed sign-ins an account absorbs before each further one pauses it. */
export const FREE_FAILURES = 5;
/** The longest pause, however many failures follow. */
export const MAX_LOCK_SECONDS = 3600;
/** A failure streak is forgotten a day after its last failure. */
const STREAK_TTL_SECONDS = 24 * 3600;

/** Seconds an account stays paused after its `failures`-th consecutive failure: doubling, capped. */
export function lockSecondsAfter(failures: number, baseSeconds: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(baseSeconds * 2 ** (failures - FREE_FAILURES - 1), MAX_LOCK_SECONDS);
}

/**
 * Per-account throttling of sign-in, on top of the per-address rate limit (which a botnet walks
 * around). Counted per e-mail address whether or not an account uses it, so a pause tells nothing
 * about which addresses have accounts. Attempts during a pause are refused without being counted,
 * so nobody can extend another person's pause beyond the doubling.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly baseSeconds: number,
  ) {}

  /** Seconds until this address may try again; 0 when it may now. */
  async pausedFor(email: string): Promise<number> {
    const ttl = await this.redis.ttl(this.lockKey(email));
    return ttl > 0 ? ttl : 0;
  }

  /** Counts a failure; returns the streak length and the pause it starts (0 when none). */
  async recordFailure(email: string): Promise<{ failures: number; lockSeconds: number }> {
    const [[, failures]] = (await this.redis
      .multi()
      .incr(this.failuresKey(email))
      .expire(this.failuresKey(email), STREAK_TTL_SECONDS)
      .exec()) as [[null, number], [null, number]];
    const lockSeconds = lockSecondsAfter(failures, this.baseSeconds);
    if (lockSeconds > 0) await this.redis.set(this.lockKey(email), '1', 'EX', lockSeconds);
    return { failures, lockSeconds };
  }

  /** A successful sign-in or password reset ends the streak. */
  async clear(email: string): Promise<void> {
    await this.redis.del(this.failuresKey(email), this.lockKey(email));
  }

  private failuresKey(email: string): string {
    return `${this.prefix}:login-failures:${digest(email)}`;
  }

  private lockKey(email: string): string {
    return `${this.prefix}:login-lock:${digest(email)}`;
  }
}

// Keys carry a digest, not the address, so a Redis dump does not list who tried to sign in.
function digest(email: string): string {
  return createHash('sha256').update(email).digest('hex');
}
