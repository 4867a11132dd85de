import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/config';

/**
 * A config for one test file: the shared local servers, but its own database name and BullMQ
 * prefix so files running in parallel never see each other's data.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const id = randomBytes(4).toString('hex');
  const mongo = new URL(inject('mongoUri'));
  mongo.pathname = `/mbtest_${id}`;
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_URI: mongo.toString(),
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: `mbtest:${id}`,
    READY_TIMEOUT_MS: '500',
    SCHEDULES_ENABLED: 'false',
    ...overrides,
  });
}

/** The environment a child process (API or worker) needs to use this config. */
export function configEnv(config: Config): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, String(value)]));
}
