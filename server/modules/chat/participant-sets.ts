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
/** Long enough that no load outlives it; a version that expired reads as a change (the safe side). */
const VERSION_TTL_MS = 86_400_000;

/** Publishes a loaded copy unless someone left the event since the load began. KEYS: copy, version. ARGV: version at the start, copy, TTL ms. */
const STORE_IF_UNCHANGED = `
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`;

/** What every instance hears on the changes channel when someone leaves an event. */
export interface ParticipantLeft {
  type: 'participant_left';
  eventId: string;
  userId: string;
}

/**
 * Someone left the event (withdrew their registration): the shared copy is dropped, its version
 * raised (a load already running will not publish a copy that still has them), and every instance
 * told, so each drops its own copy and re-checks that user's sockets at once.
 */
export async function announceParticipantLeft(redis: Redis, keys: ChatKeys, eventId: string, userId: string): Promise<void> {
  const notice: ParticipantLeft = { type: 'participant_left', eventId, userId };
  await redis
    .multi()
    .incr(keys.participantsVersion(eventId))
    .pexpire(keys.participantsVersion(eventId), VERSION_TTL_MS)
    .del(keys.participants(eventId))
    .publish(keys.changesChannel(), JSON.stringify(notice))
    .exec();
}

/**
 * Event participant sets, shared by the API instances through Redis. Loading one reads
 * registrations by event, which FerretDB can only scan: about 0.1 ms of its CPU per registration
 * in the collection, during which message inserts wait. Each instance loading its own copy every
 * TTL multiplied that by the number of instances; now whoever takes the short loading lock reads
 * the database and the others take its copy, so the database sees one load per event and TTL
 * however many instances run. Departures are pushed (announceParticipantLeft), so the TTL is only
 * a safety net for changes made behind the API's back.
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
    const version = (await this.deps.redis.get(this.deps.keys.participantsVersion(eventId))) ?? '0';
    const loadedAt = Date.now();
    const ids = await this.deps.load(eventId);
    const ttlLeft = loadedAt + this.deps.ttlMs - Date.now();
    if (ttlLeft > 0) {
      const copy = JSON.stringify({ loadedAt, ids });
      await this.deps.redis.eval(STORE_IF_UNCHANGED, 2, this.deps.keys.participants(eventId), this.deps.keys.participantsVersion(eventId), version, copy, ttlLeft);
    }
    return { ids: new Set(ids), loadedAt };
  }

  private async sharedCopy(eventId: string): Promise<ParticipantSet | null> {
    const raw = await this.deps.redis.get(this.deps.keys.participants(eventId));
    if (!raw) return null;
    const { loadedAt, ids } = JSON.parse(raw) as { loadedAt: number; ids: string[] };
    return { ids: new Set(ids), loadedAt };
  }
}
