import type { Redis } from 'ioredis';

/**
 * What Redis holds that must survive a restore, under the deployment's `<QUEUE_PREFIX>:app` prefix.
 * Everything else there is rebuilt or may go:
 *  - chat read markers (hash per user: room → last read sequence; its fields are also the rooms
 *    the user has joined) exist nowhere else, so they are kept;
 *  - chat mutes (a moderator's decision, with its time left) are kept;
 *  - sessions and password-reset tokens are not: a restore signs everybody out rather than bring
 *    back sessions that were ended after the backup;
 *  - rate limits, locks, presence, participant caches and BullMQ jobs are short-lived or
 *    recomputed (matches are in MongoDB; `POST /api/admin/rescore` recomputes them);
 *  - the chat's message cache (last sequence, recent log, client ids) is a copy of MongoDB and is
 *    cleared on restore, so it is rebuilt from the restored messages.
 */
const KEPT = [
  { pattern: 'chat:read:*', type: 'hash' },
  { pattern: 'chat:mute:*', type: 'string' },
] as const;
const CACHES = ['chat:last:*', 'chat:log:*', 'chat:cid:*'];

export type RedisEntry =
  | { key: string; type: 'hash'; value: Record<string, string> }
  | { key: string; type: 'string'; value: string; ttlMs: number | null };

async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: pattern, count: 500 })) keys.push(...(batch as string[]));
  return keys;
}

/** The keys to keep, with their values; keys are stored without the prefix so a restore may use another one. */
export async function* durableEntries(redis: Redis, prefix: string): AsyncGenerator<RedisEntry> {
  for (const { pattern, type } of KEPT) {
    for (const key of await keysMatching(redis, `${prefix}:${pattern}`)) {
      const relative = key.slice(prefix.length + 1);
      if (type === 'hash') {
        const value = await redis.hgetall(key);
        if (Object.keys(value).length > 0) yield { key: relative, type, value };
      } else {
        const [value, ttl] = await Promise.all([redis.get(key), redis.pttl(key)]);
        if (value !== null && ttl !== -2) yield { key: relative, type, value, ttlMs: ttl > 0 ? ttl : null };
      }
    }
  }
}

/** How many keys a backup will hold (for its progress bar). */
export async function countDurableKeys(redis: Redis, prefix: string): Promise<number> {
  let count = 0;
  for (const { pattern } of KEPT) count += (await keysMatching(redis, `${prefix}:${pattern}`)).length;
  return count;
}

export async function restoreEntry(redis: Redis, prefix: string, entry: RedisEntry): Promise<void> {
  const key = `${prefix}:${entry.key}`;
  if (entry.type === 'hash') {
    await redis.multi().del(key).hset(key, entry.value).exec();
  } else if (entry.ttlMs === null) {
    await redis.set(key, entry.value);
  } else {
    await redis.set(key, entry.value, 'PX', entry.ttlMs);
  }
}

/** Clears the kept keys and the chat's copy of MongoDB, before a restore writes its own. */
export async function clearForRestore(redis: Redis, prefix: string): Promise<void> {
  for (const pattern of [...KEPT.map((kept) => kept.pattern), ...CACHES]) {
    const keys = await keysMatching(redis, `${prefix}:${pattern}`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  }
}
