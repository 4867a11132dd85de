import { Worker, type Job } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Config } from '../server/config';
import { openMongo } from '../server/db';
import { bullConnection, QUEUE_NAMES, type JobPayloads } from './queues';
import { runPing } from './jobs/ping.job';

export interface RunningWorkers {
  close(): Promise<void>;
}

/** Connects to MongoDB and starts one BullMQ worker per queue. */
export async function startWorkers(config: Config, log: (message: string) => void): Promise<RunningWorkers> {
  const mongo: Connection = await openMongo(config.MONGODB_URI);
  const connection = bullConnection(config.REDIS_URL);

  const maintenance = new Worker(
    QUEUE_NAMES.maintenance,
    async (job: Job) => {
      switch (job.name) {
        case 'ping':
          return runPing(mongo, job.data as JobPayloads['ping']);
        default:
          throw new Error(`unknown job ${job.name} on queue ${QUEUE_NAMES.maintenance}`);
      }
    },
    { connection, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY },
  );
  maintenance.on('failed', (job, error) => log(`job ${job?.name}#${job?.id} failed: ${error.message}`));
  maintenance.on('error', (error) => log(`worker error: ${error.message}`));
  await maintenance.waitUntilReady();
  log(`worker ready on queues: ${QUEUE_NAMES.maintenance} (prefix ${config.QUEUE_PREFIX})`);

  return {
    async close() {
      await maintenance.close();
      await mongo.close();
    },
  };
}
