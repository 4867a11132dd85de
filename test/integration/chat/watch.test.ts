import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useClusterWithEvent } from './helpers';

type Activity = { type: 'activity'; roomId: string; lastSeq: number };

/** Watching rooms (unread badges) without joining them: members only, progress only, coalesced. */
describe('chat room watching', () => {
  const ctx = useClusterWithEvent(2, 2, { CHAT_RATE_BURST: '500', CHAT_RATE_PER_SECOND: '500' });

  it('tells a watching member how far a room got, never its messages, and stops after unwatch', async () => {
    const [alice, bob] = ctx.event.participants;
    const sender = await ctx.open(1, bob!.cookie);
    const start = ((await sender.join(ctx.event.lobby)).room as { lastSeq: number }).lastSeq;
    const watcher = await ctx.open(0, alice!.cookie);
    const otherRoom = `lobby-${new Types.ObjectId().toHexString()}`;
    watcher.send({ type: 'watch', roomIds: [ctx.event.lobby, otherRoom] });
    expect(await watcher.next((f) => f.type === 'watching')).toMatchObject({ roomIds: [ctx.event.lobby], refused: [otherRoom] });
    expect(await watcher.next((f) => f.type === 'activity')).toMatchObject({ roomId: ctx.event.lobby, lastSeq: start });

    for (let i = 1; i <= 5; i += 1) await sender.say(ctx.event.lobby, `busy lobby ${i}`);
    await watcher.next((f) => f.type === 'activity' && (f as Activity).lastSeq === start + 5, 5000, 'activity up to the last message');
    // Coalesced: the first message at once, the rest in one frame a second later.
    const activity = watcher.ofType('activity') as Activity[];
    expect(activity.length).toBeLessThanOrEqual(3);
    expect(activity.map((f) => f.lastSeq)).toEqual([...activity.map((f) => f.lastSeq)].sort((a, b) => a - b));
    expect(watcher.ofType('message')).toHaveLength(0);

    watcher.send({ type: 'unwatch', roomIds: [ctx.event.lobby] });
    expect(await watcher.next((f) => f.type === 'watching')).toMatchObject({ roomIds: [] });
    const before = watcher.ofType('activity').length;
    await sender.say(ctx.event.lobby, 'nobody watches now');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(watcher.ofType('activity')).toHaveLength(before);
  });

  it('refuses a watch list that is empty or too long with a clear error', async () => {
    const [alice] = ctx.event.participants;
    const client = await ctx.open(0, alice!.cookie);
    client.send({ type: 'watch', roomIds: [] });
    expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'invalid_message' });
    client.send({ type: 'watch', roomIds: Array.from({ length: 201 }, (_, i) => `lobby-${i}`) });
    expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'invalid_message' });
  });
});
