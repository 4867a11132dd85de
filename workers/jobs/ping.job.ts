import type { Connection } from 'mongoose';
import { pingMongo } from '../../server/db';
import type { JobPayloads, JobResults } from '../queues';

/** Proves the worker can reach MongoDB while processing a job from Redis. */
export async function runPing(mongo: Connection, payload: JobPayloads['ping']): Promise<JobResults['ping']> {
  await pingMongo(mongo);
  return { pong: true, requestedAt: payload.requestedAt, mongodb: 'up' };
}
