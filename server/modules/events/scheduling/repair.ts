import type { Board } from './board';
import { bestSlot } from './greedy';
import { kempeInsert } from './kempe';

/** Thrown through the recursion when the time budget runs out; the attempt in flight is rolled back. */
class OutOfTime extends Error {}

/**
 * Ejection chains: to place an unplaced meeting m in slot s, move what blocks it — the meeting either
 * person already has in s, one of their meetings in the same session when they are at the cap, one
 * meeting of s when every table is taken — and re-place each moved meeting the same way, one level
 * shallower. A chain only commits when every moved meeting found a new slot, so each success places
 * one more meeting and never unplaces another. In timetable terms this is the augmenting-path step of
 * edge colouring (a Kempe-chain swap is a chain of such moves), generalised to availability, caps and
 * table capacity.
 */
export class Repairer {
  private readonly inChain: Uint8Array;
  private readonly chain: number[] = [];
  private calls = 0;
  /** How many candidate meetings to try when any one of several could make room (cap or table). */
  private readonly choiceLimit = 6;

  constructor(
    private readonly board: Board,
    private readonly outOfTime: () => boolean,
  ) {
    this.inChain = new Uint8Array(board.problem.meetingCount);
  }

  /** Try to place m with chains up to `depth` moves deep; false (and no change) when none works or time ran out. */
  insert(m: number, depth: number): boolean {
    if (this.board.slotOf[m] !== -1) return false;
    const mark = this.board.mark();
    try {
      const done = kempeInsert(this.board, m) || this.tryInsert(m, depth);
      if (done) this.board.commit();
      return done;
    } catch (error) {
      if (!(error instanceof OutOfTime)) throw error;
      this.board.rollback(mark);
      return false;
    } finally {
      for (const c of this.chain) this.inChain[c] = 0;
      this.chain.length = 0;
    }
  }

  private tryInsert(m: number, depth: number): boolean {
    if ((++this.calls & 1023) === 0 && this.outOfTime()) throw new OutOfTime();
    const board = this.board;
    if (depth === 0) {
      const s = bestSlot(board, m);
      if (s < 0) return false;
      board.place(m, s);
      return true;
    }
    const { slotCount, available } = board.problem;
    const a = board.problem.personA[m]!;
    const b = board.problem.personB[m]!;
    if (a === b) return false;
    const direct = bestSlot(board, m);
    if (direct >= 0) {
      board.place(m, direct);
      return true;
    }
    for (let s = 0; s < slotCount; s++) {
      if (!available[a * slotCount + s] || !available[b * slotCount + s]) continue;
      const x = board.occupant[a * slotCount + s]!;
      const y = board.occupant[b * slotCount + s]!;
      if ((x >= 0 && (board.pinned[x] || this.inChain[x])) || (y >= 0 && (board.pinned[y] || this.inChain[y]))) continue;
      const mark = board.mark();
      const chainLength = this.chain.length;
      const moved: number[] = [];
      for (const e of x === y ? [x] : [x, y]) {
        if (e < 0) continue;
        board.remove(e);
        this.enter(e);
        moved.push(e);
      }
      if (this.resolve(m, s, depth, moved)) return true;
      board.rollback(mark);
      this.leave(chainLength);
    }
    return false;
  }

  /** With the forced moves done, make room under the caps and tables (trying a few candidates), then place and re-place. */
  private resolve(m: number, s: number, depth: number, moved: number[]): boolean {
    const board = this.board;
    const { slotCount, sessionCount, slotSession, sessionCap, sessionStart, slotTables } = board.problem;
    const k = slotSession[s]!;
    let candidates: number[] | null = null;
    for (const p of [board.problem.personA[m]!, board.problem.personB[m]!]) {
      if (board.sessionLoad[p * sessionCount + k]! < sessionCap[k]!) continue;
      candidates = [];
      for (let t = sessionStart[k]!; t < sessionStart[k + 1]!; t++) {
        const c = board.occupant[p * slotCount + t]!;
        if (c >= 0) candidates.push(c);
      }
      break;
    }
    if (!candidates && board.load[s]! >= slotTables[s]!) candidates = board.members[s]!.slice();
    if (!candidates) {
      board.place(m, s);
      this.enter(m);
      for (const e of moved) if (!this.tryInsert(e, depth - 1) && !this.substitute(e, depth - 1)) return false;
      return true;
    }
    if (moved.length >= 2) return false;
    // Move the lowest-scored first: if one of them ends up replaced, the schedule loses the least.
    candidates.sort((x, y) => board.problem.score[x]! - board.problem.score[y]!);
    let tried = 0;
    for (const c of candidates) {
      if (board.pinned[c] || this.inChain[c]) continue;
      if (++tried > this.choiceLimit) break;
      const mark = board.mark();
      const chainLength = this.chain.length;
      board.remove(c);
      this.enter(c);
      moved.push(c);
      if (this.resolve(m, s, depth, moved)) return true;
      moved.pop();
      board.rollback(mark);
      this.leave(chainLength);
    }
    return false;
  }

  /**
   * The matching half of an augmenting path: moved meeting e found no new slot, so leave it unplaced
   * and place instead an unplaced meeting of one of e's people, who now have a slot and a cap unit
   * free. The count still rises by one; this is how a chain gets past people at their cap.
   */
  private substitute(e: number, depth: number): boolean {
    const { meetingsStart, personMeetings, personA, personB } = this.board.problem;
    let tried = 0;
    for (const p of personA[e] === personB[e] ? [personA[e]!] : [personA[e]!, personB[e]!]) {
      for (let i = meetingsStart[p]!; i < meetingsStart[p + 1]!; i++) {
        const f = personMeetings[i]!;
        if (this.board.slotOf[f] !== -1 || this.inChain[f]) continue;
        if (++tried > this.choiceLimit * 2) return false;
        const chainLength = this.chain.length;
        this.enter(f);
        if (this.tryInsert(f, depth)) return true;
        this.leave(chainLength);
      }
    }
    return false;
  }

  private enter(m: number): void {
    this.inChain[m] = 1;
    this.chain.push(m);
  }

  private leave(length: number): void {
    while (this.chain.length > length) this.inChain[this.chain.pop()!] = 0;
  }
}
