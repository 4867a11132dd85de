import type { Redis } from 'ioredis';
import { messageId } from './ids';
import type { ChatMessageDoc, ChatMessageModel } from './model';
import type { ChatKeys } from './keys';
import type { MessageView } from './schema';

/** Newest messages per room kept in Redis for resync and recent history. */
export const LOG_CAP = 1000;

export function toMessageView(doc: ChatMessageDoc): MessageView {
  return {
    id: doc._id,
    roomId: doc.roomId,
    seq: doc.seq,
    senderId: doc.senderId,
    senderName: doc.senderName,
    text: doc.removedAt ? '' : doc.text ?? '',
    createdAt: doc.createdAt.toISOString(),
    clientId: doc.clientId,
    removed: Boolean(doc.removedAt),
  };
}

/** The client frame of a message: built once, sent as-is to every socket and stored in the log. */
export function messageFrame(view: MessageView): string {
  return JSON.stringify({ type: 'message', message: view });
}

/**
 * Reads stored messages by sequence. Sequences are dense (see writer.ts): every sequence up to the
 * room's last one names a stored message, so a page is a list of `_id`s. The Redis log answers the
 * recent ones; MongoDB is asked only for what the log no longer holds (one `_id` look-up each,
 * the only query FerretDB answers from an index).
 */
export class MessageLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ChatKeys,
    private readonly messages: ChatMessageModel,
  ) {}

  /** Highest stored sequence; 0 for an empty room. Falls back to MongoDB when Redis lost the key. */
  async lastSeq(roomId: string): Promise<number> {
    const cached = await this.redis.get(this.keys.last(roomId));
    if (cached !== null) return Number(cached);
    const [newest] = await this.messages.find({ roomId }, { seq: 1 }).sort({ seq: -1 }).limit(1).lean<{ seq: number }[]>();
    const last = newest?.seq ?? 0;
    // NX: a writer may have raised it meanwhile; never lower it.
    await this.redis.set(this.keys.last(roomId), last, 'NX');
    return Number((await this.redis.get(this.keys.last(roomId))) ?? last);
  }

  /** Messages with from ≤ seq ≤ to, ascending (to − from is bounded by the callers). */
  async range(roomId: string, from: number, to: number): Promise<MessageView[]> {
    if (to < from) return [];
    const frames = await this.redis.zrangebyscore(this.keys.log(roomId), from, to);
    const bySeq = new Map<number, MessageView>();
    for (const frame of frames) {
      const view = (JSON.parse(frame) as { message: MessageView }).message;
      bySeq.set(view.seq, view);
    }
    const missing: number[] = [];
    for (let seq = from; seq <= to; seq += 1) if (!bySeq.has(seq)) missing.push(seq);
    for (let i = 0; i < missing.length; i += 50) {
      const docs = await Promise.all(missing.slice(i, i + 50).map((seq) => this.messages.findById(messageId(roomId, seq)).lean<ChatMessageDoc>()));
      for (const doc of docs) if (doc) bySeq.set(doc.seq, toMessageView(doc));
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** One page of history: `after` → the oldest above it, else the newest below `before`. */
  async page(roomId: string, query: { before?: number; after?: number; limit?: number }): Promise<{ items: MessageView[]; hasMore: boolean }> {
    const limit = query.limit ?? 50;
    const last = await this.lastSeq(roomId);
    if (query.after !== undefined) {
      const to = Math.min(last, query.after + limit);
      return { items: await this.range(roomId, query.after + 1, to), hasMore: to < last };
    }
    const to = Math.min(last, (query.before ?? last + 1) - 1);
    const from = Math.max(1, to - limit + 1);
    return { items: await this.range(roomId, from, to), hasMore: from > 1 };
  }

  /** Empties a message for everyone (the log's copy too); returns the removed text, null if unknown. */
  async remove(roomId: string, seq: number, by: string): Promise<{ view: MessageView; text: string } | null> {
    const doc = await this.messages.findById(messageId(roomId, seq)).lean<ChatMessageDoc>();
    if (!doc) return null;
    const removedAt = doc.removedAt ?? new Date();
    if (!doc.removedAt) await this.messages.updateOne({ _id: doc._id }, { $set: { text: '', removedAt, removedBy: by } });
    const view = toMessageView({ ...doc, removedAt });
    const log = this.keys.log(roomId);
    if ((await this.redis.zcount(log, seq, seq)) > 0) {
      await this.redis.multi().zremrangebyscore(log, seq, seq).zadd(log, seq, messageFrame(view)).exec();
    }
    return { view, text: doc.text ?? '' };
  }
}
