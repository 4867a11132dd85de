import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventWithParticipants, startCluster, type ChatClient, type Cluster, type EventFixture } from './helpers';

type Activity = { type: 'activity'; roomId: string; lastSeq: number };

/** Watching rooms (unread badges) without joining them: members only, progress only, coalesced. */
describe('chat room watching', () => {
  let cluster: Cluster;
  let event: EventFixture;
  const clients: ChatClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2, { CHAT_RATE_BURST: '500', CHAT_RATE_PER_SECOND: '500' });
    event = await eventWithParticipants(cluster.apps[0]!, 2);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await cluster?.close();
  });
  const open = async (instance: number, cookie: string) => {
    const client = await connect(cluster.urls[instance]!, cookie);
    clients.push(client);
    return client;
  };

  it('tells a watching member how far a room got, never its messages, and stops after unwatch', async () => {
    const [alice, bob] = event.participants;
    const sender = await open(1, bob!.cookie);
    const start = ((await sender.join(event.lobby)).room as { lastSeq: number }).lastSeq;
    const watcher = await open(0, alice!.cookie);
    const otherRoom = `lobby-${new Types.ObjectId().toHexString()}`;
    watcher.send({ type: 'watch', roomIds: [event.lobby, otherRoom] });
    expect(await watcher.next((f) => f.type === 'watching')).toMatchObject({ roomIds: [event.lobby], refused: [otherRoom] });
    expect(await watcher.next((f) => f.type === 'activity')).toMatchObject({ roomId: event.lobby, lastSeq: start });

    for (let i = 1; i <= 5; i += 1) await sender.say(event.lobby, `busy lobby ${i}`);
    await watcher.next((f) => f.type === 'activity' && (f as Activity).lastSeq === start + 5, 5000, 'activity up to the last message');
    // Coalesced: the first message at once, the rest in one frame a second later.
    const activity = watcher.ofType('activity') as Activity[];
    expect(activity.length).toBeLessThanOrEqual(3);
    expect(activity.map((f) => f.lastSeq)).toEqual([...activity.map((f) => f.lastSeq)].sort((a, b) => a - b));
    expect(watcher.ofType('message')).toHaveLength(0);

    watcher.send({ type: 'unwatch', roomIds: [event.lobby] });
    expect(await watcher.next((f) => f.type === 'watching')).toMatchObject({ roomIds: [] });
    const before = watcher.ofType('activity').length;
    await sender.say(event.lobby, 'nobody watches now');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(watcher.ofType('activity')).toHaveLength(before);
  });

  it('refuses a watch list that is empty or too long with a clear error', async () => {
    const [alice] = event.participants;
    const client = await open(0, alice!.cookie);
    client.send({ type: 'watch', roomIds: [] });
    expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'invalid_message' });
    client.send({ type: 'watch', roomIds: Array.from({ length: 201 }, (_, i) => `lobby-${i}`) });
    expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'invalid_message' });
  });
});
