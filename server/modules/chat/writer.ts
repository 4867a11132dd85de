import type { Redis } from 'ioredis';
import { HttpError } from '../../plugins/errors';
import { messageId } from './ids';
import type { ChatKeys } from './keys';
import { LOG_CAP, messageFrame, toMessageView, type MessageLog } from './log';
import type { ChatMessageDoc, ChatMessageModel } from './model';
import type { MessageView } from './schema';

export interface NewMessage {
  roomId: string;
  senderId: string;
  senderName: string;
  clientId: string;
  text: string;
}

interface Pending extends NewMessage {
  attempts: number;
  resolve: (result: { view: MessageView; duplicate: boolean }) => void;
  reject: (error: Error) => void;
}

const MAX_BATCH = 300;
const MAX_ATTEMPTS = 25;
/** Batches running at once. More than one made FerretDB (SQLite, one writer) far slower: writers wait on its lock. */
const MAX_IN_FLIGHT = 1;

/**
 * Stores messages with dense, strictly increasing per-room sequences, in batches.
 *
 * A message's sequence is "highest stored + 1" and its `_id` is `<roomId>:<seq>`, so MongoDB's
 * unique `_id` decides: when two instances pick the same sequence, one insert fails and that message
 * retries with the next one. A sequence is therefore only ever tried after every smaller one is
 * stored — sequences have no holes and commit in sequence order, which is what lets receivers wait
 * for a missing sequence (it is certain to exist) and lets a resync "after N" miss nothing.
 * A batch is inserted in order and stops at its first failure, so a failed item never leaves a
 * hole behind a later one of the same room; the rest is retried at once. insertMany amortises
 * FerretDB's per-write cost (a batch of 100 costs about as much as a few single inserts), and a
 * busy room gets many messages into one batch instead of one per round trip.
 */
export class MessageWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Highest sequence this instance knows to be stored, per room (saves retries on hot rooms). */
  private known = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: ChatKeys,
    private readonly messages: ChatMessageModel,
    private readonly log: MessageLog,
    private readonly onError: (error: unknown) => void,
  ) {}

  write(message: NewMessage): Promise<{ view: MessageView; duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...message, attempts: 0, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    });
  }

  /** Starts the next batch (in arrival order) while fewer than MAX_IN_FLIGHT are running. */
  private drain(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      this.writeBatch(batch)
        .catch((error: unknown) => {
          this.onError(error);
          for (const item of batch) item.reject(unavailable());
        })
        .finally(() => {
          this.inFlight -= 1;
          this.drain();
        });
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    const rooms = [...new Set(batch.map((item) => item.roomId))];
    const lasts = await this.redis.mget(rooms.map((roomId) => this.keys.last(roomId)));
    const next = new Map<string, number>();
    for (const [i, roomId] of rooms.entries()) {
      const stored = lasts[i] === null || lasts[i] === undefined ? await this.log.lastSeq(roomId) : Number(lasts[i]);
      next.set(roomId, Math.max(stored, this.known.get(roomId) ?? 0) + 1);
    }
    const docs: ChatMessageDoc[] = batch.map((item) => {
      const seq = next.get(item.roomId)!;
      next.set(item.roomId, seq + 1);
      return {
        _id: messageId(item.roomId, seq),
        roomId: item.roomId,
        seq,
        senderId: item.senderId,
        senderName: item.senderName,
        clientId: item.clientId,
        text: item.text,
        removedAt: null,
        removedBy: null,
        createdAt: new Date(),
      };
    });
    // Ordered: the insert stops at the first failure, so nothing after it is stored and no room is
    // left with a hole (a later sequence stored while an earlier one of the same room failed).
    const failure = await this.insert(docs);
    const storedCount = failure?.index ?? docs.length;
    const commits = this.redis.pipeline();
    const stored: { item: Pending; view: MessageView }[] = [];
    for (let i = 0; i < storedCount; i += 1) {
      const doc = docs[i]!;
      this.known.set(doc.roomId, Math.max(doc.seq, this.known.get(doc.roomId) ?? 0));
      const view = toMessageView(doc);
      this.commit(commits, view);
      stored.push({ item: batch[i]!, view });
    }
    // Not awaited: the next batch may insert meanwhile (its sequences come from `known`), and the
    // pipelines run in the order they were sent, so each room's commits stay in sequence order.
    if (stored.length > 0) {
      commits.exec().then(
        () => stored.forEach(({ item, view }) => item.resolve({ view, duplicate: false })),
        (error: unknown) => {
          this.onError(error);
          stored.forEach(({ item }) => item.reject(unavailable()));
        },
      );
    }
    if (!failure) return;
    const retry = batch.slice(storedCount + 1);
    const item = batch[storedCount]!;
    const doc = docs[storedCount]!;
    if (failure.code !== 11000) item.reject(unavailable());
    else {
      const existing = await this.resolveDuplicate(doc);
      if (existing) {
        // Stored by an earlier attempt (maybe one that died before publishing): commit again, harmlessly.
        const view = toMessageView(existing);
        const again = this.redis.pipeline();
        this.commit(again, view);
        await again.exec();
        item.resolve({ view, duplicate: true });
      } else {
        // The sequence was taken by another instance: retry first thing with the next one.
        this.known.set(doc.roomId, Math.max(doc.seq, this.known.get(doc.roomId) ?? 0));
        if (++item.attempts >= MAX_ATTEMPTS) item.reject(unavailable());
        else retry.unshift(item);
      }
    }
    this.queue.unshift(...retry);
  }

  /** The first document that was not inserted (those after it were not tried), or null. */
  private async insert(docs: ChatMessageDoc[]): Promise<{ index: number; code: number } | null> {
    try {
      await this.messages.collection.insertMany(docs as never[], { ordered: true });
      return null;
    } catch (error) {
      const raw = (error as { writeErrors?: unknown }).writeErrors;
      const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { index: number; code: number }[];
      if (list.length === 0) throw error;
      return list.reduce((first, e) => (e.index < first.index ? e : first));
    }
  }

  /**
   * A duplicate key means either the sequence was taken (by another message: retry with the next)
   * or this clientId was already stored (return that message: the resend is idempotent).
   */
  private async resolveDuplicate(doc: ChatMessageDoc): Promise<ChatMessageDoc | null> {
    const atSeq = await this.messages.findById(doc._id).lean<ChatMessageDoc>();
    if (atSeq && atSeq.senderId === doc.senderId && atSeq.clientId === doc.clientId) return atSeq;
    if (atSeq) return null;
    // Not our sequence: the (roomId, senderId, clientId) index refused it. Rare (the Redis clientId
    // key catches resends first), so the scan FerretDB does here is acceptable.
    return this.messages.findOne({ roomId: doc.roomId, senderId: doc.senderId, clientId: doc.clientId }).lean<ChatMessageDoc>();
  }

  private commit(pipeline: ReturnType<Redis['pipeline']>, view: MessageView): void {
    pipeline.chatCommit(
      this.keys.last(view.roomId),
      this.keys.log(view.roomId),
      this.keys.clientId(view.roomId, view.senderId, view.clientId),
      this.keys.reads(view.senderId),
      view.seq,
      messageFrame(view),
      this.keys.roomChannel(view.roomId),
      view.roomId,
      LOG_CAP,
    );
  }
}

export function unavailable(): HttpError {
  return new HttpError(503, 'unavailable', 'The message could not be stored right now; resend it with the same clientId.');
}
