import type { Job } from 'bullmq';
import type { MatchSide } from '../../server/modules/matches/store';
import type { JobResults } from '../queues';
import type { JobContext } from './context';

// Loading the listings is the first tenth of the work; scoring them the rest.
const LOAD_SHARE = 10;

/**
 * Recomputes every match with current statistics: reloads the index from MongoDB, rewrites each
 * item's top K, then deletes pairs this run did not confirm. Yields to the event loop between
 * items so BullMQ can renew the job's lock (no stalled jobs on long runs), and reports progress.
 */
export async function runRescoreAll(ctx: JobContext, job: Job): Promise<JobResults['rescore-all']> {
  const started = new Date();
  const startedMs = Date.now();
  await job.updateProgress(0);
  await ctx.engine.loadAll();
  await job.updateProgress(LOAD_SHARE);

  const items: [MatchSide, string][] = [
    ...ctx.engine.ids('output').map((id) => ['output', id] as [MatchSide, string]),
    ...ctx.engine.ids('need').map((id) => ['need', id] as [MatchSide, string]),
  ];
  let matches = 0;
  let lastPercent = LOAD_SHARE;
  for (const [index, [side, id]] of items.entries()) {
    const computed = ctx.engine.matchesFor(side, id);
    matches += computed.length;
    await ctx.store.replaceForItem(side, id, computed, started);
    const percent = LOAD_SHARE + Math.floor(((index + 1) / items.length) * (100 - LOAD_SHARE - 1));
    if (percent > lastPercent) {
      lastPercent = percent;
      await job.updateProgress(percent);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await ctx.store.removeOlderThan(started);
  await job.updateProgress(100);
  return { items: items.length, matches, seconds: (Date.now() - startedMs) / 1000 };
}
