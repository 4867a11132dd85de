/**
 * npm run backup [-- --out DIR]
 * Writes every collection of the configured database (through the driver, so it works against
 * MongoDB and FerretDB alike) and the Redis keys that must survive (see backup/redis-state.ts) to
 * one dated archive, `matchbridge-<database>-<UTC time>.mbbackup.gz` in DIR (default
 * MB_DATA_DIR/backups). The archive appears under its name only once complete; its path is the one
 * line on stdout, progress goes to stderr.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfigOrExit } from '../server/config';
import { openMongo } from '../server/db';
import { ArchiveWriter, FORMAT, VERSION } from './backup/archive';
import { countDurableKeys, durableEntries } from './backup/redis-state';
import { progressBar } from './progress';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit('backup');
  const dir = resolve(option('--out') ?? join(config.MB_DATA_DIR, 'backups'));
  const mongo = await openMongo(config.MONGODB_URI);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const redisPrefix = `${config.QUEUE_PREFIX}:app`;
  const createdAt = new Date();
  const file = join(dir, `matchbridge-${mongo.name}-${createdAt.toISOString().replace(/[:.]/g, '-')}.mbbackup.gz`);
  const partial = `${file}.partial`;
  try {
    mkdirSync(dir, { recursive: true });
    const db = mongo.db!;
    const names = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((info) => info.name)
      .filter((name) => !name.startsWith('system.'))
      .sort();
    const collections = await Promise.all(names.map(async (name) => ({ name, estimatedCount: await db.collection(name).countDocuments() })));
    const redisKeys = await countDurableKeys(redis, redisPrefix);
    const bar = progressBar('backup', collections.reduce((sum, c) => sum + c.estimatedCount, 0) + redisKeys);

    const archive = new ArchiveWriter(partial);
    await archive.write({ header: { format: FORMAT, version: VERSION, createdAt: createdAt.toISOString(), database: mongo.name, collections } });
    let documents = 0;
    for (const { name } of collections) {
      // In _id order, one pass per collection (see the README on consistency while the app runs).
      for await (const document of db.collection(name).find({}, { sort: { _id: 1 } })) {
        await archive.write({ collection: name, document });
        documents += 1;
        bar.tick();
      }
    }
    let kept = 0;
    for await (const entry of durableEntries(redis, redisPrefix)) {
      await archive.write({ redis: entry });
      kept += 1;
      bar.tick();
    }
    await archive.write({ end: { documents, redisKeys: kept } });
    await archive.close();
    renameSync(partial, file);
    process.stderr.write(`backup: ${documents} documents in ${collections.length} collections and ${kept} Redis keys\n`);
    process.stdout.write(`${file}\n`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await mongo.close();
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
