/** Dinic's maximum flow on integer capacities; arcs in flat typed arrays, iterative DFS (paths can be long). */
export class MaxFlow {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];

  constructor(private readonly nodeCount: number) {}

  addArc(from: number, to: number, capacity: number): void {
    if (capacity <= 0) return;
    // Arc 2i is forward, 2i+1 its residual twin.
    this.from.push(from, to);
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
  }

  run(source: number, sink: number): number {
    const n = this.nodeCount;
    const arcCount = this.to.length;
    const to = Int32Array.from(this.to);
    const residual = Float64Array.from(this.capacity);
    const first = new Int32Array(n + 1);
    for (const f of this.from) first[f + 1]! += 1;
    for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
    const arcs = new Int32Array(arcCount);
    const fill = first.slice(0, n);
    this.from.forEach((f, arc) => (arcs[fill[f]!++] = arc));

    const level = new Int32Array(n);
    const queue = new Int32Array(n);
    const cursor = new Int32Array(n);
    const pathArcs = new Int32Array(n);
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = source;
      while (head < tail) {
        const v = queue[head++]!;
        for (let i = first[v]!; i < first[v + 1]!; i++) {
          const arc = arcs[i]!;
          const w = to[arc]!;
          if (residual[arc]! > 0 && level[w] === -1) {
            level[w] = level[v]! + 1;
            queue[tail++] = w;
          }
        }
      }
      if (level[sink] === -1) return total;
      cursor.set(first.subarray(0, n));
      // Blocking flow: walk forward along level-increasing arcs; push at the sink, retreat at dead ends.
      let depth = 0;
      let v = source;
      for (;;) {
        if (v === sink) {
          let push = Infinity;
          for (let d = 0; d < depth; d++) push = Math.min(push, residual[pathArcs[d]!]!);
          for (let d = 0; d < depth; d++) {
            residual[pathArcs[d]!]! -= push;
            residual[pathArcs[d]! ^ 1]! += push;
          }
          total += push;
          depth = 0;
          v = source;
          continue;
        }
        let advanced = false;
        while (cursor[v]! < first[v + 1]!) {
          const arc = arcs[cursor[v]!]!;
          const w = to[arc]!;
          if (residual[arc]! > 0 && level[w] === level[v]! + 1) {
            pathArcs[depth++] = arc;
            v = w;
            advanced = true;
            break;
          }
          cursor[v]! += 1;
        }
        if (advanced) continue;
        if (v === source) break;
        level[v] = -1;
        const back = pathArcs[--depth]!;
        v = to[back ^ 1]!;
        cursor[v]! += 1;
      }
    }
  }
}
