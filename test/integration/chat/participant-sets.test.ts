import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatKeys } from '../../../server/modules/chat/keys';
import { announceParticipantLeft, SharedParticipantSets } from '../../../server/modules/chat/participant-sets';
import { testConfig } from '../../helpers/config';

/** Two "instances" (own Redis connections, own SharedParticipantSets) over one real Redis, with a loader that counts database reads. */
describe('SharedParticipantSets (real Redis)', () => {
  const config = testConfig();
  const prefix = `mbtest-sets-${randomBytes(3).toString('hex')}`;
  const keys = new ChatKeys(prefix);
  /** Event ids unique per attempt (a retried test must not find the first attempt's copy). */
  const newEvent = () => `event-${randomBytes(3).toString('hex')}`;
  const connections: Redis[] = [];
  let reads: string[] = [];
  let participants = ['u1', 'u2'];
  let failNext = false;
  /** While set, loads wait for it (a scan still running when someone leaves). */
  let loadGate: Promise<void> | null = null;

  const instance = (ttlMs: number) => {
    const redis = new Redis(config.REDIS_URL);
    connections.push(redis);
    return new SharedParticipantSets({
      redis,
      keys,
      ttlMs,
      load: async (eventId) => {
        reads.push(eventId);
        const snapshot = [...participants];
        await new Promise((resolve) => setTimeout(resolve, 100)); // a slow scan, so the other instance has to wait
        await loadGate;
        if (failNext) {
          failNext = false;
          throw new Error('database unavailable');
        }
        return snapshot;
      },
    });
  };

  beforeEach(() => {
    reads = [];
    participants = ['u1', 'u2'];
    failNext = false;
    loadGate = null;
  });
  afterAll(async () => {
    const redis = connections[0];
    if (redis) for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
    connections.forEach((c) => c.disconnect());
  });

  it('reads the database once for instances asking at the same time; all get the same set', async () => {
    const e1 = newEvent();
    const [a, b] = [instance(5000), instance(5000)];
    const sets = await Promise.all([a.get(e1), b.get(e1), a.get(e1), b.get(e1)]);
    expect(reads).toEqual([e1]);
    for (const set of sets) expect([...set.ids].sort()).toEqual(['u1', 'u2']);
    // The copy keeps the time of the database read, so every instance ages it from then.
    expect(new Set(sets.map((s) => s.loadedAt)).size).toBe(1);
  });

  it('reads the database again once the shared copy is older than the TTL', async () => {
    const e2 = newEvent();
    const [a, b] = [instance(300), instance(300)];
    await a.get(e2);
    await b.get(e2);
    expect(reads).toEqual([e2]);
    participants = ['u1'];
    await new Promise((resolve) => setTimeout(resolve, 350));
    const later = await b.get(e2);
    expect(reads).toEqual([e2, e2]);
    expect([...later.ids]).toEqual(['u1']);
  });

  it('fresh() always reads the database and replaces the shared copy', async () => {
    const e3 = newEvent();
    const [a, b] = [instance(5000), instance(5000)];
    await a.get(e3);
    participants = ['u1', 'u2', 'u3'];
    expect([...(await a.fresh(e3)).ids]).toContain('u3');
    expect([...(await b.get(e3)).ids]).toContain('u3');
    expect(reads).toEqual([e3, e3]);
  });

  it('fresh() leaves another instance\'s loading lock alone', async () => {
    const e5 = newEvent();
    const a = instance(5000);
    const redis = connections.at(-1)!;
    await redis.set(keys.participantsLoading(e5), '1', 'PX', 5000); // another instance is loading
    await a.fresh(e5);
    expect(await redis.exists(keys.participantsLoading(e5))).toBe(1);
  });

  it('a load that was running when someone left does not share its copy', async () => {
    const e6 = newEvent();
    const [a, b] = [instance(5000), instance(5000)];
    let release!: () => void;
    loadGate = new Promise((resolve) => (release = resolve));
    const stale = a.get(e6); // reads u1 and u2, then waits
    await new Promise((resolve) => setTimeout(resolve, 150));
    participants = ['u1'];
    await announceParticipantLeft(connections[0]!, keys, e6, 'u2');
    release();
    expect([...(await stale).ids].sort()).toEqual(['u1', 'u2']); // what the database said when the read began
    loadGate = null;
    // The other instance does not get that copy: it reads the database again.
    expect([...(await b.get(e6)).ids]).toEqual(['u1']);
    expect(reads).toEqual([e6, e6]);
  });

  it('a failed load releases the loading lock, so the next ask reads at once instead of waiting', async () => {
    const e4 = newEvent();
    const a = instance(5000);
    failNext = true;
    await expect(a.get(e4)).rejects.toThrow('database unavailable');
    const started = Date.now();
    expect([...(await a.get(e4)).ids].sort()).toEqual(['u1', 'u2']);
    expect(Date.now() - started).toBeLessThan(5000); // not the 10 s wait for another instance's load
    expect(reads).toEqual([e4, e4]);
  });
});
