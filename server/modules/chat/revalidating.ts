interface Entry<T> {
  value?: T;
  at: number;
  loading?: Promise<T>;
}

/**
 * A per-instance cache that serves a value younger than `ttlMs`; an older one (up to `staleMs`) is
 * served while a reload runs in the background, so a slow look-up (an event's participant list:
 * two collection scans on FerretDB) never stalls the messages that depend on it. Concurrent
 * misses share one load.
 */
export class RevalidatingCache<T> {
  private entries = new Map<string, Entry<T>>();
  private readonly now: () => number;
  private readonly loadedAt: (value: T) => number | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly staleMs: number,
    options: {
      now?: () => number;
      /** When a value was read from its source, if earlier than its load (a copy shared by another instance): it ages from then. */
      loadedAt?: (value: T) => number;
    } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.loadedAt = options.loadedAt ?? (() => undefined);
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key) ?? { at: 0 };
    this.entries.set(key, entry);
    const age = this.now() - entry.at;
    if (entry.value !== undefined && age < this.ttlMs) return Promise.resolve(entry.value);
    const loading = this.reload(key, entry, load);
    if (entry.value !== undefined && age < this.staleMs) {
      loading.catch(() => undefined);
      return Promise.resolve(entry.value);
    }
    return loading;
  }

  /** A value loaded now (or by a load already running): for answers that must not be stale. */
  fresh(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key) ?? { at: 0 };
    this.entries.set(key, entry);
    return this.reload(key, entry, load);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private reload(key: string, entry: Entry<T>, load: () => Promise<T>): Promise<T> {
    entry.loading ??= load().then(
      (value) => {
        entry.value = value;
        entry.at = Math.min(this.now(), this.loadedAt(value) ?? Infinity);
        entry.loading = undefined;
        return value;
      },
      (error: unknown) => {
        entry.loading = undefined;
        throw error;
      },
    );
    if (this.entries.size > 20_000) this.evict();
    return entry.loading;
  }

  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (!entry.loading && now - entry.at > this.staleMs) this.entries.delete(key);
  }
}
