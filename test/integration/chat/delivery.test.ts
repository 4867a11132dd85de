import { describe, expect, it } from 'vitest';
import { useClusterWithEvent } from './helpers';

/** Two real instances: every member gets every message exactly once, in sequence order. */
describe('chat delivery across instances', () => {
  const ctx = useClusterWithEvent(2, 3, { CHAT_RATE_BURST: '500', CHAT_RATE_PER_SECOND: '500' });

  it('delivers a message sent on instance A to a member on instance B once, with an ack carrying id and sequence', async () => {
    const [alice, bob] = ctx.event.participants;
    const onA = await ctx.inLobby(0, alice!.cookie);
    const onB = await ctx.inLobby(1, bob!.cookie);

    const ack = await onA.say(ctx.event.lobby, 'Hello from instance A', 'first-message');
    expect(ack).toMatchObject({ type: 'ack', clientId: 'first-message', seq: 1, id: `${ctx.event.lobby}:1`, duplicate: false });
    const received = await onB.next((f) => f.type === 'message');
    expect(received.message).toMatchObject({ seq: 1, text: 'Hello from instance A', senderId: alice!.userId, removed: false });
    // The sender's own socket receives the message too (one stream for every member).
    await onA.next((f) => f.type === 'message');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onB.messages(ctx.event.lobby)).toHaveLength(1);
  });

  it('keeps one dense, strictly increasing order for concurrent senders on both instances, identical for every member', async () => {
    const [alice, bob, carol] = ctx.event.participants;
    const room = `${ctx.event.lobby}`;
    const senders = [await ctx.open(0, alice!.cookie), await ctx.open(1, bob!.cookie)];
    const watchers = [await ctx.open(0, carol!.cookie), await ctx.open(1, carol!.cookie), await ctx.open(1, ctx.event.organizer.cookie)];
    await senders[0]!.join(room);
    const start = ((await senders[1]!.join(room)).room as { lastSeq: number }).lastSeq;
    for (const watcher of watchers) await watcher.join(room);

    const perSender = 40;
    const acks = await Promise.all(
      senders.map((sender, s) => Promise.all(Array.from({ length: perSender }, (_, i) => sender.say(room, `sender ${s} message ${i}`, `s${s}-m${i}`)))),
    );
    const ackSeqs = acks.flat().map((ack) => ack.seq as number).sort((a, b) => a - b);
    expect(ackSeqs).toEqual(Array.from({ length: 2 * perSender }, (_, i) => start + 1 + i));

    for (const watcher of watchers) {
      await watcher.next((f) => f.type === 'message' && (f.message as { seq: number }).seq === start + 2 * perSender, 10_000, 'last message');
      const seqs = watcher.messages(room).map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 2 * perSender }, (_, i) => start + 1 + i));
    }
    // Each sender's own messages arrive in the order it sent them.
    const texts = watchers[0]!.messages(room).map((m) => m.text).filter((text) => text.startsWith('sender 1 '));
    expect(texts).toEqual(Array.from({ length: perSender }, (_, i) => `sender 1 message ${i}`));
  });
});
