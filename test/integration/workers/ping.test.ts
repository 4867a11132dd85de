import { QueueEvents } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { bullConnection, createQueue, QUEUE_NAMES } from '../../../workers/queues';
import { deleteQueueKeys } from '../../helpers/app';
import { configEnv, testConfig } from '../../helpers/config';
import { startTsProcess, stopProcess } from '../../helpers/processes';

describe('the worker process', () => {
  const config = testConfig();
  afterAll(async () => deleteQueueKeys(config));

  it('runs a ping job end to end through Redis and MongoDB, then stops cleanly', async () => {
    const worker = startTsProcess('workers/main.ts', configEnv(config));
    const connection = { connection: bullConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
    const queue = createQueue(QUEUE_NAMES.maintenance, connection);
    const events = new QueueEvents(QUEUE_NAMES.maintenance, connection);
    try {
      await events.waitUntilReady();
      const requestedAt = new Date().toISOString();
      const job = await queue.add('ping', { requestedAt });
      const result = await job.waitUntilFinished(events, 30_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\nworker output:\n${worker.output()}`);
      });
      expect(result).toEqual({ pong: true, requestedAt, mongodb: 'up' });
    } finally {
      await events.close();
      await queue.close();
    }
    expect(await stopProcess(worker, 'SIGTERM')).toBe(0);
    expect(worker.output()).toContain('finishing running jobs');
  });
});
