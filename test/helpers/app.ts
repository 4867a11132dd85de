import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '../../server/app';
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
      await app.mongo.dropDatabase().catch(() => undefined);
      await app.close();
      await deleteQueueKeys(config);
    },
  };
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
