import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, startTestApp, type TestApp } from '../../helpers/app';
import { testConfig } from '../../helpers/config';
import { matchRows, publishDemoListings } from '../../helpers/listings';
import { freePort, startPrivateRedis, stopProcess, type ChildOutput } from '../../helpers/processes';
import { startWorkerProcess, testQueues, waitForJobResult, waitForJobState } from '../../helpers/worker';
import { enqueue } from '../../../workers/queues';

// Its own Redis (with an append-only file) so restarting it disturbs no other test file.
describe('match jobs when Redis restarts mid-job', () => {
  const redisDir = mkdtempSync(join(tmpdir(), 'mb-redis-restart-'));
  let port: number;
  let redis: ChildOutput;
  let ctx: TestApp;
  let worker: ChildOutput;
  let queues: ReturnType<typeof testQueues>;

  beforeAll(async () => {
    port = await freePort();
    redis = await startPrivateRedis(port, redisDir);
    ctx = await startTestApp(testConfig({ REDIS_URL: `redis://127.0.0.1:${port}`, WORKER_LOCK_MS: '5000' }));
    queues = testQueues(ctx.config);
    await publishDemoListings(ctx.app, 170, 125);
    worker = await startWorkerProcess(ctx.config);
  });
  afterAll(async () => {
    await stopProcess(worker, 'SIGKILL');
    await queues.close();
    await ctx.app.close();
    await dropDatabase(ctx.config);
    await stopProcess(redis);
  });

  it('the worker reconnects and the full rescore finishes with the right matches', { timeout: 240_000 }, async () => {
    const job = await enqueue(queues, 'rescore-all', {});
    await waitForJobState(queues.matching, job.id!, (current, state) => state === 'active' && Number(current.progress) >= 15, 60_000);

    await stopProcess(redis);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    redis = await startPrivateRedis(port, redisDir);

    await waitForJobState(queues.matching, job.id!, (_current, state) => state === 'completed', 180_000);
    const afterRestart = await matchRows(ctx.app);
    expect(afterRestart.length).toBeGreaterThan(100);
    expect(worker.child.exitCode).toBe(null);

    // A clean run agrees: nothing was lost or half-written while Redis was away.
    const clean = await enqueue(queues, 'rescore-all', {});
    await waitForJobResult(ctx.config, queues.matching, clean, 180_000);
    expect(await matchRows(ctx.app)).toEqual(afterRestart);
  });
});
