import type { Job } from 'bullmq';
import { markScheduleFailed, runScheduleEvent, type ScheduleRunnerDeps } from '../../server/modules/events/schedule-runner';
import { scheduleRunModel } from '../../server/modules/events/schedule-model';
import type { JobPayloads, JobResults } from '../queues';
import type { JobContext } from './context';

/**
 * Places an event's accepted meetings into slots and tables (server/modules/events/scheduling) and
 * writes them as the event's draft schedule; progress goes to the job as whole percentages, which
 * GET /api/events/:id/schedule reports while the job runs.
 */
export async function runScheduleEventJob(ctx: JobContext, job: Job): Promise<JobResults['schedule-event']> {
  const payload = job.data as JobPayloads['schedule-event'];
  const { events, registrations, meetings } = ctx.services.eventModels;
  const deps: ScheduleRunnerDeps = { events, registrations, meetings, runs: scheduleRunModel(events.db), redis: ctx.redis, redisPrefix: ctx.redisPrefix };
  let last = -1;
  const reportProgress = async (percent: number) => {
    const whole = Math.min(100, Math.floor(percent));
    if (whole <= last) return;
    last = whole;
    await job.updateProgress(whole);
  };
  try {
    return await runScheduleEvent(deps, payload, String(job.id), reportProgress);
  } catch (error) {
    // Only the last attempt gives up: earlier ones leave the event 'running' for the retry.
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await markScheduleFailed(deps, payload.eventId, String(job.id), error instanceof Error ? error.message : String(error));
    }
    throw error;
  }
}
