// Remembers, for each stem, the surface word seen most often, so explanations can say
// "battery" rather than "batteri". Counts only grow (removing a document does not forget its
// words); the readable word is cosmetic and never affects ranking.
export class SurfaceForms {
  private readonly counts = new Map<string, number>();
  private readonly best = new Map<string, { word: string; count: number }>();

  record(term: string, word: string): void {
    const key = term + '\u0000' + word;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
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
