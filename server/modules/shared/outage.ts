/**
 * Recognises errors that mean "a backing service is unreachable" rather than "this request is
 * wrong" or "our code is wrong", so the API can answer 503 with Retry-After instead of 500.
 * Names and messages are matched because the errors come from several copies of the drivers
 * (mongoose's bundled mongodb, bullmq's ioredis), where `instanceof` is unreliable.
 */
export type Dependency = 'mongodb' | 'redis';

/** How long clients are told to wait before retrying while a dependency is down. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const MONGO_OUTAGE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

// ioredis with enableOfflineQueue false, maxRetriesPerRequest, or a socket that has just closed.
const REDIS_OUTAGE_MESSAGES = ["Stream isn't writeable", 'Connection is closed', 'Reached the max retries per request limit'];

export function outageOf(error: unknown): Dependency | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, message } = error as { name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof name === 'string' && MONGO_OUTAGE_NAMES.has(name)) return 'mongodb';
  // mongoose queues operations while disconnected and fails them after bufferTimeoutMS.
  if (name === 'MongooseError' && text.includes('buffering timed out')) return 'mongodb';
  if (name === 'MaxRetriesPerRequestError' || REDIS_OUTAGE_MESSAGES.some((known) => text.includes(known))) return 'redis';
  return null;
}
