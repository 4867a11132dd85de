/**
 * npm run restore FILE [-- --replace]
 * Loads an archive written by `npm run backup` into the configured database and Redis. It checks
 * the whole archive before it changes anything, refuses a database that already holds data unless
 * --replace is given (then that database is dropped first), and creates the app's indexes at the
 * end. Stop the API and the worker while it runs: they keep caches of what it replaces.
 */
import { Redis } from 'ioredis';
import type { mongo as driver } from 'mongoose';
import { loadConfigOrExit } from '../server/config';
import { openMongo } from '../server/db';
import { createServices, ensureIndexes } from '../server/services';
import { readArchive } from './backup/archive';
import { clearForRestore, restoreEntry } from './backup/redis-state';
import { progressBar } from './progress';

const BATCH = 500;

/** Reads the archive once without changing anything: it must be complete, and its size sets the progress bar. */
async function verify(file: string): Promise<{ documents: number; redisKeys: number }> {
  let documents = 0;
  let redisKeys = 0;
  for await (const line of readArchive(file)) {
    if ('collection' in line) documents += 1;
    if ('redis' in line) redisKeys += 1;
    if ('end' in line && (line.end.documents !== documents || line.end.redisKeys !== redisKeys)) {
      throw new Error(`${file} is damaged: it lists ${line.end.documents} documents and ${line.end.redisKeys} Redis keys, but holds ${documents} and ${redisKeys}`);
    }
  }
  return { documents, redisKeys };
}

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error('usage: npm run restore FILE [-- --replace]');
  const replace = process.argv.includes('--replace');
  const config = loadConfigOrExit('restore');
  const totals = await verify(file);

  const mongo = await openMongo(config.MONGODB_URI);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const redisPrefix = `${config.QUEUE_PREFIX}:app`;
  try {
    const db = mongo.db!;
    const used = [];
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (!name.startsWith('system.') && (await db.collection(name).countDocuments({}, { limit: 1 })) > 0) used.push(name);
    }
    if (used.length > 0 && !replace) {
      throw new Error(`the database ${mongo.name} already holds data (${used.join(', ')}); pass --replace to drop it and restore into it`);
    }
    if (replace) await mongo.dropDatabase();
    await clearForRestore(redis, redisPrefix);

    const bar = progressBar('restore', totals.documents + totals.redisKeys);
    let batch: { collection: string; documents: driver.Document[] } = { collection: '', documents: [] };
    const flush = async () => {
      if (batch.documents.length === 0) return;
      await db.collection(batch.collection).insertMany(batch.documents, { ordered: true });
      bar.tick(batch.documents.length);
      batch = { collection: batch.collection, documents: [] };
    };
    for await (const line of readArchive(file)) {
      if ('collection' in line) {
        if (line.collection !== batch.collection || batch.documents.length >= BATCH) await flush();
        batch.collection = line.collection;
        batch.documents.push(line.document);
      } else if ('redis' in line) {
        await restoreEntry(redis, redisPrefix, line.redis);
        bar.tick();
      }
    }
    await flush();
    // The app's indexes (unique e-mails and the like), as the API and the worker create them at boot.
    createServices({ mongo, redis, config, log: () => undefined });
    await ensureIndexes(mongo);
    process.stderr.write(`restore: ${totals.documents} documents and ${totals.redisKeys} Redis keys into ${mongo.name}\n`);
  } finally {
    await mongo.close();
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
