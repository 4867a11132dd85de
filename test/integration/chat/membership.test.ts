import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventWithParticipants, startCluster, type Cluster, type EventFixture } from './helpers';

describe('chat room membership', () => {
  let cluster: Cluster;
  let event: EventFixture;
  beforeAll(async () => {
    cluster = await startCluster(2, { CHAT_SWEEP_MS: '300', CHAT_PARTICIPANTS_RELOAD_MS: '2000' });
    event = await eventWithParticipants(cluster.apps[0]!, 3);
  });
  afterAll(async () => cluster?.close());

  it('refuses non-members on join, send and history, and delivers them nothing', async () => {
    const [alice] = event.participants;
    const member = await connect(cluster.urls[0]!, alice!.cookie);
    const outsider = await connect(cluster.urls[1]!, event.outsider.cookie);
    // The lobby is named after its event (helpers.ts: 'Chat test brokerage').
    expect(await member.join(event.lobby)).toMatchObject({ type: 'joined', room: { kind: 'lobby', title: 'Chat test brokerage — lobby' } });
    expect(await outsider.join(event.lobby)).toMatchObject({ type: 'error', code: 'not_member' });
    const refused = await outsider.say(event.lobby, 'let me in');
    expect(refused).toMatchObject({ type: 'error', code: 'not_joined' });
    await member.say(event.lobby, 'members only');
    await member.next((f) => f.type === 'message');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outsider.ofType('message')).toHaveLength(0);
    expect(outsider.ofType('presence')).toHaveLength(0);
    // A made-up room of an event that does not exist: the same answer (no probing for ids).
    expect(await outsider.join(`lobby-${new Types.ObjectId().toHexString()}`)).toMatchObject({ code: 'not_member' });
    await Promise.all([member.close(), outsider.close()]);
  });

  it('lets organizers create topic rooms that only the event participants can join', async () => {
    const [alice] = event.participants;
    expect((await alice!.post(`/api/chat/events/${event.eventId}/rooms`, { title: 'Session B: food tech' })).statusCode).toBe(403);
    const created = await event.organizer.post(`/api/chat/events/${event.eventId}/rooms`, { title: 'Session B: food tech' });
    expect(created.statusCode).toBe(201);
    const topic = created.json();
    expect(topic).toMatchObject({ kind: 'topic', title: 'Session B: food tech', canModerate: true, eventId: event.eventId });
    const rooms = (await alice!.get(`/api/chat/events/${event.eventId}/rooms`)).json().items.map((r: { id: string }) => r.id);
    expect(rooms).toEqual(expect.arrayContaining([event.lobby, topic.id]));
    expect((await event.outsider.get(`/api/chat/events/${event.eventId}/rooms`)).statusCode).toBe(403);

    const member = await connect(cluster.urls[1]!, alice!.cookie);
    expect(await member.join(topic.id)).toMatchObject({ type: 'joined', room: { id: topic.id, canModerate: false } });
    const outsider = await connect(cluster.urls[0]!, event.outsider.cookie);
    expect(await outsider.join(topic.id)).toMatchObject({ code: 'not_member' });
    await Promise.all([member.close(), outsider.close()]);
  });

  // Withdrawals through the API are pushed (withdrawal.test.ts); this one is deleted behind its back.
  it('removes a participant whose registration is deleted in the database: they stop receiving and cannot send', async () => {
    const [, bob, carol] = event.participants;
    const staying = await connect(cluster.urls[0]!, bob!.cookie);
    const leaving = await connect(cluster.urls[1]!, carol!.cookie);
    await staying.join(event.lobby);
    await leaving.join(event.lobby);
    await cluster.apps[0]!.services.eventModels.registrations.deleteOne({ eventId: new Types.ObjectId(event.eventId), userId: new Types.ObjectId(carol!.userId) });
    // Within the participant reload plus one sweep the socket is told it left.
    expect(await leaving.next((f) => f.type === 'left', 20_000)).toMatchObject({ roomId: event.lobby, reason: 'membership_revoked' });
    await staying.say(event.lobby, 'carol has gone');
    await staying.next((f) => f.type === 'message' && (f.message as { text: string }).text === 'carol has gone');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaving.messages(event.lobby).map((m) => m.text)).not.toContain('carol has gone');
    expect(await leaving.say(event.lobby, 'still here?')).toMatchObject({ type: 'error', code: 'not_joined' });
    expect(await leaving.join(event.lobby)).toMatchObject({ code: 'not_member' });
    await Promise.all([staying.close(), leaving.close()]);
  });
});
