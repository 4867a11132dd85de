import type { Redis } from 'ioredis';
import { HttpError } from '../../plugins/errors';
import type { ChatKeys } from './keys';
import type { MessageView } from './schema';
import { unavailable, type MessageWriter, type NewMessage } from './writer';

export type WriteResult = { view: MessageView; duplicate: boolean };

/** What an instance hands over to the writer: the message and where to answer. */
interface Handover {
  origin: string;
  requestId: string;
  message: NewMessage;
}

type Reply =
  | { requestId: string; ok: true; result: WriteResult }
  | { requestId: string; ok: false; status: number; code: string; message: string; details?: unknown };

const GROUP = 'writers';
/** The lease outlives two missed renewals, so a busy event loop does not hand the role around. */
const LEASE_MS = 3000;
const RENEW_MS = 1000;
/** Longer than a lease change-over; the client then resends with the same clientId (idempotent). */
const REPLY_TIMEOUT_MS = 10_000;
const READ_COUNT = 500;
const BLOCK_MS = 1000;
/** The stream is a hand-over queue, not a log: entries are deleted once answered. This only caps a backlog nobody serves. */
const STREAM_CAP = 100_000;

/** Renews the lease only while this instance still holds it. KEYS: lease. ARGV: instance id, ms. */
const RENEW_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;
/** KEYS: lease. ARGV: instance id. */
const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * One instance of the deployment stores every chat message; the others hand their messages to it
 * through a Redis stream and get the result back on their own reply channel.
 *
 * Why: FerretDB keeps everything in one SQLite database with a single write lock. Two instances
 * writing at once queue on that lock, and their sequence picks for the same room collide (the loser
 * retries, see MessageWriter), so two instances were slower than one. One writer batches every
 * instance's messages into one insert and never collides; the hand-over costs a Redis round trip.
 *
 * Who writes is a Redis lease (SET NX with a TTL, renewed every second); when the writer stops or
 * dies, another instance takes the lease within LEASE_MS and first claims what was handed over but
 * not answered. The lease is about speed, not correctness: if two instances briefly both write,
 * MongoDB's unique `_id` still arbitrates every sequence, and a message handled twice is recognised
 * by its clientId (answered with duplicate: true). A hand-over nobody answers within
 * REPLY_TIMEOUT_MS fails with `unavailable`, and the client resends with the same clientId.
 */
export class WriteRouter {
  private instanceId: string | null = null;
  private writing = false;
  private closed = false;
  private lease: NodeJS.Timeout | null = null;
  private consumer: Redis | null = null;
  private replies: Redis | null = null;
  private nextRequest = 0;
  private pending = new Map<string, { resolve: (result: WriteResult) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private toAck: string[] = [];
  private consuming: Promise<unknown> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly keys: ChatKeys,
    private readonly writer: MessageWriter,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** True while this instance holds the writer lease (or runs alone, unstarted). */
  get isWriter(): boolean {
    return this.instanceId === null || this.writing;
  }

  /** Stores the message here when this instance is the writer, else hands it to the writer. */
  write(message: NewMessage): Promise<WriteResult> {
    if (this.isWriter) return this.writer.write(message);
    return this.handOver(message);
  }

  /** Joins the deployment: listens for answers and competes for the writer lease. Without start() every write is local. */
  async start(instanceId: string): Promise<void> {
    // Own connections: a subscriber cannot send commands, and XREADGROUP BLOCK holds its connection.
    this.replies = this.redis.duplicate({ lazyConnect: true, enableOfflineQueue: true });
    this.replies.on('error', (error) => this.onError(error));
    this.replies.on('message', (_channel: string, raw: string) => this.onReply(raw));
    await this.replies.connect();
    await this.replies.subscribe(this.keys.writeReplies(instanceId));
    this.consumer = this.redis.duplicate({ lazyConnect: true, enableOfflineQueue: true });
    this.consumer.on('error', () => undefined); // reported by the consume loop
    await this.consumer.connect();
    await this.ensureGroup();
    this.instanceId = instanceId;
    await this.tick();
    this.lease = setInterval(() => void this.tick(), RENEW_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.lease) clearInterval(this.lease);
    const id = this.instanceId;
    this.writing = false;
    // Unblocks a waiting XREADGROUP; entries read but not answered stay pending for the next writer.
    this.consumer?.disconnect();
    await this.consuming?.catch(() => undefined);
    if (id) await this.redis.eval(RELEASE_LEASE, 1, this.keys.writerLease(), id).catch(this.onError);
    this.replies?.disconnect();
    for (const [requestId, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(unavailable());
      this.pending.delete(requestId);
    }
  }

  private handOver(message: NewMessage): Promise<WriteResult> {
    const requestId = String((this.nextRequest += 1));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(unavailable());
      }, REPLY_TIMEOUT_MS);
      this.pending.set(requestId, { resolve, reject, timer });
      const handover: Handover = { origin: this.instanceId!, requestId, message };
      this.redis.xadd(this.keys.writeStream(), 'MAXLEN', '~', STREAM_CAP, '*', 'h', JSON.stringify(handover)).catch((error: unknown) => {
        this.onError(error);
        clearTimeout(timer);
        this.pending.delete(requestId);
        reject(unavailable());
      });
    });
  }

  private onReply(raw: string): void {
    const reply = JSON.parse(raw) as Reply;
    const entry = this.pending.get(reply.requestId);
    if (!entry) return; // timed out already, or a second answer for a message handled twice
    this.pending.delete(reply.requestId);
    clearTimeout(entry.timer);
    if (reply.ok) entry.resolve(reply.result);
    else entry.reject(new HttpError(reply.status, reply.code, reply.message, reply.details));
  }

  /** Takes the lease when it is free, keeps it while held, notices when it was lost. */
  private async tick(): Promise<void> {
    if (this.closed || !this.instanceId) return;
    try {
      const key = this.keys.writerLease();
      if (this.writing) {
        const renewed = Number(await this.redis.eval(RENEW_LEASE, 1, key, this.instanceId, LEASE_MS));
        if (!renewed) this.writing = false;
      } else if ((await this.redis.set(key, this.instanceId, 'PX', LEASE_MS, 'NX')) === 'OK') {
        this.writing = true;
        // A loop from an earlier term may still be winding down (it would go on serving): start one only if none runs.
        this.consuming ??= this.consume().finally(() => (this.consuming = null));
      }
    } catch (error) {
      this.onError(error);
    }
  }

  /** While the writer: first what earlier writers left unanswered, then new hand-overs as they come. */
  private async consume(): Promise<void> {
    const me = this.instanceId!;
    let cursor = '0-0';
    do {
      const claimed = (await this.consumer!.xautoclaim(this.keys.writeStream(), GROUP, me, LEASE_MS, cursor, 'COUNT', READ_COUNT).catch((error: unknown) => {
        this.onError(error);
        return ['0-0', []];
      })) as [string, [string, string[]][]];
      cursor = claimed[0];
      this.handle(claimed[1]);
    } while (cursor !== '0-0' && this.writing);
    while (this.writing && !this.closed) {
      try {
        const read = (await this.consumer!.xreadgroup('GROUP', GROUP, me, 'COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', this.keys.writeStream(), '>')) as
          | [string, [string, string[]][]][]
          | null;
        if (read) this.handle(read[0]![1]);
      } catch (error) {
        if (this.closed) return;
        // Redis lost the group (restart without persistence): recreate it and go on.
        if (String(error).includes('NOGROUP')) await this.ensureGroup().catch(this.onError);
        else {
          this.onError(error);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }
  }

  private handle(entries: [string, string[]][]): void {
    for (const [entryId, fields] of entries) {
      if (!fields) continue; // deleted meanwhile
      const handover = JSON.parse(fields[1]!) as Handover;
      this.writer.write(handover.message).then(
        (result) => this.answer(entryId, handover, { requestId: handover.requestId, ok: true, result }),
        (error: unknown) => this.answer(entryId, handover, failure(handover.requestId, error)),
      );
    }
  }

  private answer(entryId: string, handover: Handover, reply: Reply): void {
    if (this.toAck.length === 0) setImmediate(() => this.flushAcks());
    this.toAck.push(entryId);
    this.redis.publish(this.keys.writeReplies(handover.origin), JSON.stringify(reply)).catch(this.onError);
  }

  private flushAcks(): void {
    const ids = this.toAck.splice(0);
    if (ids.length === 0) return;
    this.redis
      .pipeline()
      .xack(this.keys.writeStream(), GROUP, ...ids)
      .xdel(this.keys.writeStream(), ...ids)
      .exec()
      .catch(this.onError);
  }

  private async ensureGroup(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.keys.writeStream(), GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
  }
}

function failure(requestId: string, error: unknown): Reply {
  const http = error instanceof HttpError ? error : unavailable();
  return { requestId, ok: false, status: http.statusCode, code: http.code, message: http.message, details: http.details };
}
