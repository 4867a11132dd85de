import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openMongo } from '../../../server/db';
import { freePort, startPrivateMongo, stopProcess, type ChildOutput } from '../../helpers/processes';

// Runs its own database server (the same binary the services script uses) so restarting it
// does not disturb other test files.
describe('data survives a database server restart', () => {
  let server: ChildOutput | undefined;
  afterAll(async () => {
    if (server) await stopProcess(server);
  });

  it('reads back through mongoose what it wrote before the restart', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'mb-db-'));
    const uri = `mongodb://127.0.0.1:${port}/restart_test`;
    const schema = new mongoose.Schema({ title: String, trl: Number });

    server = await startPrivateMongo(port, dataDir, inject('ferretdbBinary'));
    const before = await openMongo(uri);
    const written = await before.model('Probe', schema).create({ title: 'Solid-state battery separator', trl: 4 });
    await before.close();

    expect(await stopProcess(server)).not.toBe(null);
    server = await startPrivateMongo(port, dataDir, inject('ferretdbBinary'));

    const after = await openMongo(uri);
    const read = await after.model('Probe', schema).findById(written._id).lean();
    await after.close();
    expect(read).toMatchObject({ title: 'Solid-state battery separator', trl: 4 });
  });
});
