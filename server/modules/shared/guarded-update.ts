import type { Redis } from 'ioredis';
import type { Types } from 'mongoose';
import { withRedisLock } from './redis-lock';

/** What a guarded update needs from a mongoose model. */
interface UpdatableModel {
  collection: { name: string };
  findById(id: Types.ObjectId): { lean<T>(): PromiseLike<T | null> };
  updateOne(filter: { _id: Types.ObjectId }, update: { $set: Record<string, unknown> }): PromiseLike<unknown>;
}

/**
 * Changes one document only if the fields the caller read still hold: under a short Redis lock on
 * the document, it is read again and updated by `_id` alone. The usual optimistic guard — the
 * expected state in the update's filter, `{_id, status}` — is not served from an index by FerretDB
 * (only a filter that is exactly `{_id}` is): it scanned the whole collection, 0.4 s per publish
 * at 5k needs on an idle machine and seconds at 50k research outputs.
 */
export class GuardedUpdates {
  constructor(
    private readonly redis: Redis,
    private readonly lockPrefix: string,
  ) {}

  /** Returns false, changing nothing, when the document is gone or no longer as `expected`. */
  async update(model: UpdatableModel, id: Types.ObjectId, expected: Record<string, unknown>, set: Record<string, unknown>): Promise<boolean> {
    const key = `${this.lockPrefix}:lock:${model.collection.name}:${String(id)}`;
    return withRedisLock(this.redis, key, async () => {
      const doc = await model.findById(id).lean<Record<string, unknown>>();
      if (!doc || Object.entries(expected).some(([field, value]) => doc[field] !== value)) return false;
      await model.updateOne({ _id: id }, { $set: set });
      return true;
    });
  }
}
