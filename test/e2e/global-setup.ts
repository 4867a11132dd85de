import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type { TestProject } from 'vitest/node';
import { deleteQueueKeys } from '../helpers/app';
import type { Config } from '../../server/config';
import { freePort, ROOT, startTsProcess, stopProcess, waitFor } from '../helpers/processes';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the e2e API server (serving the built client) listens, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
    /** The e2e server's own database, for the few things a browser cannot do (making a platform admin). */
    e2eMongoUri: string;
    /** The e2e server's Redis and queue prefix, for what only the worker's schedules do (the e2e run turns them off). */
    e2eQueues: { redisUrl: string; prefix: string };
  }
}

/**
 * Starts local services (as the integration tests do), then one real API process with its own port,
 * database and queue prefix, serving the built web app, and one real worker process on the same
 * database and queues (it computes the matches). Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(`${ROOT}client/dist/index.html`)) {
    throw new Error('client/dist is missing: build the client first (npx vite build --config client/vite.config.ts); scripts/test.sh does it.');
  }
  const services = `${ROOT}scripts/services.sh`;
  execFileSync('bash', [services, 'up'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const env = Object.fromEntries(
    execFileSync('bash', [services, 'env'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const suffix = randomBytes(4).toString('hex');
  const mongoUri = new URL(env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/matchbridge');
  mongoUri.pathname = `/mb_e2e_${suffix}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverEnv = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    MONGODB_URI: mongoUri.toString(),
    REDIS_URL: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `e2e_${suffix}`,
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
    // Each browser context sends its own X-Forwarded-For (see browser.ts) so per-address limits never collide.
    TRUST_PROXY: 'true',
    SCHEDULES_ENABLED: 'false',
    // Every new match of the short e2e texts notifies (tests that read the bell allow for matches
    // with listings other browser tests publish at the same time).
    NOTIFY_MIN_SCORE: '1',
  };
  const server = startTsProcess('server/main.ts', serverEnv);
  const worker = startTsProcess('workers/main.ts', serverEnv);
  try {
    await waitFor(async () => {
      if (server.child.exitCode !== null) throw new Error(`the API exited with ${server.child.exitCode}`);
      return (await fetch(`${baseUrl}/readyz`)).ok;
    }, 60_000, 'the e2e API server to be ready');
    await waitFor(async () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited with ${worker.child.exitCode}`);
      return worker.output().includes('worker ready');
    }, 60_000, 'the e2e worker to be ready');
  } catch (error) {
    await Promise.all([stopProcess(server), stopProcess(worker)]);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nAPI:\n${server.output()}\nworker:\n${worker.output()}`, { cause: error });
  }
  project.provide('baseUrl', baseUrl);
  project.provide('e2eMongoUri', serverEnv.MONGODB_URI);
  project.provide('e2eQueues', { redisUrl: serverEnv.REDIS_URL, prefix: serverEnv.QUEUE_PREFIX });

  return async () => {
    await Promise.all([stopProcess(server), stopProcess(worker)]);
    const connection = await mongoose.createConnection(serverEnv.MONGODB_URI).asPromise();
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await deleteQueueKeys({ REDIS_URL: serverEnv.REDIS_URL, QUEUE_PREFIX: serverEnv.QUEUE_PREFIX } as Config);
  };
}
