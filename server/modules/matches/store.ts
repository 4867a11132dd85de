import type { Redis } from 'ioredis';
import type { ListingKind } from '../shared/listing-changes';
import { concurrently } from '../shared/concurrently';
import { withRedisLock } from '../shared/redis-lock';
import type { MatchListGenerations } from './generations';
import { listId, pairKey, type MatchEntry, type MatchList } from './model';

/** The side of a pair a job or a reader starts from. */
export type MatchSide = ListingKind;

/** An entry of a counterpart's top K, already serialized, with what ranks it. */
export interface SerializedIncoming {
  counterpartId: string;
  score: number;
  /** The pair's key, for ties. */
  key: string;
  json: string;
}

const byScoreThenKey = (a: SerializedIncoming, b: SerializedIncoming) => b.score - a.score || a.key.localeCompare(b.key);

/** A pair the workers computed. */
export type ComputedMatch = MatchEntry;

// Counterpart lists written at once by one job.
const COUNTERPART_WRITES = 8;

const other = (side: MatchSide): MatchSide => (side === 'need' ? 'output' : 'need');
const counterpartId = (side: MatchSide, entry: MatchEntry) => (side === 'need' ? entry.outputId : entry.needId);

/**
 * Writes the workers' results. Every write replaces whole documents by _id under a short Redis
 * lock, so running the same job twice leaves the same lists, and two jobs touching one list
 * never lose each other's update.
 */
export class MatchStore {
  constructor(
    private readonly generations: MatchListGenerations,
    private readonly redis: Redis,
    private readonly lockPrefix: string,
    /** Most incoming pairs a list keeps (the best): a need can sit in thousands of outputs' top K. */
    private readonly maxIncoming: number,
  ) {}

  /** An item's matches (its own top K and the pairs counterparts brought in, best first) and
   * when they were computed; null when the item's matches have not been computed. */
  async listOf(side: MatchSide, itemId: string): Promise<{ entries: MatchEntry[]; computedAt: Date } | null> {
    const doc = await this.read(side, itemId);
    if (!doc) return null;
    const byPair = new Map<string, MatchEntry>();
    for (const entry of [...doc.own, ...Object.values(doc.incoming ?? {})]) byPair.set(pairKey(entry), entry);
    const entries = [...byPair.values()].sort((a, b) => b.score - a.score || pairKey(a).localeCompare(pairKey(b)));
    return { entries, computedAt: doc.computedAt };
  }

  async matchesOf(side: MatchSide, itemId: string): Promise<MatchEntry[]> {
    return (await this.listOf(side, itemId))?.entries ?? [];
  }

  /**
   * Makes `computed` the item's own top K and tells each counterpart: pairs that joined are added
   * to the counterpart's incoming pairs, pairs that left are removed. Returns the pairs that
   * neither side had before, for notifications.
   */
  async replaceOwn(side: MatchSide, itemId: string, computed: MatchEntry[], now = new Date()): Promise<MatchEntry[]> {
    let previous: MatchList | null = null;
    await this.update(side, itemId, (doc) => {
      previous = doc;
      return { own: computed, incoming: doc?.incoming ?? {}, computedAt: now };
    });
    const before = previous as MatchList | null;
    const known = new Set([...(before?.own ?? []), ...Object.values(before?.incoming ?? {})].map(pairKey));
    const kept = new Set(computed.map((entry) => counterpartId(side, entry)));
    // Counterparts' lists are only amended, never created: a list that does not exist belongs to
    // an item that was archived meanwhile (its list must not come back) or whose own job has not
    // run yet (it will compute its own list; the nightly rescore fills in the rest).
    // Each counterpart has its own lock, so their updates overlap their round trips.
    await concurrently(computed, COUNTERPART_WRITES, (entry) =>
      this.update(other(side), counterpartId(side, entry), (doc) =>
        doc ? { own: doc.own, incoming: this.best({ ...doc.incoming, [itemId]: entry }), computedAt: doc.computedAt } : null,
      ),
    );
    const dropped = (before?.own ?? []).map((entry) => counterpartId(side, entry)).filter((counterpart) => !kept.has(counterpart));
    await concurrently(dropped, COUNTERPART_WRITES, (counterpart) => this.dropIncoming(other(side), counterpart, itemId));
    return computed.filter((entry) => !known.has(pairKey(entry)));
  }

  /**
   * An archived item takes its list and its pairs with it. Returns the counterparts whose own
   * top K named the item: they should be recomputed to fill the gap.
   */
  async removeItem(side: MatchSide, itemId: string): Promise<string[]> {
    let removed: MatchList | null = null;
    await withRedisLock(this.redis, this.lockKey(side, itemId), async () => {
      removed = await this.read(side, itemId);
      if (removed) await (await this.generations.current()).deleteOne({ _id: listId(side, itemId) });
    });
    const doc = removed as MatchList | null;
    if (!doc) return [];
    await concurrently(doc.own, COUNTERPART_WRITES, (entry) => this.dropIncoming(other(side), counterpartId(side, entry), itemId));
    return Object.keys(doc.incoming ?? {});
  }

  /**
   * Starts a new generation of every list (the full rescore): lists are added whole, nobody reads
   * them until `commit`, and lists not added (unpublished items) are gone after it.
   */
  async beginGeneration(name: string, computedAt: Date) {
    const writer = await this.generations.begin(name);
    return {
      /** Adds an item's list from serialized entries: its own top K, and the pairs in which a
       * counterpart's top K names it (the best `maxIncoming` are kept). */
      add: (side: MatchSide, itemId: string, own: string[], incoming: SerializedIncoming[]) => {
        const kept = incoming.length <= this.maxIncoming ? incoming : [...incoming].sort(byScoreThenKey).slice(0, this.maxIncoming);
        const incomingJson = kept.map(({ counterpartId, json }) => `${JSON.stringify(counterpartId)}:${json}`).join(',');
        const entries = `{"own":[${own.join(',')}],"incoming":{${incomingJson}}}`;
        return writer.add({ _id: listId(side, itemId), side, itemId, entries, computedAt });
      },
      commit: () => writer.commit(),
    };
  }

  async count(): Promise<number> {
    return (await this.generations.current()).estimatedDocumentCount();
  }

  /** Keeps the best `maxIncoming` incoming pairs. */
  private best(incoming: Record<string, MatchEntry>): Record<string, MatchEntry> {
    const entries = Object.entries(incoming);
    if (entries.length <= this.maxIncoming) return incoming;
    return Object.fromEntries(entries.sort(([, a], [, b]) => b.score - a.score || pairKey(a).localeCompare(pairKey(b))).slice(0, this.maxIncoming));
  }

  private async dropIncoming(side: MatchSide, itemId: string, counterpart: string): Promise<void> {
    await this.update(side, itemId, (doc) => {
      if (!doc || !doc.incoming?.[counterpart]) return null;
      const { [counterpart]: _dropped, ...incoming } = doc.incoming;
      return { own: doc.own, incoming, computedAt: doc.computedAt };
    });
  }

  private async read(side: MatchSide, itemId: string): Promise<MatchList | null> {
    const doc = await (await this.generations.current()).findOne({ _id: listId(side, itemId) });
    if (!doc) return null;
    const { own, incoming } = JSON.parse(doc.entries) as Pick<MatchList, 'own' | 'incoming'>;
    return { own, incoming, computedAt: doc.computedAt };
  }

  /** Read-modify-write of one list under its lock; `change` returns null to leave it alone. */
  private async update(side: MatchSide, itemId: string, change: (doc: MatchList | null) => MatchList | null): Promise<void> {
    const _id = listId(side, itemId);
    await withRedisLock(this.redis, this.lockKey(side, itemId), async () => {
      const next = change(await this.read(side, itemId));
      if (!next) return;
      const entries = JSON.stringify({ own: next.own, incoming: next.incoming });
      const lists = await this.generations.current();
      await lists.replaceOne({ _id }, { side, itemId, entries, computedAt: next.computedAt }, { upsert: true });
    });
  }

  private lockKey(side: MatchSide, itemId: string): string {
    return `${this.lockPrefix}:lock:matches:${listId(side, itemId)}`;
  }
}
