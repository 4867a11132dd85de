import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Services } from '../../server/services';
import type { MatchStore } from '../../server/modules/matches/store';
import type { MatchEngine } from '../matching/match-engine';
import type { QueueName } from '../queues';

/** What the jobs use, built once per worker process in workers/worker.ts. */
export interface JobContext {
  services: Services;
  engine: MatchEngine;
  store: MatchStore;
  /** For follow-up jobs (e.g. recompute counterparts of an archived listing). */
  queues: Record<QueueName, Queue>;
  redis: Redis;
  /** Prefix of the app's own Redis keys. */
  redisPrefix: string;
  /** New matches at or above this score notify the owners of both sides. */
  notifyMinScore: number;
  log: (message: string) => void;
}
