import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventWithParticipants, startCluster, type Cluster, type EventFixture } from './helpers';

/**
 * A withdrawal through the API reaches every instance at once: the sweep and the participant
 * reload are set to ten minutes here, so only the pushed notice can make these pass.
 */
describe('chat after a withdrawal', () => {
  let cluster: Cluster;
  let event: EventFixture;
  beforeAll(async () => {
    cluster = await startCluster(2, { CHAT_SWEEP_MS: '600000', CHAT_PARTICIPANTS_RELOAD_MS: '600000' });
    event = await eventWithParticipants(cluster.apps[0]!, 2);
  });
  afterAll(async () => cluster?.close());

  it('removes the participant from the event rooms on every instance within moments', async () => {
    const [alice, bob] = event.participants;
    const staying = await connect(cluster.urls[0]!, alice!.cookie);
    const leaving = await connect(cluster.urls[1]!, bob!.cookie);
    await staying.join(event.lobby);
    await leaving.join(event.lobby);
    // Both instances now hold the event's participant set, Bob included.
    await leaving.say(event.lobby, 'see you');
    await staying.next((f) => f.type === 'message' && (f.message as { text: string }).text === 'see you');

    const withdrawn = await bob!.request({ method: 'DELETE', url: `/api/events/${event.eventId}/registrations/me` });
    expect(withdrawn.statusCode).toBe(204);

    expect(await leaving.next((f) => f.type === 'left', 5000)).toMatchObject({ roomId: event.lobby, reason: 'membership_revoked' });
    expect(await leaving.join(event.lobby)).toMatchObject({ code: 'not_member' });
    await staying.say(event.lobby, 'bob has gone');
    await staying.next((f) => f.type === 'message' && (f.message as { text: string }).text === 'bob has gone');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaving.messages(event.lobby).map((m) => m.text)).not.toContain('bob has gone');
    // A new socket on the instance that handled the withdrawal is refused as well.
    const again = await connect(cluster.urls[0]!, bob!.cookie);
    expect(await again.join(event.lobby)).toMatchObject({ code: 'not_member' });
    await Promise.all([staying.close(), leaving.close(), again.close()]);
  });
});
