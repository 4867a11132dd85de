import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventWithParticipants, startCluster, type Cluster, type EventFixture } from './helpers';

describe('chat presence, typing, unread counts and live notifications', () => {
  let cluster: Cluster;
  let event: EventFixture;
  beforeAll(async () => {
    cluster = await startCluster(2);
    event = await eventWithParticipants(cluster.apps[0]!, 2);
  });
  afterAll(async () => cluster?.close());

  it('shows who is online across instances and who went offline', async () => {
    const [alice, bob] = event.participants;
    const onA = await connect(cluster.urls[0]!, alice!.cookie);
    await onA.join(event.lobby);
    const onB = await connect(cluster.urls[1]!, bob!.cookie);
    const joined = await onB.join(event.lobby);
    expect((joined.online as { userId: string }[]).map((u) => u.userId)).toEqual(expect.arrayContaining([alice!.userId, bob!.userId]));
    expect(await onA.next((f) => f.type === 'presence' && (f.online as { userId: string }[]).some((u) => u.userId === bob!.userId))).toBeTruthy();
    await onB.close();
    expect(await onA.next((f) => f.type === 'presence' && (f.offline as string[]).includes(bob!.userId), 5000)).toBeTruthy();
    await onA.close();
  });

  it('relays typing to the other members only, never storing it', async () => {
    const [alice, bob] = event.participants;
    const typist = await connect(cluster.urls[0]!, alice!.cookie);
    const reader = await connect(cluster.urls[1]!, bob!.cookie);
    await typist.join(event.lobby);
    await reader.join(event.lobby);
    const before = (await bob!.get(`/api/chat/rooms/${event.lobby}`)).json().lastSeq;
    typist.send({ type: 'typing', roomId: event.lobby });
    expect(await reader.next((f) => f.type === 'typing')).toMatchObject({ roomId: event.lobby, userId: alice!.userId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(typist.ofType('typing')).toHaveLength(0);
    expect((await bob!.get(`/api/chat/rooms/${event.lobby}`)).json().lastSeq).toBe(before);
    await Promise.all([typist.close(), reader.close()]);
  });

  it('counts unread messages per room; reading on one tab updates the others', async () => {
    const [alice, bob] = event.participants;
    const sender = await connect(cluster.urls[0]!, alice!.cookie);
    const tab1 = await connect(cluster.urls[0]!, bob!.cookie);
    const tab2 = await connect(cluster.urls[1]!, bob!.cookie);
    await sender.join(event.lobby);
    const start = (await tab1.join(event.lobby)).room as { lastSeq: number };
    await tab2.join(event.lobby);
    tab1.send({ type: 'read', roomId: event.lobby, seq: start.lastSeq });
    await tab2.next((f) => f.type === 'unread' && f.unread === 0);
    for (let i = 0; i < 3; i += 1) await sender.say(event.lobby, `unread ${i}`);
    const room = (await bob!.get(`/api/chat/rooms/${event.lobby}`)).json();
    expect(room).toMatchObject({ lastSeq: start.lastSeq + 3, lastReadSeq: start.lastSeq, unread: 3 });
    // The sender has read their own messages.
    expect((await alice!.get(`/api/chat/rooms/${event.lobby}`)).json().unread).toBe(0);
    tab1.send({ type: 'read', roomId: event.lobby, seq: start.lastSeq + 2 });
    expect(await tab2.next((f) => f.type === 'unread' && f.unread === 1)).toMatchObject({ roomId: event.lobby, lastReadSeq: start.lastSeq + 2 });
    // Markers only move forward.
    expect((await bob!.post(`/api/chat/rooms/${event.lobby}/read`, { seq: 1 })).json()).toMatchObject({ lastReadSeq: start.lastSeq + 2, unread: 1 });
    expect((await bob!.get('/api/chat/rooms')).json().items).toEqual([expect.objectContaining({ id: event.lobby, unread: 1 })]);
    await Promise.all([sender.close(), tab1.close(), tab2.close()]);
  });

  it('pushes a new in-app notification to every socket of its user, on every instance', async () => {
    const [alice] = event.participants;
    const onA = await connect(cluster.urls[0]!, alice!.cookie);
    const onB = await connect(cluster.urls[1]!, alice!.cookie);
    const otherUser = await connect(cluster.urls[1]!, event.participants[1]!.cookie);
    // Created the way workers create them (another process would publish the same way).
    const created = await cluster.apps[0]!.services.notifications.notifyOrganization((alice as { organizationId: string } & typeof alice).organizationId, {
      type: 'meeting_request',
      title: 'New meeting request',
      body: 'Baltic Technical University wants to meet you.',
      link: `/events/${event.eventId}`,
      dedupeKey: `test-${Date.now()}`,
    });
    expect(created).toBe(1);
    for (const socket of [onA, onB]) {
      expect((await socket.next((f) => f.type === 'notification')).notification).toMatchObject({ type: 'meeting_request', title: 'New meeting request', read: false });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(otherUser.ofType('notification')).toHaveLength(0);
    await Promise.all([onA.close(), onB.close(), otherUser.close()]);
  });
});
