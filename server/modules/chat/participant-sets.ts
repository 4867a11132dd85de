import type { Redis } from 'ioredis';
import type { ChatKeys } from './keys';

export interface ParticipantSet {
  ids: Set<string>;
  /** When the set was read from the database (possibly by another instance). */
  loadedAt: number;
}

/** How long an instance waits for another's load before it reads the database itself. */
const WAIT_FOR_OTHER_MS = 10_000;
const POLL_MS = 50;

/**
 * Event participant sets, shared by the API instances through Redis. Loading one reads two
 * collections that FerretDB can only scan (registrations by event, users by organization): about
 * half a second of its CPU for a 2,000-person event, during which message inserts wait. Each
 * instance loading its own copy every TTL multiplied that by the number of instances; now whoever
 * takes the short loading lock reads the database and the others take its copy, so the database
 * sees one load per event and TTL however many instances run.
 */
export class SharedParticipantSets {
  constructor(
    private readonly deps: {
      redis: Redis;
      keys: ChatKeys;
      load: (eventId: string) => Promise<string[]>;
      ttlMs: number;
    },
  ) {}

  /** A copy loaded within the TTL by any instance, else a load by this one (or one it waits for). */
  async get(eventId: string): Promise<ParticipantSet> {
    const giveUpAt = Date.now() + WAIT_FOR_OTHER_MS;
    for (;;) {
      const shared = await this.sharedCopy(eventId);
      if (shared) return shared;
      const lock = this.deps.keys.participantsLoading(eventId);
      if ((await this.deps.redis.set(lock, '1', 'PX', WAIT_FOR_OTHER_MS, 'NX')) === 'OK') {
        try {
          return await this.fresh(eventId);
        } finally {
          await this.deps.redis.del(lock);
        }
      }
      if (Date.now() >= giveUpAt) return this.fresh(eventId);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Read from the database now (a "not a participant" must not come from a copy), and shared. */
  async fresh(eventId: string): Promise<ParticipantSet> {
    const loadedAt = Date.now();
    const ids = await this.deps.load(eventId);
    const ttlLeft = loadedAt + this.deps.ttlMs - Date.now();
    if (ttlLeft > 0) await this.deps.redis.set(this.deps.keys.participants(eventId), JSON.stringify({ loadedAt, ids }), 'PX', ttlLeft);
    return { ids: new Set(ids), loadedAt };
  }

  private async sharedCopy(eventId: string): Promise<ParticipantSet | null> {
    const raw = await this.deps.redis.get(this.deps.keys.participants(eventId));
    if (!raw) return null;
    const { loadedAt, ids } = JSON.parse(raw) as { loadedAt: number; ids: string[] };
    return { ids: new Set(ids), loadedAt };
  }
}
