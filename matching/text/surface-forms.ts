// Remembers, for each stem, the surface word seen most often, so explanations can say
// "battery" rather than "batteri". Counts only grow (removing a document does not forget its
// words); the readable word is cosmetic and never affects ranking.
export class SurfaceForms {
  /**
   * surface word → its count and its term. Keys may be any per-word object that is stable for
   * the word (the analyzer passes its word-cache entry: identity lookups beat string hashing).
   */
  private readonly counts = new Map<unknown, { term: string; count: number }>();
  private readonly best = new Map<string, { word: string; count: number }>();

  record(term: string, word: string, key: unknown = word): void {
    let entry = this.counts.get(key);
    if (entry === undefined || entry.term !== term) {
      // A word stemmed differently in another language is counted for its latest term.
      entry = { term, count: 0 };
      this.counts.set(key, entry);
    }
    const count = ++entry.count;
    const current = this.best.get(term);
    if (current === undefined) this.best.set(term, { word, count });
    else if (count > current.count) {
      current.word = word;
      current.count = count;
    }
  }

  /** The most frequent surface word for a term; phrase terms read as "word word". */
  readable(term: string): string {
    const direct = this.best.get(term);
    if (direct) return direct.word;
    if (term.includes(' ')) return term.split(' ').map((part) => this.readable(part)).join(' ');
    return term;
  }
}
