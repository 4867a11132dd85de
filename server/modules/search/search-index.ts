import { MatchIndex, type SearchHit, type TextDoc } from '../../../matching';

import { LISTING_KINDS, type ListingKind } from '../shared/listing-changes';

/** Where the index reads public text from: the research-output and need services. */
export interface ListingTextSource {
  /** Public text of every published listing of a kind, for the initial load. */
  allPublished(kind: ListingKind): AsyncIterable<{ id: string; text: TextDoc }>;
  /** Public text of one listing when it is published; null when it is not (draft, archived, gone). */
  publishedText(kind: ListingKind, id: string): Promise<TextDoc | null>;
}

/**
 * The API process's in-memory free-text index over the PUBLIC text of published listings
 * (never confidential details). One MatchIndex per kind, updated one document at a time.
 */
export class ListingSearchIndex {
  private readonly indexes: Record<ListingKind, MatchIndex> = { output: searchIndex(), need: searchIndex() };

  private changedDuringLoad: [ListingKind, string][] | null = null;

  constructor(private readonly source: ListingTextSource) {}

  /**
   * Rebuilds both indexes from the database; used at start (in the background: 50k listings take
   * longer than a plugin may) and after a lost Redis connection. Listings refreshed while it runs
   * are refreshed again once the new indexes are in place, so no write is lost to the swap.
   */
  async loadAll(): Promise<void> {
    const changedMeanwhile: [ListingKind, string][] = [];
    this.changedDuringLoad = changedMeanwhile;
    try {
      for (const kind of LISTING_KINDS) {
        const fresh = searchIndex();
        for await (const { id, text } of this.source.allPublished(kind)) fresh.add(id, text);
        this.indexes[kind] = fresh;
      }
    } finally {
      this.changedDuringLoad = null;
    }
    for (const [kind, id] of changedMeanwhile) await this.refresh(kind, id);
  }

  /** Brings one listing up to date with the database: indexed when published, removed otherwise. */
  async refresh(kind: ListingKind, id: string): Promise<void> {
    this.changedDuringLoad?.push([kind, id]);
    const text = await this.source.publishedText(kind, id);
    if (text) this.indexes[kind].update(id, text);
    else this.indexes[kind].remove(id);
  }

  search(kind: ListingKind, query: TextDoc | string, k: number, filter?: (id: string) => boolean): SearchHit[] {
    return this.indexes[kind].search(query, { k, filter });
  }

  has(kind: ListingKind, id: string): boolean {
    return this.indexes[kind].has(id);
  }

  size(kind: ListingKind): number {
    return this.indexes[kind].size;
  }
}

/**
 * Free-text search gets pseudo-relevance feedback (RM3): people type short queries, and on the
 * Cranfield collection RM3 lifts nDCG@10 from 0.369 to 0.403 (see matching/README.md). Matching
 * long need texts against outputs leaves it off, where it measured slightly worse.
 */
function searchIndex(): MatchIndex {
  return new MatchIndex({ expansion: { rm3: true } });
}
