import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '../../server/app';
import { openMongo } from '../../server/db';
import type { Config } from '../../server/config';
import { testConfig } from './config';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** Drops the test database, removes the queue keys and closes the app. */
  close(): Promise<void>;
}

export async function startTestApp(config: Config = testConfig()): Promise<TestApp> {
  const app = await buildApp(config, { logger: false });
  return {
    app,
    config,
    async close() {
      await app.close();
      await dropDatabase(config);
      await deleteQueueKeys(config);
    },
  };
}

/**
 * Drops the test database through a connection of its own, after the app has closed: dropping
 * while the app still reads (its search index loads in the background) can crash FerretDB.
 */
export async function dropDatabase(config: Config): Promise<void> {
  const mongo = await openMongo(config.MONGODB_URI);
  try {
    await mongo.dropDatabase();
  } finally {
    await mongo.close();
  }
}

/** Removes every Redis key under the test's BullMQ prefix. */
export async function deleteQueueKeys(config: Config): Promise<void> {
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.QUEUE_PREFIX}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
