import { describe, expect, it } from 'vitest';
import { useClusterWithEvent } from './helpers';

/**
 * A withdrawal through the API reaches every instance at once: the sweep and the participant
 * reload are set to ten minutes here, so only the pushed notice can make this pass.
 */
describe('chat after a withdrawal', () => {
  const ctx = useClusterWithEvent(2, 2, { CHAT_SWEEP_MS: '600000', CHAT_PARTICIPANTS_RELOAD_MS: '600000' });

  it('removes the participant from the event rooms on every instance within moments', async () => {
    const [alice, bob] = ctx.event.participants;
    const lobby = ctx.event.lobby;
    const staying = await ctx.inLobby(0, alice!.cookie);
    const leaving = await ctx.inLobby(1, bob!.cookie);
    // Both instances now hold the event's participant set, Bob included.
    await leaving.say(lobby, 'see you');
    await staying.next((f) => f.type === 'message' && (f.message as { text: string }).text === 'see you');

    const withdrawn = await bob!.request({ method: 'DELETE', url: `/api/events/${ctx.event.eventId}/registrations/me` });
    expect(withdrawn.statusCode).toBe(204);

    expect(await leaving.next((f) => f.type === 'left', 5000)).toMatchObject({ roomId: lobby, reason: 'membership_revoked' });
    expect(await leaving.join(lobby)).toMatchObject({ code: 'not_member' });
    await staying.say(lobby, 'bob has gone');
    await staying.next((f) => f.type === 'message' && (f.message as { text: string }).text === 'bob has gone');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaving.messages(lobby).map((m) => m.text)).not.toContain('bob has gone');
    // A new socket on the instance that handled the withdrawal is refused as well.
    const again = await ctx.open(0, bob!.cookie);
    expect(await again.join(lobby)).toMatchObject({ code: 'not_member' });
  });
});
