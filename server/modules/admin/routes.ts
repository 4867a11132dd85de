import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Job, Queue } from 'bullmq';
import { enqueue, SCHEDULER_IDS } from '../../../workers/queues';
import { requirePlatformAdmin } from '../accounts/current-user';
import { errorResponses } from '../shared/schema';
import { StatsView } from './schema';

/** Queue depth, failures, latency, match feedback and the full rescore, for platform admins. */
const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin'];

  app.get('/api/admin/stats', { schema: { tags, response: { 200: StatsView, ...errorResponses(401, 403) } } }, async (request) => {
    requirePlatformAdmin(request);
    const queues = await Promise.all(Object.values(app.queues).map(queueStats));
    return {
      queues,
      matches: { lists: await app.services.matchStore.count() },
      feedback: await app.services.matches.feedbackStats(),
      rescore: await latestRescore(app.queues.matching),
    };
  });

  app.post(
    '/api/admin/rescore',
    { schema: { tags, response: { 202: Type.Object({ jobId: Type.String() }), ...errorResponses(401, 403) } } },
    async (request, reply) => {
      const user = requirePlatformAdmin(request);
      const job = await enqueue(app.queues, 'rescore-all', { requestedBy: user.id });
      return reply.code(202).send({ jobId: String(job.id) });
    },
  );
};

async function queueStats(queue: Queue) {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  // Time from being added to being finished, over the latest completed jobs.
  const recent = await queue.getJobs(['completed'], 0, 199);
  const latencies = recent
    .filter((job) => job.finishedOn !== undefined)
    .map((job) => (job.finishedOn ?? 0) - job.timestamp)
    .sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    name: queue.name,
    waiting: counts['waiting'] ?? 0,
    active: counts['active'] ?? 0,
    delayed: counts['delayed'] ?? 0,
    completed: counts['completed'] ?? 0,
    failed: counts['failed'] ?? 0,
    latencyMs: latencies.length > 0 ? { p50: at(0.5), p95: at(0.95) } : null,
  };
}

/**
 * The latest full rescore that someone or the schedule really started, and when the nightly one
 * runs next. The schedule keeps its next run as a delayed job all day; that job is not running, so
 * it is reported as `nextRunAt`, never as the latest rescore (it used to disable the button for good).
 */
async function latestRescore(queue: Queue) {
  const [jobs, scheduler] = await Promise.all([
    queue.getJobs(['active', 'waiting', 'prioritized', 'delayed', 'completed', 'failed'], 0, 200) as Promise<Job[]>,
    queue.getJobScheduler(SCHEDULER_IDS['rescore-all']),
  ]);
  const started = await Promise.all(jobs.filter((job) => job.name === 'rescore-all').map(async (job) => ({ job, state: await job.getState() })));
  // A retry waiting out its backoff is delayed too, but it has run before: only a scheduled run that never started is skipped.
  const latest = started.filter(({ job, state }) => !(state === 'delayed' && job.repeatJobKey && job.attemptsMade === 0)).sort((a, b) => b.job.timestamp - a.job.timestamp)[0];
  const nextRunAt = scheduler?.next ? new Date(scheduler.next).toISOString() : null;
  if (!latest) return { state: null, progress: 0, jobId: null, nextRunAt };
  const progress = typeof latest.job.progress === 'number' ? latest.job.progress : 0;
  return { state: latest.state, progress, jobId: String(latest.job.id), nextRunAt };
}

export default adminRoutes;
