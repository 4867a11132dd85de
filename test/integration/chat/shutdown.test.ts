import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../helpers/api';
import { connect, startCluster, type Cluster } from './helpers';

describe('chat socket on shutdown', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(1);
  });
  afterAll(async () => cluster?.close());

  it('closes open sockets with 1001 (going away), which clients answer by reconnecting with backoff', async () => {
    const user = await registerUser(cluster.apps[0]!);
    const client = await connect(cluster.urls[0]!, user.cookie);
    expect(client.ofType('hello')).toHaveLength(1);
    await cluster.apps[0]!.close();
    expect(await client.waitClosed()).toBe(1001);
  });
});
