import type { ListingKind } from '../../server/modules/shared/listing-changes';
import type { JobContext } from './context';

// Which listings match jobs recomputed, and when: a full rescore computes from a snapshot, so
// after it switches to its new lists it recomputes the listings touched since it started.
// Kept for a day (longer than any rescore); older entries are trimmed on every write.
const KEEP_MS = 24 * 60 * 60 * 1000;
// A job that read its listing just before the rescore started may write just after.
const MARGIN_MS = 5_000;

const key = (ctx: JobContext) => `${ctx.redisPrefix}:touched-listings`;

export async function recordTouched(ctx: JobContext, kind: ListingKind, id: string, at = Date.now()): Promise<void> {
  await ctx.redis.multi().zadd(key(ctx), at, `${kind}:${id}`).zremrangebyscore(key(ctx), '-inf', at - KEEP_MS).exec();
}

export async function listingsTouchedSince(ctx: JobContext, sinceMs: number): Promise<{ kind: ListingKind; id: string }[]> {
  const members = await ctx.redis.zrangebyscore(key(ctx), sinceMs - MARGIN_MS, '+inf');
  return members.map((member) => {
    const [kind, id] = member.split(':') as [ListingKind, string];
    return { kind, id };
  });
}
