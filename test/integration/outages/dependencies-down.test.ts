import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteQueueKeys, dropDatabase, startTestApp, type TestApp } from '../../helpers/app';
import { needBody, userWithOrganization, type Client } from '../../helpers/api';
import { testConfig } from '../../helpers/config';
import { freePort, startPrivateMongo, startPrivateRedis, stopProcess, waitFor, type ChildOutput } from '../../helpers/processes';

// Stops and starts its own redis-server and database server, so other test files keep theirs.
describe('while Redis or the database is down', () => {
  let redisPort: number;
  let mongoPort: number;
  let mongoDir: string;
  let redisDir: string;
  let redis: ChildOutput;
  let mongo: ChildOutput;
  let ctx: TestApp;
  let user: Client & { organizationId: string };

  beforeAll(async () => {
    [redisPort, mongoPort] = [await freePort(), await freePort()];
    mongoDir = mkdtempSync(join(tmpdir(), 'mb-outage-db-'));
    // Redis keeps an append-only file so the session survives its restart.
    redisDir = mkdtempSync(join(tmpdir(), 'mb-outage-redis-'));
    redis = await startPrivateRedis(redisPort, redisDir);
    mongo = await startPrivateMongo(mongoPort, mongoDir, inject('ferretdbBinary'));
    const config = testConfig({ REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    const uri = new URL(config.MONGODB_URI);
    uri.host = `127.0.0.1:${mongoPort}`;
    ctx = await startTestApp({ ...config, MONGODB_URI: uri.toString() });
    user = await userWithOrganization(ctx.app, 'sme');
  });
  afterAll(async () => {
    await ctx.app.close();
    await dropDatabase(ctx.config).catch(() => undefined);
    await deleteQueueKeys(ctx.config).catch(() => undefined);
    await stopProcess(redis);
    await stopProcess(mongo);
  });

  const ready = async () => (await ctx.app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200;

  function expectUnavailable(response: LightMyRequestResponse, dependency: string): void {
    expect(response.statusCode, response.body).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String), details: { dependency } } });
  }

  it('Redis down: signed-in requests and the authentication routes answer 503 with Retry-After', async () => {
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    await stopProcess(redis);
    await waitFor(async () => !(await ready()), 10_000, 'readyz to notice Redis is down');

    expectUnavailable(await user.get('/api/auth/me'), 'redis');
    expectUnavailable(await user.post('/api/needs', { organizationId: '0'.repeat(24) }), 'redis');
    // This route needs no Redis of its own for an unknown address: only the limiter does. It fails
    // closed instead of letting unlimited attempts through.
    const reset = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'nobody@test.example' } });
    expectUnavailable(reset, 'redis');
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'not the password' } });
    expectUnavailable(login, 'redis');

    redis = await startPrivateRedis(redisPort, redisDir);
    await waitFor(ready, 15_000, 'readyz to recover after Redis restarted');
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
  });

  // Each request waits for the driver to give up on the stopped server (a few seconds each).
  it('database down: signed-in requests answer 503 with Retry-After, and recover', async () => {
    await stopProcess(mongo);
    await waitFor(async () => !(await ready()), 10_000, 'readyz to notice the database is down');

    expectUnavailable(await user.get('/api/auth/me'), 'mongodb');
    expectUnavailable(await user.get('/api/needs?mine=true'), 'mongodb');
    const create = () => user.request({ method: 'POST', url: '/api/needs', payload: needBody(user.organizationId), headers: { 'idempotency-key': 'retry-after-outage-1' } });
    expectUnavailable(await create(), 'mongodb');

    mongo = await startPrivateMongo(mongoPort, mongoDir, inject('ferretdbBinary'));
    await waitFor(ready, 20_000, 'readyz to recover after the database restarted');
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    // The 503 freed the key: the retry runs, and a second retry gets its answer without a second need.
    const retried = await create();
    expect(retried.statusCode, retried.body).toBe(201);
    expect((await create()).json().id).toBe(retried.json().id);
    expect((await user.get('/api/needs?mine=true')).json().items).toHaveLength(1);
  }, 90_000);
});
