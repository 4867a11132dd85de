import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, startTestApp, type TestApp } from '../../helpers/app';
import { testConfig } from '../../helpers/config';
import { freePort, startPrivateRedis, stopProcess, waitFor, type ChildOutput } from '../../helpers/processes';

// This file stops and starts its own redis-server so other test files keep theirs.
describe('readiness when Redis goes away and comes back', () => {
  let port: number;
  let redis: ChildOutput;
  let ctx: TestApp;

  beforeAll(async () => {
    port = await freePort();
    redis = await startPrivateRedis(port);
    ctx = await startTestApp(testConfig({ REDIS_URL: `redis://127.0.0.1:${port}` }));
  });
  afterAll(async () => {
    await ctx.app.close();
    await dropDatabase(ctx.config);
    await stopProcess(redis);
  });

  it('answers 503 naming Redis while it is down, and recovers by itself', async () => {
    const ready = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);

    await stopProcess(redis);
    const down = await waitFor(async () => {
      const response = await ctx.app.inject({ method: 'GET', url: '/readyz' });
      return response.statusCode === 503 && response;
    }, 10_000, 'readyz to report 503');
    expect(down.json()).toEqual({
      status: 'unavailable',
      dependencies: { mongodb: 'up', redis: 'down' },
      message: 'not ready: redis is down',
    });

    redis = await startPrivateRedis(port);
    await waitFor(async () => {
      const response = await ctx.app.inject({ method: 'GET', url: '/readyz' });
      return response.statusCode === 200;
    }, 15_000, 'readyz to recover after Redis restarted');
  });
});
