import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { testQueues } from '../../helpers/worker';
import { userWithOrganization } from '../../helpers/api';
import { eventBody, participant, publishedEvent } from './fixtures';

// No worker in this file: jobs stay queued, so "already running" and a lost job are deterministic.
describe('scheduler runs while the job waits in the queue', () => {
  let ctx: TestApp;
  let queues: ReturnType<typeof testQueues>;
  beforeAll(async () => {
    ctx = await startTestApp();
    queues = testQueues(ctx.config);
  });
  afterAll(async () => {
    await queues.close();
    await ctx.close();
  });

  it('refuses a second run and publishing while one is queued, and recovers when the job is lost', async () => {
    const { organizer, event } = await publishedEvent(ctx.app);
    const sme = await participant(ctx.app, event.id, 'sme');
    const uni = await participant(ctx.app, event.id, 'university');
    const requested = await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: 'Shared interest in printed sensors.' });
    await uni.post(`/api/events/${event.id}/meetings/${requested.json().id}/accept`);

    const first = await organizer.post(`/api/events/${event.id}/schedule`, { mode: 'all' });
    expect(first.statusCode).toBe(202);
    const { jobId } = first.json();
    const job = await queues.maintenance.getJob(jobId);
    expect(job?.name).toBe('schedule-event');
    expect(job?.data).toMatchObject({ eventId: event.id, mode: 'all' });

    const running = (await organizer.get(`/api/events/${event.id}/schedule`)).json();
    expect(running).toMatchObject({ status: 'running', jobId, mode: 'all', progress: 0, error: null });
    const again = await organizer.post(`/api/events/${event.id}/schedule`, { mode: 'unscheduled' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already running/);
    const publish = await organizer.post(`/api/events/${event.id}/schedule/publish`, {});
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error.message).toMatch(/Wait for the scheduler/);

    // The job disappears (removed from the dashboard, Redis flushed): the organizer is told and may run again.
    await job!.remove();
    expect((await organizer.get(`/api/events/${event.id}/schedule`)).json().error).toMatch(/stopped before it finished/);
    const retry = await organizer.post(`/api/events/${event.id}/schedule`, { mode: 'unscheduled' });
    expect(retry.statusCode).toBe(202);
    expect(retry.json().jobId).not.toBe(jobId);
  });

  it('refuses to run for an event without sessions', async () => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const created = await organizer.post('/api/events', eventBody(organizer.organizationId));
    expect(created.statusCode).toBe(201);
    const response = await organizer.post(`/api/events/${created.json().id}/schedule`, { mode: 'all' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/Add at least one session/);
  });
});
