import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventWithParticipants, startCluster, type Cluster, type EventFixture } from './helpers';
import { HOSTILE_LONG_TEXTS } from '../../helpers/hostile-text';

describe('chat moderation', () => {
  let cluster: Cluster;
  let event: EventFixture;
  beforeAll(async () => {
    cluster = await startCluster(2, { CHAT_RATE_BURST: '100', CHAT_RATE_PER_SECOND: '100' });
    event = await eventWithParticipants(cluster.apps[0]!, 2);
  });
  afterAll(async () => cluster?.close());

  it('organizers remove a message for everyone; it stays as removed in history; participants may not remove', async () => {
    const [alice, bob] = event.participants;
    const sender = await connect(cluster.urls[0]!, alice!.cookie);
    const reader = await connect(cluster.urls[1]!, bob!.cookie);
    await sender.join(event.lobby);
    await reader.join(event.lobby);
    const ack = await sender.say(event.lobby, 'buy cheap watches at <a href="x">here</a>');
    await reader.next((f) => f.type === 'message');

    expect((await bob!.request({ method: 'DELETE', url: `/api/chat/rooms/${event.lobby}/messages/${ack.seq}` })).statusCode).toBe(403);
    const removed = await event.organizer.request({ method: 'DELETE', url: `/api/chat/rooms/${event.lobby}/messages/${ack.seq}` });
    expect(removed.statusCode).toBe(200);
    for (const client of [sender, reader]) {
      expect(await client.next((f) => f.type === 'message_removed')).toMatchObject({ roomId: event.lobby, seq: ack.seq, id: ack.id });
    }
    const page = (await bob!.get(`/api/chat/rooms/${event.lobby}/messages?after=${(ack.seq as number) - 1}&limit=1`)).json();
    expect(page.items[0]).toMatchObject({ seq: ack.seq, removed: true, text: '' });
    // A client joining later learns which sequences were removed.
    const late = await connect(cluster.urls[0]!, bob!.cookie);
    expect((await late.join(event.lobby)).removedSeqs).toContain(ack.seq);
    expect((await event.organizer.request({ method: 'DELETE', url: `/api/chat/rooms/${event.lobby}/messages/9999` })).statusCode).toBe(404);
    await Promise.all([sender.close(), reader.close(), late.close()]);
  });

  it('stores text as sent (no HTML interpretation) and refuses messages over the size limit', async () => {
    const [alice] = event.participants;
    const client = await connect(cluster.urls[0]!, alice!.cookie);
    await client.join(event.lobby);
    const markup = '<img src=x onerror=alert(1)> & "quotes"';
    const ack = await client.say(event.lobby, markup);
    const stored = (await alice!.get(`/api/chat/rooms/${event.lobby}/messages?after=${(ack.seq as number) - 1}&limit=1`)).json().items[0];
    expect(stored.text).toBe(markup);
    expect(await client.say(event.lobby, 'x'.repeat(2001))).toMatchObject({ type: 'error', code: 'too_long' });
    expect(await client.say(event.lobby, '   ')).toMatchObject({ type: 'error', code: 'invalid_message' });
    for (const [label, text] of HOSTILE_LONG_TEXTS) {
      expect(await client.say(event.lobby, text), label).toMatchObject({ type: 'error', code: 'invalid_message' });
    }
    const multiLine = await client.say(event.lobby, 'two lines,\n\tthe second indented');
    expect(multiLine).toMatchObject({ type: 'ack' });
    await client.close();
  });

  it('mutes a participant for a time (they are told, sends are refused) and lifts the mute', async () => {
    const [alice, bob] = event.participants;
    const muted = await connect(cluster.urls[1]!, bob!.cookie);
    await muted.join(event.lobby);
    expect((await alice!.request({ method: 'PUT', url: `/api/chat/rooms/${event.lobby}/mutes/${bob!.userId}`, payload: { minutes: 5 } })).statusCode).toBe(403);
    const response = await event.organizer.request({ method: 'PUT', url: `/api/chat/rooms/${event.lobby}/mutes/${bob!.userId}`, payload: { minutes: 5 } });
    expect(response.statusCode).toBe(200);
    expect(await muted.next((f) => f.type === 'muted')).toMatchObject({ roomId: event.lobby, until: response.json().until });
    const refused = await muted.say(event.lobby, 'let me speak');
    expect(refused).toMatchObject({ type: 'error', code: 'muted' });
    expect(refused.retryAfterMs).toBeGreaterThan(4 * 60_000);
    const mutedUntil = (await bob!.get(`/api/chat/rooms/${event.lobby}`)).json().mutedUntil;
    expect(Math.abs(Date.parse(mutedUntil) - Date.parse(response.json().until))).toBeLessThan(1000);

    await event.organizer.request({ method: 'DELETE', url: `/api/chat/rooms/${event.lobby}/mutes/${bob!.userId}` });
    expect(await muted.next((f) => f.type === 'muted')).toMatchObject({ until: null });
    expect(await muted.say(event.lobby, 'thanks')).toMatchObject({ type: 'ack' });
    await muted.close();
  });

  it('locks a room: every instance refuses sends until it is unlocked', async () => {
    const [alice] = event.participants;
    const onA = await connect(cluster.urls[0]!, alice!.cookie);
    const onB = await connect(cluster.urls[1]!, alice!.cookie);
    await onA.join(event.lobby);
    await onB.join(event.lobby);
    expect((await alice!.patch(`/api/chat/rooms/${event.lobby}`, { locked: true })).statusCode).toBe(403);
    expect((await event.organizer.patch(`/api/chat/rooms/${event.lobby}`, { locked: true })).json()).toMatchObject({ locked: true });
    await onB.next((f) => f.type === 'room_updated' && f.locked === true);
    expect(await onA.say(event.lobby, 'anyone?')).toMatchObject({ code: 'room_locked' });
    expect(await onB.say(event.lobby, 'anyone?')).toMatchObject({ code: 'room_locked' });
    await event.organizer.patch(`/api/chat/rooms/${event.lobby}`, { locked: false });
    await onB.next((f) => f.type === 'room_updated' && f.locked === false);
    expect(await onB.say(event.lobby, 'open again')).toMatchObject({ type: 'ack' });
    await Promise.all([onA.close(), onB.close()]);
  });

  it('participants report a message once; organizers read the reports', async () => {
    const [alice, bob] = event.participants;
    const client = await connect(cluster.urls[0]!, alice!.cookie);
    await client.join(event.lobby);
    const ack = await client.say(event.lobby, 'something rude');
    const url = `/api/chat/rooms/${event.lobby}/messages/${ack.seq}/report`;
    expect((await bob!.post(url, { reason: 'insulting' })).statusCode).toBe(201);
    expect((await bob!.post(url, { reason: 'insulting' })).statusCode).toBe(409);
    expect((await event.outsider.post(url, { reason: 'x' })).statusCode).toBe(403);
    expect((await bob!.get(`/api/chat/rooms/${event.lobby}/reports`)).statusCode).toBe(403);
    const reports = (await event.organizer.get(`/api/chat/rooms/${event.lobby}/reports`)).json().items;
    expect(reports).toEqual([expect.objectContaining({ seq: ack.seq, reporterId: bob!.userId, senderId: alice!.userId, reason: 'insulting', text: 'something rude' })]);
    await client.close();
  });
});
