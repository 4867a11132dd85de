import type { Redis } from 'ioredis';
import { LISTING_KINDS, type ListingKind } from '../shared/listing-changes';

/** An in-memory index of listings that can re-read one listing or everything. */
export interface RefreshableIndex {
  refresh(kind: ListingKind, id: string): Promise<unknown>;
  loadAll(): Promise<void>;
}

interface ListingChange {
  kind: ListingKind;
  id: string;
}

/**
 * Keeps in-memory listing indexes (each API instance's search index, each worker's match engine)
 * in step through Redis pub/sub. A write refreshes the writer's index at once (so it reads its own
 * write) and announces the change; every subscriber re-reads that one listing from MongoDB. Messages carry ids only,
 * so replays and duplicates are harmless. When the subscription was interrupted, messages may
 * have been missed, so the instance reloads everything once it is back.
 */
export class ListingSync {
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    private readonly index: RefreshableIndex,
    private readonly redis: Redis,
    prefix: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.channel = `${prefix}:listing-changed`;
  }

  async start(): Promise<void> {
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) {
        this.index.loadAll().catch((error: unknown) => this.log('search index reload failed', error));
      }
      connectedBefore = true;
    });
    subscriber.on('error', (error) => this.log('search subscriber connection error', error));
    subscriber.on('message', (channel, message) => {
      if (channel !== this.channel) return;
      const change = parseChange(message);
      if (!change) return;
      this.index.refresh(change.kind, change.id).catch((error: unknown) => this.log(`search refresh of ${change.kind} ${change.id} failed`, error));
    });
    await subscriber.subscribe(this.channel);
  }

  /** Called by the listing services after every write. */
  async changed(kind: ListingKind, id: string): Promise<void> {
    await this.index.refresh(kind, id);
    try {
      await this.redis.publish(this.channel, JSON.stringify({ kind, id } satisfies ListingChange));
    } catch (error) {
      // The write itself succeeded; other instances catch up when their subscription reconnects.
      this.log('could not announce a listing change', error);
    }
  }

  async stop(): Promise<void> {
    this.subscriber?.disconnect();
    this.subscriber = null;
  }
}

function parseChange(message: string): ListingChange | null {
  try {
    const value = JSON.parse(message) as Partial<ListingChange>;
    if (typeof value.id === 'string' && LISTING_KINDS.includes(value.kind as ListingKind)) return value as ListingChange;
  } catch {
    // ignore malformed messages: they cannot come from our own services
  }
  return null;
}
