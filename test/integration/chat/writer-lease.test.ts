import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatKeys } from '../../../server/modules/chat/keys';
import { useClusterWithEvent } from './helpers';

const until = async (check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * One instance stores every message (the writer lease); the others hand theirs over through Redis.
 * Three real instances, real sockets: who writes, what happens when the writer stops, and a hand-over
 * that a dead writer read but never answered.
 */
describe('chat writer lease', () => {
  const ctx = useClusterWithEvent(3, 2, { CHAT_RATE_BURST: '500', CHAT_RATE_PER_SECOND: '500' });
  let redis: Redis;
  let keys: ChatKeys;
  beforeAll(() => {
    redis = new Redis(ctx.cluster.config.REDIS_URL);
    keys = ctx.cluster.apps[0]!.services.chat.keys;
  });
  afterAll(() => redis?.disconnect());

  const writers = () => ctx.cluster.apps.map((app, i) => (app.services.chat.writes.isWriter ? i : -1)).filter((i) => i >= 0);

  it('has exactly one writer; a message sent on another instance is stored by it, acked and delivered once', async () => {
    expect(writers()).toEqual([0]);
    expect(await redis.get(keys.writerLease())).toBeTruthy();
    const [alice, bob] = ctx.event.participants;
    const onTwo = await ctx.inLobby(2, alice!.cookie);
    const onOne = await ctx.inLobby(1, bob!.cookie);
    const ack = await onTwo.say(ctx.event.lobby, 'handed over', 'handover-1');
    expect(ack).toMatchObject({ seq: 1, duplicate: false });
    const received = await onOne.next((f) => f.type === 'message');
    expect(received.message).toMatchObject({ seq: 1, text: 'handed over' });
    // A resend of the same clientId through the hand-over is recognised, not stored twice.
    expect(await onTwo.say(ctx.event.lobby, 'handed over', 'handover-1')).toMatchObject({ seq: 1, duplicate: true });
    // The hand-over queue is emptied once answered.
    await until(async () => (await redis.xlen(keys.writeStream())) === 0, 3000, 'the stream to empty');
  });

  it('moves the lease to another instance when the writer stops, and sends keep working', async () => {
    const [alice, bob] = ctx.event.participants;
    const sender = await ctx.open(2, alice!.cookie);
    const watcher = await ctx.inLobby(1, bob!.cookie);
    const { room } = await sender.join(ctx.event.lobby);
    const before = (room as { lastSeq: number }).lastSeq;

    await ctx.cluster.apps[0]!.close();
    await until(() => writers().filter((i) => i > 0).length === 1, 5000, 'a new writer');
    const ack = await sender.say(ctx.event.lobby, 'after the writer stopped', 'after-stop');
    expect(ack).toMatchObject({ seq: before + 1, duplicate: false });
    const received = await watcher.next((f) => f.type === 'message' && (f.message as { seq: number }).seq === before + 1);
    expect(received.message).toMatchObject({ text: 'after the writer stopped' });
  });

  it('answers a hand-over that a dead writer read but never answered', async () => {
    const [alice] = ctx.event.participants;
    const origin = 'ghost-origin';
    const replies = redis.duplicate();
    const answered = new Promise<string>((resolve) => replies.on('message', (_channel: string, raw: string) => resolve(raw)));
    await replies.subscribe(keys.writeReplies(origin));
    const message = { roomId: ctx.event.lobby, senderId: alice!.userId, senderName: 'Alice', clientId: 'orphaned-1', text: 'read by a writer that died' };
    // A "writer" that reads the entry and dies before answering: it stays pending in the group.
    // (One transaction, so the live writer, blocked on the stream, cannot read it first.)
    const [, [, read]] = (await redis
      .multi()
      .xadd(keys.writeStream(), '*', 'h', JSON.stringify({ origin, requestId: '7', message }))
      .xreadgroup('GROUP', 'writers', 'dead-writer', 'COUNT', 10, 'STREAMS', keys.writeStream(), '>')
      .exec()) as [unknown, [unknown, [string, unknown[]][]]];
    expect(read[0]![1]).toHaveLength(1);

    // The current writer stops; the next one claims what was left pending (idle longer than a lease).
    const current = writers()[0]!;
    // Instance 0 stopped in the test before; which of 1 and 2 took over is up to the race for the lease.
    const survivor = current === 1 ? 2 : 1;
    await new Promise((resolve) => setTimeout(resolve, 3100));
    await ctx.cluster.apps[current]!.close();
    const reply = JSON.parse(await Promise.race([answered, new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no answer')), 8000))])) as {
      requestId: string;
      ok: boolean;
      result: { view: { text: string; seq: number } };
    };
    replies.disconnect();
    expect(writers()).toEqual([survivor]);
    expect(reply).toMatchObject({ requestId: '7', ok: true, result: { view: { text: 'read by a writer that died' } } });
    const stored = await ctx.cluster.apps[survivor]!.services.chat.log.range(ctx.event.lobby, reply.result.view.seq, reply.result.view.seq);
    expect(stored[0]).toMatchObject({ clientId: 'orphaned-1', text: 'read by a writer that died' });
  });
});
