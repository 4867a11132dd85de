import { Queue, type ConnectionOptions, type DefaultJobOptions, type JobsOptions } from 'bullmq';
import type { ScheduleRunOutcome } from '../server/modules/events/schedule-runner';

/**
 * Every queue, job name, payload type and default option in one place. Payloads carry ids and
 * small values, never documents: a worker always reads the current state from MongoDB.
 */
export const QUEUE_NAMES = {
  maintenance: 'maintenance',
  matching: 'matching',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export interface JobPayloads {
  /** Round trip through Redis, the worker and MongoDB; used by health checks and tests. */
  ping: { requestedAt: string };
  /** A need or output was published, edited or archived: recompute (or drop) its matches. */
  'match-listing': { kind: 'need' | 'output'; id: string };
  /** Recompute every match with current statistics (nightly, or started by a platform admin). */
  'rescore-all': { requestedBy?: string };
  /** Mail each user a digest of unread notifications. */
  'notification-digest': Record<string, never>;
  /** Store the expiry of meeting requests nobody answered in time and tell both sides. */
  'expire-meeting-requests': Record<string, never>;
  /** Place an event's accepted meetings into slots and tables as a draft schedule. */
  'schedule-event': { eventId: string; mode: 'all' | 'unscheduled'; requestedBy: string };
}

export interface JobResults {
  ping: { pong: true; requestedAt: string; mongodb: 'up' };
  'match-listing': { live: boolean; matches: number; created: number };
  'rescore-all': { items: number; matches: number; recomputedAfterSwitch: number; seconds: number; phases: { loadSeconds: number; rankSeconds: number; writeSeconds: number } };
  'notification-digest': { users: number; notifications: number };
  'expire-meeting-requests': { expired: number };
  'schedule-event': ScheduleRunOutcome | { skipped: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  ping: QUEUE_NAMES.maintenance,
  'match-listing': QUEUE_NAMES.matching,
  'rescore-all': QUEUE_NAMES.matching,
  'notification-digest': QUEUE_NAMES.maintenance,
  'expire-meeting-requests': QUEUE_NAMES.maintenance,
  'schedule-event': QUEUE_NAMES.maintenance,
};

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  // Failed jobs stay for inspection in the queue dashboard.
  removeOnFail: false,
};

/**
 * Options per job: a listing's jobs are de-duplicated by listing, so ten quick edits while one
 * job waits cause one recompute (and at most one more when an edit lands while it runs).
 */
export function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N]): JobsOptions {
  if (name === 'match-listing') {
    const { kind, id } = payload as JobPayloads['match-listing'];
    return { deduplication: { id: `match-${kind}-${id}`, keepLastIfActive: true } };
  }
  if (name === 'rescore-all') return { deduplication: { id: 'rescore-all' }, attempts: 2 };
  // A failed run is retried once; the API refuses a second run while one is queued or running.
  if (name === 'schedule-event') return { attempts: 2 };
  return {};
}

/** Nightly and daily schedules (cron, server time), as BullMQ job schedulers. */
export const SCHEDULER_IDS = {
  'rescore-all': 'nightly-rescore',
  'notification-digest': 'daily-digest',
  'expire-meeting-requests': 'meeting-request-expiry',
} as const;

export const SCHEDULES = {
  'rescore-all': '30 2 * * *',
  'notification-digest': '0 7 * * *',
  // Reads already treat overdue requests as expired; the sweep only makes the notices timely.
  'expire-meeting-requests': '*/10 * * * *',
} as const;

export interface QueueConnection {
  connection: ConnectionOptions;
  prefix: string;
}

export function createQueue(name: QueueName, { connection, prefix }: QueueConnection): Queue {
  return new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
}

/** Adds a job with its payload type checked and its per-job options applied. */
export async function enqueue<N extends JobName>(queues: Record<QueueName, Queue>, name: N, payload: JobPayloads[N], extra: JobsOptions = {}) {
  return queues[JOB_QUEUE[name]].add(name, payload, { ...jobOptions(name, payload), ...extra });
}

/** Parses a redis:// URL into the options BullMQ needs; workers must not give up on a request. */
export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
