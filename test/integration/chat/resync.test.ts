import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventWithParticipants, startCluster, type Cluster, type EventFixture } from './helpers';

describe('chat resync, idempotent resend and history', () => {
  let cluster: Cluster;
  let event: EventFixture;
  beforeAll(async () => {
    cluster = await startCluster(2, { CHAT_RATE_BURST: '200', CHAT_RATE_PER_SECOND: '200' });
    event = await eventWithParticipants(cluster.apps[0]!, 2);
  });
  afterAll(async () => cluster?.close());

  it('a resent clientId is stored once: the second ack says duplicate with the same id and sequence', async () => {
    const [alice, bob] = event.participants;
    const sender = await connect(cluster.urls[0]!, alice!.cookie);
    const watcher = await connect(cluster.urls[1]!, bob!.cookie);
    await sender.join(event.lobby);
    await watcher.join(event.lobby);
    const first = await sender.say(event.lobby, 'only once', 'retry-me');
    // The client did not see the ack (say, a reconnect) and resends the same message, on the other instance.
    const other = await connect(cluster.urls[1]!, alice!.cookie);
    await other.join(event.lobby);
    const second = await other.say(event.lobby, 'only once', 'retry-me');
    expect(second).toMatchObject({ type: 'ack', id: first.id, seq: first.seq, duplicate: true });
    const page = (await alice!.get(`/api/chat/rooms/${event.lobby}/messages?after=0`)).json();
    expect(page.items.filter((m: { clientId: string }) => m.clientId === 'retry-me')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.messages(event.lobby).filter((m) => m.text === 'only once')).toHaveLength(1);
    await Promise.all([sender.close(), watcher.close(), other.close()]);
  });

  it('a resend is recognised by the unique (room, sender, clientId) index when Redis forgot the clientId', async () => {
    const [alice] = event.participants;
    const sender = await connect(cluster.urls[0]!, alice!.cookie);
    await sender.join(event.lobby);
    const first = await sender.say(event.lobby, 'stored before a crash', 'crash-retry');
    // As if the instance died between storing and remembering the clientId in Redis.
    await cluster.apps[0]!.redis.del(cluster.apps[0]!.services.chat.keys.clientId(event.lobby, alice!.userId, 'crash-retry'));
    const again = await sender.say(event.lobby, 'stored before a crash', 'crash-retry');
    expect(again).toMatchObject({ type: 'ack', seq: first.seq, id: first.id, duplicate: true });
    // The sequence tried for the resend stays free: the next message takes it, no hole.
    const next = await sender.say(event.lobby, 'next one');
    expect(next.seq).toBe((first.seq as number) + 1);
    await sender.close();
  });

  it('after a reconnect the client receives exactly the messages it missed, in order', async () => {
    const [alice, bob] = event.participants;
    const sender = await connect(cluster.urls[0]!, alice!.cookie);
    await sender.join(event.lobby);
    let reader = await connect(cluster.urls[1]!, bob!.cookie);
    await reader.join(event.lobby, 0);
    await sender.say(event.lobby, 'before the drop');
    await reader.next((f) => f.type === 'message' && (f.message as { text: string }).text === 'before the drop');
    const lastSeen = Math.max(...reader.messages(event.lobby).map((m) => m.seq));
    const seenBefore = reader.messages(event.lobby).map((m) => m.seq);
    expect(seenBefore).toEqual(Array.from({ length: lastSeen }, (_, i) => i + 1));
    await reader.close();

    const missed = [];
    for (let i = 0; i < 12; i += 1) missed.push((await sender.say(event.lobby, `while away ${i}`)).seq as number);

    reader = await connect(cluster.urls[0]!, bob!.cookie);
    await reader.join(event.lobby, lastSeen);
    await sender.say(event.lobby, 'after the return');
    await reader.next((f) => f.type === 'message' && (f.message as { text: string }).text === 'after the return');
    const seqs = reader.messages(event.lobby).map((m) => m.seq);
    expect(seqs).toEqual([...missed, missed.at(-1)! + 1]);
    expect(reader.messages(event.lobby).map((m) => m.text).slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `while away ${i}`));
    await Promise.all([sender.close(), reader.close()]);
  });

  it('pages history by sequence over REST and over the socket; non-members get 403', async () => {
    const [alice] = event.participants;
    const last = (await alice!.get(`/api/chat/rooms/${event.lobby}`)).json().lastSeq as number;
    expect(last).toBeGreaterThan(10);
    const newest = (await alice!.get(`/api/chat/rooms/${event.lobby}/messages?limit=5`)).json();
    expect(newest.items.map((m: { seq: number }) => m.seq)).toEqual([last - 4, last - 3, last - 2, last - 1, last]);
    expect(newest.hasMore).toBe(true);
    const older = (await alice!.get(`/api/chat/rooms/${event.lobby}/messages?before=${last - 4}&limit=3`)).json();
    expect(older.items.map((m: { seq: number }) => m.seq)).toEqual([last - 7, last - 6, last - 5]);
    const oldest = (await alice!.get(`/api/chat/rooms/${event.lobby}/messages?after=0&limit=2`)).json();
    expect(oldest).toMatchObject({ hasMore: true, items: [{ seq: 1 }, { seq: 2 }] });

    const socket = await connect(cluster.urls[1]!, alice!.cookie);
    const answer = socket.next((f) => f.type === 'history' && f.requestId === 'h1');
    socket.send({ type: 'history', roomId: event.lobby, requestId: 'h1', before: 4, limit: 10 });
    expect(((await answer).messages as { seq: number }[]).map((m) => m.seq)).toEqual([1, 2, 3]);
    await socket.close();

    expect((await event.outsider.get(`/api/chat/rooms/${event.lobby}/messages`)).statusCode).toBe(403);
    expect((await event.outsider.get(`/api/chat/rooms/lobby-zzz/messages`)).statusCode).toBe(400);
  });
});
