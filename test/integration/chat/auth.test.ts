import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../helpers/api';
import { connect, startCluster, type Cluster } from './helpers';

describe('chat socket authentication', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(1, { CHAT_SWEEP_MS: '300' });
  });
  afterAll(async () => cluster?.close());

  it('closes an upgrade without a session cookie with 4401', async () => {
    const client = await connect(cluster.urls[0]!, '');
    expect(await client.waitClosed()).toBe(4401);
    expect(client.ofType('hello')).toHaveLength(0);
  });

  it('closes an upgrade with an unknown session with 4401', async () => {
    const client = await connect(cluster.urls[0]!, 'mb_session=not-a-real-session-token');
    expect(await client.waitClosed()).toBe(4401);
  });

  it('closes a cross-site upgrade (foreign Origin) with 4403 even with a valid session', async () => {
    const user = await registerUser(cluster.apps[0]!);
    const client = await connect(cluster.urls[0]!, user.cookie, { origin: 'https://evil.example' });
    expect(await client.waitClosed()).toBe(4403);
  });

  it('greets a signed-in user and answers bad frames with an error event without closing', async () => {
    const user = await registerUser(cluster.apps[0]!);
    const client = await connect(cluster.urls[0]!, user.cookie);
    expect(client.ofType('hello')[0]).toMatchObject({ userId: user.userId, limits: { maxTextLength: 2000, burst: 10, refillPerSecond: 1 } });

    client.socket.send('not json');
    expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'invalid_message' });
    client.send({ type: 'shout', roomId: 'x' });
    expect(await client.next((f) => f.type === 'error' && (f.ref as { type: string }).type === 'shout')).toMatchObject({ code: 'invalid_message' });
    client.send({ type: 'send', roomId: 'lobby-nothex', clientId: 'a', text: 'hi' });
    const invalid = await client.next((f) => f.type === 'error' && (f.ref as { type: string }).type === 'send');
    expect(invalid).toMatchObject({ code: 'invalid_message' });
    expect(String(invalid.message)).toContain('roomId');

    client.send({ type: 'ping' });
    await client.next((f) => f.type === 'pong');
    expect(client.closeCode).toBeNull();
    await client.close();
  });

  it('closes the socket with 4401 when the session is signed out', async () => {
    const user = await registerUser(cluster.apps[0]!);
    const client = await connect(cluster.urls[0]!, user.cookie);
    const out = await user.post('/api/auth/logout');
    expect(out.statusCode).toBeLessThan(300);
    expect(await client.waitClosed()).toBe(4401);
  });
});
