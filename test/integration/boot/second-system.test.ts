import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { mongo as driver } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongo } from '../../../server/db';
import { feedToken } from '../../../server/modules/events/calendar';
import { loadConfig } from '../../../server/config';
import { freePort, portOpen, ROOT, waitFor } from '../../helpers/processes';

/**
 * `npm start` as a second system next to the running one (the shared services on 27017/6379):
 * its own ports and data directory for everything, a generated session secret, the API and
 * worker supervised, and a Ctrl-C that leaves its databases running. One start serves every
 * test here, because a whole system (client build, databases, demo data) takes a while to come up.
 */
const { ObjectId } = driver.BSON;
const dataDir = mkdtempSync(join(tmpdir(), 'mb-system-'));
const ports = { mongo: 0, redis: 0, api: 0 };
let system: ChildProcess;
let output = '';
let env: NodeJS.ProcessEnv;

const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${ports.api}${path}`, init);
const pidOf = (name: string) => Number([...output.matchAll(new RegExp(`\\[supervisor\\] ${name} started \\(pid (\\d+)\\)`, 'g'))].at(-1)?.[1]);
const healthy = async () => (await api('/healthz').catch(() => undefined))?.status === 200;

beforeAll(async () => {
  ports.mongo = await freePort();
  ports.redis = await freePort();
  ports.api = await freePort();
  env = {
    ...process.env,
    MB_DATA_DIR: dataDir,
    MB_MONGO_PORT: String(ports.mongo),
    MB_REDIS_PORT: String(ports.redis),
    PORT: String(ports.api),
    // Nothing inherited may point it elsewhere: empty means unset, for the scripts and the config.
    MONGODB_URI: '',
    REDIS_URL: '',
    PUBLIC_URL: '',
    SESSION_SECRET: '',
    QUEUE_PREFIX: '',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  };
  // Its own process group, so the test can press "Ctrl-C" (SIGINT to the whole group) like a terminal does.
  system = spawn('bash', ['scripts/start.sh'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  system.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  system.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitFor(async () => (await api('/readyz').catch(() => undefined))?.status === 200 && pidOf('worker'), 240_000, 'the second system');
  } catch (error) {
    throw new Error(`${String(error)}\n${output}`, { cause: error });
  }
}, 300_000);

afterAll(async () => {
  if (system.exitCode === null && system.signalCode === null) {
    process.kill(-system.pid!, 'SIGTERM');
    await new Promise((resolve) => system.once('exit', resolve));
  }
  // Stops only the databases whose pid files are in this data directory.
  const down = spawn('bash', ['scripts/services.sh', 'down'], { cwd: ROOT, env, stdio: 'ignore' });
  await new Promise((resolve) => down.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('a second system on its own ports and data directory', () => {
  it('keeps its data in its own databases and links to its own port', async () => {
    const mongo = await openMongo(`mongodb://127.0.0.1:${ports.mongo}/matchbridge`);
    const redis = new Redis(`redis://127.0.0.1:${ports.redis}`);
    try {
      expect(await mongo.db!.collection('organizations').countDocuments()).toBeGreaterThan(0);
      // The worker registered its schedules in this Redis, under the default prefix.
      expect((await redis.keys('mb:*')).length).toBeGreaterThan(0);
    } finally {
      await mongo.close();
      redis.disconnect();
    }
    expect(output).toContain(`Matchbridge is starting on http://127.0.0.1:${ports.api}`);
  });

  it('signs calendar feeds with a generated secret kept in its data directory (mode 600)', async () => {
    const file = join(dataDir, 'session-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);

    const login = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sme-admin@ostsee-backstube.example', password: 'demo-sme-2026' }),
    });
    expect(login.status).toBe(200);
    const user = (await login.json()) as { id: string };
    // The API signed in against this system's database, not the shared one.
    const mongo = await openMongo(`mongodb://127.0.0.1:${ports.mongo}/matchbridge`);
    const stored = await mongo.db!.collection('users').countDocuments({ _id: new ObjectId(user.id) });
    await mongo.close();
    expect(stored).toBe(1);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { items } = (await (await api('/api/events?mine=true', { headers: { cookie } })).json()) as { items: { id: string }[] };
    const eventId = items[0]!.id;
    const { feedUrl } = (await (await api(`/api/events/${eventId}/agenda`, { headers: { cookie } })).json()) as { feedUrl: string };
    expect(feedUrl.startsWith(`http://127.0.0.1:${ports.api}/`)).toBe(true);
    expect((await fetch(feedUrl)).status).toBe(200);

    const defaultSecret = loadConfig({}).SESSION_SECRET;
    const forged = `/api/events/${eventId}/agenda.ics?user=${user.id}&token=${feedToken(defaultSecret, eventId, user.id)}`;
    expect((await api(forged)).status).toBe(404);
  });

  it('restarts a killed worker while the API keeps answering, then a killed API', async () => {
    const worker = pidOf('worker');
    process.kill(worker, 'SIGKILL');
    expect(await healthy()).toBe(true);
    await waitFor(async () => pidOf('worker') !== worker, 30_000, 'the worker to be restarted');
    expect(output).toMatch(/\[supervisor\] worker exited \(signal SIGKILL\) after [\d.]+ s; restarting in [\d.]+ s/);
    expect(await healthy()).toBe(true);

    const apiPid = pidOf('api');
    process.kill(apiPid, 'SIGKILL');
    await waitFor(async () => pidOf('api') !== apiPid && (await healthy()), 60_000, 'the API to be restarted');
    expect(output).toMatch(/\[supervisor\] api exited \(signal SIGKILL\)/);
  }, 120_000);

  it('stops the API and the worker on Ctrl-C and leaves the databases running', async () => {
    const pids = [pidOf('api'), pidOf('worker')];
    process.kill(-system.pid!, 'SIGINT');
    const code = await new Promise((resolve) => system.once('exit', resolve));
    expect(code).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    expect(await portOpen(ports.mongo)).toBe(true);
    expect(await portOpen(ports.redis)).toBe(true);
  }, 60_000);
});
