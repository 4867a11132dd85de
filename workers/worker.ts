import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Config } from '../server/config';
import { openMongo } from '../server/db';
import { ListingSync } from '../server/modules/search/listing-sync';
import { createServices, ensureIndexes } from '../server/services';
import { runMatchListing } from './jobs/match-listing.job';
import { runNotificationDigest } from './jobs/notification-digest.job';
import { runExpireMeetingRequests } from './jobs/expire-meeting-requests.job';
import { runPing } from './jobs/ping.job';
import { runRescoreAll } from './jobs/rescore-all.job';
import { runScheduleEventJob } from './jobs/schedule-event.job';
import type { JobContext } from './jobs/context';
import { MatchEngine } from './matching/match-engine';
import { bullConnection, createQueue, JOB_QUEUE, QUEUE_NAMES, SCHEDULER_IDS, SCHEDULES, type JobPayloads } from './queues';

export interface RunningWorkers {
  close(): Promise<void>;
}

/**
 * Connects to MongoDB and Redis, loads the match engine, keeps it in step with listing changes
 * through Redis pub/sub (like every API instance's search index), and starts one BullMQ worker
 * per queue.
 */
export async function startWorkers(config: Config, log: (message: string) => void): Promise<RunningWorkers> {
  const mongo = await openMongo(config.MONGODB_URI);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const services = createServices({ mongo, redis, config, log: (message) => log(message) });
  await ensureIndexes(mongo);

  const engine = new MatchEngine(
    {
      allNeeds: () => services.needs.allPublishedForMatching(),
      allOutputs: () => services.researchOutputs.allPublishedForMatching(),
      need: (id) => services.needs.publishedForMatching(id),
      output: (id) => services.researchOutputs.publishedForMatching(id),
    },
    {
      topK: config.MATCH_TOP_K,
      candidates: config.MATCH_CANDIDATES,
      relativeFloor: config.MATCH_RELATIVE_FLOOR,
      minSimilarity: config.MATCH_MIN_SIMILARITY,
    },
  );
  await engine.loadAll();
  log(`match engine loaded ${engine.counts.outputs} research outputs and ${engine.counts.needs} needs`);
  const sync = new ListingSync(engine, redis, `${config.QUEUE_PREFIX}:app`, (message, error) => log(`${message}: ${String(error)}`));
  await sync.start();

  const connection = bullConnection(config.REDIS_URL);
  const options = { connection, prefix: config.QUEUE_PREFIX };
  const queues = { maintenance: createQueue(QUEUE_NAMES.maintenance, options), matching: createQueue(QUEUE_NAMES.matching, options) };
  const ctx: JobContext = {
    services,
    engine,
    store: services.matchStore,
    queues,
    redis,
    redisPrefix: `${config.QUEUE_PREFIX}:app`,
    notifyMinScore: config.NOTIFY_MIN_SCORE,
    log,
  };

  const processors: Record<keyof JobPayloads, (job: Job) => Promise<unknown>> = {
    ping: (job) => runPing(mongo, job.data as JobPayloads['ping']),
    'match-listing': (job) => runMatchListing(ctx, job.data as JobPayloads['match-listing']),
    'rescore-all': (job) => runRescoreAll(ctx, job),
    'notification-digest': () => runNotificationDigest(ctx),
    'expire-meeting-requests': () => runExpireMeetingRequests(ctx),
    'schedule-event': (job) => runScheduleEventJob(ctx, job),
  };
  const process = async (job: Job) => {
    const processor = processors[job.name as keyof JobPayloads];
    if (!processor) throw new Error(`unknown job ${job.name} on queue ${job.queueName}`);
    return processor(job);
  };

  const workers = Object.values(QUEUE_NAMES).map(
    (name) =>
      new Worker(name, process, {
        ...options,
        concurrency: config.WORKER_CONCURRENCY,
        lockDuration: config.WORKER_LOCK_MS,
        stalledInterval: config.WORKER_LOCK_MS,
      }),
  );
  for (const worker of workers) {
    worker.on('failed', (job, error) => log(`job ${job?.name}#${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
    worker.on('error', (error) => log(`worker error: ${error.message}`));
  }
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));

  if (config.SCHEDULES_ENABLED) {
    for (const name of ['rescore-all', 'notification-digest', 'expire-meeting-requests'] as const) {
      await queues[JOB_QUEUE[name]].upsertJobScheduler(SCHEDULER_IDS[name], { pattern: SCHEDULES[name] }, { name, data: {} });
    }
  }
  log(`worker ready on queues: ${Object.values(QUEUE_NAMES).join(', ')} (prefix ${config.QUEUE_PREFIX})`);

  return {
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await sync.stop();
      redis.disconnect();
      await mongo.close();
    },
  };
}
