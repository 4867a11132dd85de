import type { Job } from 'bullmq';
import type { MatchEntry } from '../../server/modules/matches/model';
import type { MatchSide } from '../../server/modules/matches/store';
import type { JobResults } from '../queues';
import type { JobContext } from './context';

// Shares of the progress bar: loading, ranking every item, writing every list.
const LOADED = 5;
const RANKED = 45;

const WRITE_BATCH = 8;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Recomputes every match with current statistics, in two passes so memory stays small: first each
 * item's top K as bare ids (which also tells every item who lists it), then each item's whole list
 * with explanations, written once. Lists this run did not write belong to unpublished items and
 * are deleted. Yields to the event loop between items so BullMQ can renew the job's lock (no
 * stalled jobs on long runs), and reports progress as a percentage.
 */
export async function runRescoreAll(ctx: JobContext, job: Job): Promise<JobResults['rescore-all']> {
  const started = new Date();
  const startedMs = Date.now();
  // The newest run owns the lists. A run whose worker lost its lock (Redis restarted, worker
  // stalled) may go on after its retry started; it notices here and stops before it writes
  // lists the newer run would then delete as stale.
  const generationKey = `${ctx.redisPrefix}:rescore-generation`;
  const generation = `${started.toISOString()} ${job.id}:${job.attemptsMade}`;
  await ctx.redis.set(generationKey, generation);
  const assertCurrent = async () => {
    if ((await ctx.redis.get(generationKey)) !== generation) throw new Error('superseded by a newer full rescore');
  };
  const progress = progressReporter(job);
  await progress(0);
  await ctx.engine.loadAll();
  await progress(LOADED);

  const items: [MatchSide, string][] = [
    ...ctx.engine.ids('output').map((id): [MatchSide, string] => ['output', id]),
    ...ctx.engine.ids('need').map((id): [MatchSide, string] => ['need', id]),
  ];
  const own = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const [index, [side, id]] of items.entries()) {
    const counterparts = ctx.engine.matchesFor(side, id).map((entry) => (side === 'need' ? entry.outputId : entry.needId));
    own.set(`${side}:${id}`, counterparts);
    const otherSide = side === 'need' ? 'output' : 'need';
    for (const counterpart of counterparts) {
      const key = `${otherSide}:${counterpart}`;
      const listed = incoming.get(key);
      if (listed) listed.push(id);
      else incoming.set(key, [id]);
    }
    await progress(LOADED + ((index + 1) / items.length) * (RANKED - LOADED));
    if (index % 50 === 0) await yieldToEventLoop();
  }

  // Lists are computed in memory one after another and written a few at a time, so the
  // database round trips overlap; the progress bar moves per finished batch.
  let matches = 0;
  for (let start = 0; start < items.length; start += WRITE_BATCH) {
    const batch = items.slice(start, start + WRITE_BATCH).map(([side, id]) => {
      const key = `${side}:${id}`;
      const entry = (counterpart: string) => (side === 'need' ? ctx.engine.entryFor(id, counterpart) : ctx.engine.entryFor(counterpart, id));
      const ownEntries = (own.get(key) ?? []).map(entry).filter((e): e is MatchEntry => e !== null);
      const incomingEntries: Record<string, MatchEntry> = {};
      for (const counterpart of incoming.get(key) ?? []) {
        const found = entry(counterpart);
        if (found) incomingEntries[counterpart] = found;
      }
      matches += ownEntries.length;
      return { side, id, ownEntries, incomingEntries };
    });
    await assertCurrent();
    await Promise.all(batch.map((list) => ctx.store.writeList(list.side, list.id, list.ownEntries, list.incomingEntries, started)));
    await progress(RANKED + (Math.min(items.length, start + WRITE_BATCH) / items.length) * (99 - RANKED));
    await yieldToEventLoop();
  }
  await assertCurrent();
  await ctx.store.removeOlderThan(started);
  await progress(100);
  return { items: items.length, matches, seconds: (Date.now() - startedMs) / 1000 };
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
