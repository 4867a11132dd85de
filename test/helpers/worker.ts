import { Job, QueueEvents, type Queue } from 'bullmq';
import type { Config } from '../../server/config';
import { bullConnection, createQueue, QUEUE_NAMES, type QueueName } from '../../workers/queues';
import { configEnv } from './config';
import { startTsProcess, stopProcess, waitFor, type ChildOutput } from './processes';

/** A real worker process (workers/main.ts) on the test's database and queue prefix. */
export async function startWorkerProcess(config: Config): Promise<ChildOutput> {
  const worker = startTsProcess('workers/main.ts', configEnv(config));
  try {
    await waitFor(async () => worker.output().includes('worker ready'), 30_000, 'the worker to start');
  } catch (error) {
    await stopProcess(worker, 'SIGKILL');
    throw new Error(`${String(error)}\nworker output:\n${worker.output()}`, { cause: error });
  }
  return worker;
}

/** The test's own handles on the queues, to add and inspect jobs. */
export function testQueues(config: Config): Record<QueueName, Queue> & { close(): Promise<void> } {
  const connection = { connection: bullConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
  const queues = Object.fromEntries(Object.values(QUEUE_NAMES).map((name) => [name, createQueue(name, connection)])) as Record<QueueName, Queue>;
  // Tests that restart Redis expect connection errors; they retry by themselves.
  for (const queue of Object.values(queues)) queue.on('error', () => undefined);
  return {
    ...queues,
    async close() {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    },
  };
}

export async function waitForJobResult(config: Config, queue: Queue, job: Job, timeoutMs = 60_000): Promise<unknown> {
  const events = new QueueEvents(queue.name, { connection: bullConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  try {
    await events.waitUntilReady();
    return await job.waitUntilFinished(events, timeoutMs);
  } finally {
    await events.close();
  }
}

/** Polls the job until `check` holds for its current state (progress, state, attempts). */
export async function waitForJobState(queue: Queue, jobId: string, check: (job: Job, state: string) => boolean, timeoutMs = 30_000): Promise<Job> {
  return waitFor(async () => {
    const job = await Job.fromId(queue, jobId);
    if (!job) return false;
    const state = await job.getState();
    return check(job, state) && job;
  }, timeoutMs, `job ${jobId} to reach the expected state`);
}
