import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { anonymous, platformAdmin, userWithOrganization } from '../../helpers/api';
import { stopProcess, waitFor, type ChildOutput } from '../../helpers/processes';
import { startWorkerProcess, testQueues } from '../../helpers/worker';
import { SCHEDULER_IDS, SCHEDULES } from '../../../workers/queues';

describe('operations: statistics, full rescore and the queue dashboard', () => {
  let ctx: TestApp;
  let worker: ChildOutput;
  beforeAll(async () => {
    ctx = await startTestApp();
    worker = await startWorkerProcess(ctx.config);
  });
  afterAll(async () => {
    await stopProcess(worker);
    await ctx.close();
  });

  it('lets only platform admins read statistics, start a rescore and open the dashboard', async () => {
    const member = await userWithOrganization(ctx.app, 'university');
    for (const client of [anonymous(ctx.app), member]) {
      expect((await client.get('/api/admin/stats')).statusCode).toBeGreaterThanOrEqual(401);
      expect((await client.post('/api/admin/rescore')).statusCode).toBeGreaterThanOrEqual(401);
      expect([401, 403]).toContain((await client.get('/admin/queues')).statusCode);
    }
    const admin = await platformAdmin(ctx.app);
    const dashboard = await admin.get('/admin/queues');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('Matchbridge queues');
  });

  it('starts a full rescore and reports its progress and the queues in statistics', async () => {
    const admin = await platformAdmin(ctx.app);
    const started = await admin.post('/api/admin/rescore');
    expect(started.statusCode).toBe(202);
    const { jobId } = started.json();
    const done = await waitFor(async () => {
      const stats = (await admin.get('/api/admin/stats')).json();
      // Queue counts are read just before the rescore's state: wait until both show it done.
      const completed = stats.queues.find((queue: { name: string }) => queue.name === 'matching')?.completed ?? 0;
      return stats.rescore.jobId === jobId && stats.rescore.state === 'completed' && completed >= 1 && stats;
    }, 30_000, 'the rescore to complete');
    expect(done.rescore.progress).toBe(100);
    const matching = done.queues.find((queue: { name: string }) => queue.name === 'matching');
    expect(matching.completed).toBeGreaterThanOrEqual(1);
    expect(matching.latencyMs.p95).toBeGreaterThanOrEqual(matching.latencyMs.p50);
    expect(done.feedback.counts).toEqual({ saved: 0, dismissed: 0, contacted: 0 });
  });

  it('does not take the nightly schedule\'s waiting run for a running rescore, and names when it starts', async () => {
    const queues = testQueues(ctx.config);
    onTestFinished(async () => {
      await queues.matching.removeJobScheduler(SCHEDULER_IDS['rescore-all']);
      await queues.close();
    });
    await queues.matching.upsertJobScheduler(SCHEDULER_IDS['rescore-all'], { pattern: SCHEDULES['rescore-all'] }, { name: 'rescore-all', data: {} });
    const admin = await platformAdmin(ctx.app);
    const { rescore } = (await admin.get('/api/admin/stats')).json();
    expect(rescore.state).not.toBe('delayed');
    expect(new Date(rescore.nextRunAt).getUTCHours() * 60 + new Date(rescore.nextRunAt).getUTCMinutes()).toBe(2 * 60 + 30);
    expect(Date.parse(rescore.nextRunAt)).toBeGreaterThan(Date.now());
  });
});
