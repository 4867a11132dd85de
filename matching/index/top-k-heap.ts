// A bounded min-heap of (slot, score): the root is the weakest of the current top k.
// Equal scores are ordered by id so results never depend on insertion order.

export class TopKHeap {
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];

  constructor(
    readonly k: number,
    private readonly idOf: (slot: number) => string,
  ) {}

  get size(): number {
    return this.slots.length;
  }

  get full(): boolean {
    return this.slots.length >= this.k;
  }

  /** Score of the weakest kept entry; 0 until the heap is full. */
  get threshold(): number {
    return this.full ? this.scores[0]! : 0;
  }

  /** Whether (slot, score) would enter the heap. */
  admits(slot: number, score: number): boolean {
    if (!this.full) return true;
    const weakest = this.scores[0]!;
    if (score !== weakest) return score > weakest;
    return this.idOf(slot) < this.idOf(this.slots[0]!);
  }

  push(slot: number, score: number): void {
    if (this.full) {
      this.slots[0] = slot;
      this.scores[0] = score;
      this.siftDown(0);
      return;
    }
    this.slots.push(slot);
    this.scores.push(score);
    this.siftUp(this.slots.length - 1);
  }

  /** Entries best first. */
  sorted(): Array<{ slot: number; score: number }> {
    const entries = this.slots.map((slot, i) => ({ slot, score: this.scores[i]! }));
    return entries.sort((a, b) => b.score - a.score || (this.idOf(a.slot) < this.idOf(b.slot) ? -1 : 1));
  }

  private weaker(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    if (a !== b) return a < b;
    return this.idOf(this.slots[i]!) > this.idOf(this.slots[j]!);
  }

  private swap(i: number, j: number): void {
    const s = this.slots[i]!;
    this.slots[i] = this.slots[j]!;
    this.slots[j] = s;
    const c = this.scores[i]!;
    this.scores[i] = this.scores[j]!;
    this.scores[j] = c;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.weaker(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.slots.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let weakest = i;
      if (left < n && this.weaker(left, weakest)) weakest = left;
      if (right < n && this.weaker(right, weakest)) weakest = right;
      if (weakest === i) return;
      this.swap(i, weakest);
      i = weakest;
    }
  }
}
