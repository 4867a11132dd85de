import { describe, expect, it } from 'vitest';
import { RevalidatingCache } from '../../../server/modules/chat/revalidating';

/** A loader that counts its calls and resolves when told to. */
function loader<T>(values: T[]) {
  let calls = 0;
  const waiting: (() => void)[] = [];
  return {
    get calls() {
      return calls;
    },
    load: () => {
      const value = values[Math.min(calls, values.length - 1)]!;
      calls += 1;
      return new Promise<T>((resolve) => waiting.push(() => resolve(value)));
    },
    finish: () => waiting.splice(0).forEach((resolve) => resolve()),
  };
}

describe('RevalidatingCache', () => {
  it('shares one load between concurrent misses, then serves the value until the TTL', async () => {
    let now = 1000;
    const cache = new RevalidatingCache<string>(100, 300, { now: () => now });
    const source = loader(['a', 'b']);
    const first = cache.get('k', source.load);
    const second = cache.get('k', source.load);
    source.finish();
    expect(await Promise.all([first, second])).toEqual(['a', 'a']);
    now += 99;
    expect(await cache.get('k', source.load)).toBe('a');
    expect(source.calls).toBe(1);
  });

  it('serves the old value while reloading after the TTL, and waits once it is too stale', async () => {
    let now = 1000;
    const cache = new RevalidatingCache<string>(100, 300, { now: () => now });
    const source = loader(['a', 'b', 'c']);
    const initial = cache.get('k', source.load);
    source.finish();
    await initial;
    now += 150;
    expect(await cache.get('k', source.load)).toBe('a'); // stale, reload started
    expect(source.calls).toBe(2);
    source.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('k', source.load)).toBe('b');
    now += 400;
    const waited = cache.get('k', source.load);
    source.finish();
    expect(await waited).toBe('c');
  });

  it('ages a value from when it was read at its source, not from when this cache got it', async () => {
    let now = 1000;
    const cache = new RevalidatingCache<{ v: string; at: number }>(100, 300, { now: () => now, loadedAt: (value) => value.at });
    // A copy another instance read 80 ms ago: fresh for 20 ms more, not 100.
    const source = loader([{ v: 'shared', at: 920 }, { v: 'new', at: 1030 }]);
    const first = cache.get('k', source.load);
    source.finish();
    await first;
    now = 1015;
    await cache.get('k', source.load);
    expect(source.calls).toBe(1);
    now = 1025;
    await cache.get('k', source.load);
    expect(source.calls).toBe(2);
  });

  it('loads anew for fresh() and after delete()', async () => {
    const cache = new RevalidatingCache<string>(100, 300, { now: () => 1000 });
    const source = loader(['a', 'b', 'c']);
    const initial = cache.get('k', source.load);
    source.finish();
    await initial;
    const fresh = cache.fresh('k', source.load);
    source.finish();
    expect(await fresh).toBe('b');
    cache.delete('k');
    const reloaded = cache.get('k', source.load);
    source.finish();
    expect(await reloaded).toBe('c');
  });
});
