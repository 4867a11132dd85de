import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { testConfig } from '../../helpers/config';
import { matchRows, publishDemoListings } from '../../helpers/listings';
import { stopProcess, type ChildOutput } from '../../helpers/processes';
import { startWorkerProcess, testQueues, waitForJobResult, waitForJobState } from '../../helpers/worker';
import { enqueue } from '../../../workers/queues';

// Short locks so a killed worker's job is picked up again within seconds.
const config = testConfig({ WORKER_LOCK_MS: '2000' });

describe('match jobs: de-duplication, idempotency and crashes', () => {
  let ctx: TestApp;
  let queues: ReturnType<typeof testQueues>;
  let listings: Awaited<ReturnType<typeof publishDemoListings>>;
  const workers: ChildOutput[] = [];

  beforeAll(async () => {
    ctx = await startTestApp(config);
    queues = testQueues(config);
    listings = await publishDemoListings(ctx.app, 170, 125);
  });
  afterAll(async () => {
    for (const worker of workers) await stopProcess(worker, 'SIGKILL');
    await queues.close();
    await ctx.close();
  });

  it('turns ten quick changes of one need into one waiting job', async () => {
    const needId = listings.needIds[0]!;
    for (let i = 0; i < 10; i += 1) await enqueue(queues, 'match-listing', { kind: 'need', id: needId });
    const waiting = await queues.matching.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(waiting.filter((job) => job.name === 'match-listing' && job.data.id === needId)).toHaveLength(1);
  });

  it('writes the same result when a job runs twice', async () => {
    workers.push(await startWorkerProcess(config));
    const needId = listings.needIds[0]!;
    const first = await queues.matching.getJobs(['waiting', 'active', 'completed']);
    const job = first.find((candidate) => candidate.data.id === needId)!;
    const result = (await waitForJobResult(config, queues.matching, job)) as { matches: number };
    expect(result.matches).toBeGreaterThan(0);
    const before = await matchRows(ctx.app);

    const again = await enqueue(queues, 'match-listing', { kind: 'need', id: needId });
    await waitForJobResult(config, queues.matching, again);
    expect(await matchRows(ctx.app)).toEqual(before);
  });

  it('retries a full rescore whose worker was killed mid-job, and ends with the right matches', { timeout: 180_000 }, async () => {
    const job = await enqueue(queues, 'rescore-all', {});
    await waitForJobState(queues.matching, job.id!, (current, state) => state === 'active' && Number(current.progress) >= 15);
    await stopProcess(workers.pop()!, 'SIGKILL');

    workers.push(await startWorkerProcess(config));
    const result = (await waitForJobResult(config, queues.matching, job, 90_000)) as { items: number };
    expect(result.items).toBe(170 + 125);
    const afterRetry = await matchRows(ctx.app);
    expect(afterRetry.length).toBeGreaterThan(100);

    // A clean second run must agree with the retried one: nothing half-written stayed behind.
    const clean = await enqueue(queues, 'rescore-all', {});
    await waitForJobResult(config, queues.matching, clean, 90_000);
    expect(await matchRows(ctx.app)).toEqual(afterRetry);
  });
});
