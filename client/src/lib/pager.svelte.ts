import type { Page } from './api';

/** A cursor-paged list: the first page, "Show more", and loading/error state for each request. */
export class Pager<T> {
  items = $state<T[]>([]);
  next = $state<string | null>(null);
  loading = $state(false);
  error = $state<Error | null>(null);
  loaded = $state(false);

  constructor(private readonly fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {}

  async load(reset = true): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      const page = await this.fetchPage(reset ? undefined : (this.next ?? undefined));
      this.items = reset ? page.items : [...this.items, ...page.items];
      this.next = page.next;
      this.loaded = true;
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
    } finally {
      this.loading = false;
    }
  }
}
