import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../../workers/queues';
import { startTestApp, type TestApp } from '../../helpers/app';
import { stopProcess, type ChildOutput } from '../../helpers/processes';
import { startWorkerProcess, testQueues, waitForJobResult } from '../../helpers/worker';
import { participant, publishedEvent } from './fixtures';

describe('expire-meeting-requests: the sweep job in a real worker', () => {
  let ctx: TestApp;
  let worker: ChildOutput;
  let queues: ReturnType<typeof testQueues>;
  beforeAll(async () => {
    ctx = await startTestApp();
    worker = await startWorkerProcess(ctx.config);
    queues = testQueues(ctx.config);
  });
  afterAll(async () => {
    await queues.close();
    await stopProcess(worker);
    await ctx.close();
  });

  it('stores the expiry of overdue requests only, and tells both sides', async () => {
    const { event } = await publishedEvent(ctx.app);
    const sme = await participant(ctx.app, event.id, 'sme');
    const uni = await participant(ctx.app, event.id, 'university');
    const lab = await participant(ctx.app, event.id, 'government');
    const request = async (to: typeof uni) =>
      (await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: to.registrationId, reason: 'Shelf-life trials for our rye bread.' })).json().id as string;
    const overdue = await request(uni);
    const fresh = await request(lab);
    await ctx.app.services.eventModels.meetings.updateOne({ _id: overdue }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });

    const job = await enqueue(queues, 'expire-meeting-requests', {});
    expect(await waitForJobResult(ctx.config, queues.maintenance, job)).toEqual({ expired: 1 });
    const stored = await ctx.app.services.eventModels.meetings.find({ _id: { $in: [overdue, fresh] } }).lean();
    expect(Object.fromEntries(stored.map((m) => [String(m._id), m.status]))).toEqual({ [overdue]: 'expired', [fresh]: 'pending' });
    for (const side of [sme, uni]) {
      const titles = (await side.get('/api/notifications')).json().items.map((n: { title: string }) => n.title);
      expect(titles.filter((t: string) => t.startsWith('Meeting request expired'))).toHaveLength(1);
    }
  });
});
