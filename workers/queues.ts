import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';

/**
 * Every queue, job name and payload type in one place. Payloads carry ids and small values,
 * never documents: a worker always reads the current state from MongoDB.
 */
export const QUEUE_NAMES = {
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export interface JobPayloads {
  /** Round trip through Redis, the worker and MongoDB; used by health checks and tests. */
  ping: { requestedAt: string };
}

export interface JobResults {
  ping: { pong: true; requestedAt: string; mongodb: 'up' };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  ping: QUEUE_NAMES.maintenance,
};

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  // Failed jobs stay for inspection in the queue dashboard.
  removeOnFail: false,
};

export interface QueueConnection {
  connection: ConnectionOptions;
  prefix: string;
}

export function createQueue(name: QueueName, { connection, prefix }: QueueConnection): Queue {
  return new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
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
