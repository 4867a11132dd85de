import type { Job } from 'bullmq';
import { pairKey } from '../../server/modules/matches/model';
import type { MatchSide, SerializedIncoming } from '../../server/modules/matches/store';
import { enqueue, type JobResults } from '../queues';
import type { JobContext } from './context';
import { listingsTouchedSince } from './touched-listings';

// Shares of the progress bar: loading, ranking every item, writing every list.
const LOADED = 5;
const RANKED = 70;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Recomputes every match with current statistics into a new generation of lists, then switches
 * to it at once. First pass: each item's top K, explained and serialized once (the pair's entry
 * is the same in both of its lists), which also tells every item who lists it. Second pass: each
 * item's whole list, assembled from those strings and inserted in batches. Listings that match
 * jobs touched during the run are recomputed after the switch, so the run never hides a newer
 * change. Yields to the event loop between items so BullMQ can renew the job's lock (no stalled
 * jobs on long runs), and reports progress as a percentage.
 */
export async function runRescoreAll(ctx: JobContext, job: Job): Promise<JobResults['rescore-all']> {
  const started = new Date();
  const startedMs = Date.now();
  // The newest run owns the lists. A run whose worker lost its lock (Redis restarted, worker
  // stalled) may go on after its retry started; it notices here and stops before it switches
  // generations under the newer run.
  const runKey = `${ctx.redisPrefix}:rescore-generation`;
  const run = `${started.toISOString()} ${job.id}:${job.attemptsMade}`;
  await ctx.redis.set(runKey, run);
  const assertCurrent = async () => {
    if ((await ctx.redis.get(runKey)) !== run) throw new Error('superseded by a newer full rescore');
  };
  const progress = progressReporter(job);
  await progress(0);
  await ctx.engine.loadAll();
  await progress(LOADED);
  const loadedMs = Date.now();

  const items: [MatchSide, string][] = [
    ...ctx.engine.ids('output').map((id): [MatchSide, string] => ['output', id]),
    ...ctx.engine.ids('need').map((id): [MatchSide, string] => ['need', id]),
  ];
  const entryJson = new Map<string, string>();
  const own = new Map<string, string[]>();
  const incoming = new Map<string, SerializedIncoming[]>();
  for (const [index, [side, id]] of items.entries()) {
    const keys: string[] = [];
    for (const entry of ctx.engine.matchesFor(side, id)) {
      const key = pairKey(entry);
      if (!entryJson.has(key)) entryJson.set(key, JSON.stringify(entry));
      keys.push(key);
      const [counterpartSide, counterpartId] = side === 'need' ? (['output', entry.outputId] as const) : (['need', entry.needId] as const);
      const listed = incoming.get(`${counterpartSide}:${counterpartId}`) ?? [];
      listed.push({ counterpartId: id, score: entry.score, key, json: entryJson.get(key)! });
      incoming.set(`${counterpartSide}:${counterpartId}`, listed);
    }
    own.set(`${side}:${id}`, keys);
    await progress(LOADED + ((index + 1) / items.length) * (RANKED - LOADED));
    if (index % 50 === 0) await yieldToEventLoop();
  }
  const rankedMs = Date.now();

  const generation = await ctx.store.beginGeneration(`${startedMs}_${job.id}_${job.attemptsMade}`, started);
  let matches = 0;
  for (const [index, [side, id]] of items.entries()) {
    const ownKeys = own.get(`${side}:${id}`) ?? [];
    matches += ownKeys.length;
    await generation.add(side, id, ownKeys.map((key) => entryJson.get(key)!), incoming.get(`${side}:${id}`) ?? []);
    if (index % 100 === 0) {
      await assertCurrent();
      await progress(RANKED + ((index + 1) / items.length) * (99 - RANKED));
    }
  }
  await assertCurrent();
  await generation.commit();
  const touched = await listingsTouchedSince(ctx, startedMs);
  for (const listing of touched) await enqueue(ctx.queues, 'match-listing', listing);
  await progress(100);
  const seconds = (from: number, to: number) => (to - from) / 1000;
  return {
    items: items.length,
    matches,
    recomputedAfterSwitch: touched.length,
    seconds: seconds(startedMs, Date.now()),
    phases: { loadSeconds: seconds(startedMs, loadedMs), rankSeconds: seconds(loadedMs, rankedMs), writeSeconds: seconds(rankedMs, Date.now()) },
  };
}

/** Reports whole percentages, each once. */
function progressReporter(job: Job) {
  let last = -1;
  return async (percent: number) => {
    const whole = Math.floor(percent);
    if (whole > last) {
      last = whole;
      await job.updateProgress(whole);
    }
  };
}
