// Data a page loads: loading, error and data as reactive state, with reload for "Try again".
export class Resource<T> {
  data = $state<T | undefined>(undefined);
  error = $state<Error | null>(null);
  loading = $state(true);

  constructor(private readonly loader: () => Promise<T>) {
    void this.reload();
  }

  async reload(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.data = await this.loader();
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
    } finally {
      this.loading = false;
    }
  }
}
