export const LISTING_KINDS = ['output', 'need'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
export type ListingChangeHandler = (kind: ListingKind, id: string) => void | Promise<void>;

/**
 * Tells whoever cares (search index, match queue) that a need or output was written. The listing
 * services call `emit` after every write. A failing handler is logged, not thrown: the write has
 * happened, and search resyncs on reconnect while the nightly rescore repairs missed matches.
 */
export class ListingChangeHub {
  private readonly handlers: ListingChangeHandler[] = [];

  constructor(private readonly log: (message: string, error: unknown) => void) {}

  subscribe(handler: ListingChangeHandler): void {
    this.handlers.push(handler);
  }

  readonly emit = async (kind: ListingKind, id: string): Promise<void> => {
    for (const handler of this.handlers) {
      try {
        await handler(kind, id);
      } catch (error) {
        this.log(`a listing-change handler failed for ${kind} ${id}`, error);
      }
    }
  };
}
