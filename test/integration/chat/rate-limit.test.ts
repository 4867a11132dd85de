import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, eventWithParticipants, startCluster, type Cluster, type EventFixture } from './helpers';

// Burst 10 as in production; the refill is slowed to one token per 4 s so a loaded machine taking a
// second over the burst cannot turn an 11th send into a success.
describe('chat rate limit (token bucket: burst 10, then a steady refill, per user across instances)', () => {
  let cluster: Cluster;
  let event: EventFixture;
  beforeAll(async () => {
    cluster = await startCluster(2, { CHAT_RATE_PER_SECOND: '0.25' });
    event = await eventWithParticipants(cluster.apps[0]!, 2);
  });
  afterAll(async () => cluster?.close());

  it('accepts a burst of 10, answers the rest with rate_limited and retryAfterMs, stores nothing for them', async () => {
    const [alice, bob] = event.participants;
    const onA = await connect(cluster.urls[0]!, alice!.cookie);
    const onB = await connect(cluster.urls[1]!, alice!.cookie);
    await onA.join(event.lobby);
    await onB.join(event.lobby);
    // Two tabs on two instances share one bucket.
    const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => (i % 2 ? onB : onA).say(event.lobby, `burst ${i}`, `burst-${i}`)));
    const acks = answers.filter((a) => a.type === 'ack');
    const limited = answers.filter((a) => a.type === 'error');
    expect(acks).toHaveLength(10);
    expect(limited).toHaveLength(4);
    for (const error of limited) {
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(4000);
    }
    expect((await alice!.get(`/api/chat/rooms/${event.lobby}`)).json().lastSeq).toBe(10);

    // Another user is not affected.
    const other = await connect(cluster.urls[0]!, bob!.cookie);
    await other.join(event.lobby);
    expect(await other.say(event.lobby, 'my own bucket')).toMatchObject({ type: 'ack' });

    // One token comes back per refill period.
    await new Promise((resolve) => setTimeout(resolve, 4100));
    expect(await onA.say(event.lobby, 'after a second')).toMatchObject({ type: 'ack' });
    expect(await onA.say(event.lobby, 'too soon')).toMatchObject({ type: 'error', code: 'rate_limited' });
    await Promise.all([onA.close(), onB.close(), other.close()]);
  });
});
