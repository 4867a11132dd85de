import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { mongo as driver } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongo } from '../../../server/db';
import { createPublishedNeed, outputBody, userWithOrganization } from '../../helpers/api';
import { deleteQueueKeys, dropDatabase, startTestApp } from '../../helpers/app';
import { configEnv, testConfig } from '../../helpers/config';
import { startProcess } from '../../helpers/processes';

const { EJSON, ObjectId, Long, Int32, Double, Binary } = driver.BSON;
const config = testConfig();
const prefix = `${config.QUEUE_PREFIX}:app`;
const outDir = mkdtempSync(join(tmpdir(), 'mb-backup-'));
let redis: Redis;
let readsKey: string;
let muteKey: string;

/** Every document of every collection, in _id order, as canonical Extended JSON (types included). */
async function everyDocument(): Promise<Record<string, string[]>> {
  const mongo = await openMongo(config.MONGODB_URI);
  try {
    const names = (await mongo.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    const all: Record<string, string[]> = {};
    for (const name of names) {
      const documents = await mongo.db!.collection(name).find({}, { sort: { _id: 1 } }).toArray();
      if (documents.length > 0) all[name] = documents.map((d) => EJSON.stringify(d, { relaxed: false }));
    }
    return all;
  } finally {
    await mongo.close();
  }
}

/** Runs a command-line script of the repository against this file's database and Redis prefix. */
async function runScript(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const proc = startProcess(process.execPath, ['--import', 'tsx', script, ...args], configEnv(config));
  return { code: await proc.exited, output: proc.output() };
}

/** Fills an empty database and prefix (each try starts from scratch: integration tests get a retry). */
async function fillWithData(): Promise<void> {
  await dropDatabase(config);
  await deleteQueueKeys(config);
  // Real app data: users, organizations, listings, sessions ...
  const { app } = await startTestApp(config);
  const sme = await userWithOrganization(app, 'sme');
  const university = await userWithOrganization(app, 'university');
  await createPublishedNeed(sme, sme.organizationId);
  expect((await university.post('/api/research-outputs', outputBody(university.organizationId))).statusCode).toBe(201);
  await app.close();
  // ... and the BSON types that plain JSON would turn into strings and doubles.
  const mongo = await openMongo(config.MONGODB_URI);
  await mongo.db!.collection<{ _id: unknown; [field: string]: unknown }>('backup_probe').insertMany([
    {
      _id: new ObjectId(),
      at: new Date('2026-12-04T10:00:00.123Z'),
      long: Long.fromString('9007199254740993'),
      int: new Int32(7),
      double: new Double(7),
      blob: new Binary(Buffer.from([0, 1, 255])),
      nested: [{ none: null }, 'text'],
    },
    { _id: 'a string id', empty: {} },
  ]);
  await mongo.close();
  // Redis: what must survive (read markers, a mute with its time left) and a cache that must not.
  readsKey = `${prefix}:chat:read:${sme.userId}`;
  muteKey = `${prefix}:chat:mute:roomA:${university.userId}`;
  await redis.hset(readsKey, { roomA: '12', roomB: '3' });
  await redis.set(muteKey, sme.userId, 'PX', 600_000);
  await redis.set(`${prefix}:chat:last:roomA`, '99');
}

beforeAll(() => {
  redis = new Redis(config.REDIS_URL);
});

afterAll(async () => {
  redis.disconnect();
  await dropDatabase(config);
  await deleteQueueKeys(config);
  rmSync(outDir, { recursive: true, force: true });
});

describe('npm run backup and npm run restore', () => {
  it('back up, wipe and restore every document with its types, and the Redis keys that must survive', async () => {
    await fillWithData();
    const before = await everyDocument();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['users', 'organizations', 'needs', 'researchoutputs', 'backup_probe']));

    const out = mkdtempSync(join(outDir, 'try-'));
    const backup = await runScript('scripts/backup.ts', ['--out', out]);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/backup: \d+\/\d+/);
    const [archive] = readdirSync(out);
    expect(archive).toMatch(/^matchbridge-mbtest_[0-9a-f]+-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.mbbackup\.gz$/);
    const file = join(out, archive!);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    await dropDatabase(config);
    await deleteQueueKeys(config);
    await redis.set(`${prefix}:chat:last:roomA`, '99');
    expect(await everyDocument()).toEqual({});

    const restore = await runScript('scripts/restore.ts', [file]);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/restore: \d+\/\d+/);
    expect(await everyDocument()).toEqual(before);
    expect(await redis.hgetall(readsKey)).toEqual({ roomA: '12', roomB: '3' });
    const muteLeft = await redis.pttl(muteKey);
    expect(muteLeft).toBeGreaterThan(0);
    expect(muteLeft).toBeLessThanOrEqual(600_000);
    // Sessions are not restored (everybody signs in again); the chat cache is rebuilt from MongoDB.
    expect(await redis.keys(`${prefix}:session:*`)).toEqual([]);
    expect(await redis.get(`${prefix}:chat:last:roomA`)).toBeNull();

    // A second restore does not mix two states in one database ...
    const again = await runScript('scripts/restore.ts', [file]);
    expect(again.code).toBe(1);
    expect(again.output).toContain(`the database ${config.MONGODB_URI.split('/').at(-1)} already holds data`);
    // ... unless told to replace it.
    const replaced = await runScript('scripts/restore.ts', [file, '--replace']);
    expect(replaced.code, replaced.output).toBe(0);
    expect(await everyDocument()).toEqual(before);

    // A cut-off archive is refused before anything is changed.
    const cut = join(out, 'cut.gz');
    copyFileSync(file, cut);
    truncateSync(cut, Math.floor(statSync(file).size / 2));
    const damaged = await runScript('scripts/restore.ts', [cut, '--replace']);
    expect(damaged.code).toBe(1);
    expect(damaged.output).toMatch(/restore failed: (unexpected end of file|.*ends early)/);
    expect(await everyDocument()).toEqual(before);
  }, 120_000);
});
