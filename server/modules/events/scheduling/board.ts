import type { Problem } from './problem';

/**
 * The schedule under construction: who is busy in which slot, how full each slot is, how many
 * meetings each person has per session. Every change is journaled so a failed repair attempt can
 * be rolled back exactly.
 */
export class Board {
  /** occupant[p * slotCount + s]: the meeting person p has in slot s, or -1. */
  readonly occupant: Int32Array;
  /** slotOf[m]: the global slot of meeting m, or -1 while unplaced. */
  readonly slotOf: Int32Array;
  readonly load: Int32Array;
  /** sessionLoad[p * sessionCount + k]: meetings person p has in session k. */
  readonly sessionLoad: Int32Array;
  /** Meetings that keep their placement: never moved by the repair phase. */
  readonly pinned: Uint8Array;
  /** Meetings placed in each slot (unordered); position[m] is m's index in its slot's list. */
  readonly members: number[][];
  private readonly position: Int32Array;
  /** Undo log: m + 1 for a placement, -(m + 1) for a removal (with the slot on the slot log). */
  private readonly journal: number[] = [];
  private readonly journalSlots: number[] = [];
  placedCount = 0;

  constructor(readonly problem: Problem) {
    this.occupant = new Int32Array(problem.personCount * problem.slotCount).fill(-1);
    this.slotOf = new Int32Array(problem.meetingCount).fill(-1);
    this.load = new Int32Array(problem.slotCount);
    this.sessionLoad = new Int32Array(problem.personCount * problem.sessionCount);
    this.pinned = new Uint8Array(problem.meetingCount);
    this.position = new Int32Array(problem.meetingCount);
    this.members = Array.from({ length: problem.slotCount }, () => []);
  }

  /** Every rule for meeting m in slot s: both people can make it and are free, under their caps, a table is free. */
  fits(m: number, s: number): boolean {
    const { slotCount, sessionCount, slotSession, sessionCap, available, slotTables } = this.problem;
    const a = this.problem.personA[m]!;
    const b = this.problem.personB[m]!;
    const k = slotSession[s]!;
    return (
      a !== b &&
      available[a * slotCount + s] === 1 && available[b * slotCount + s] === 1 &&
      this.occupant[a * slotCount + s] === -1 && this.occupant[b * slotCount + s] === -1 &&
      this.load[s]! < slotTables[s]! &&
      this.sessionLoad[a * sessionCount + k]! < sessionCap[k]! && this.sessionLoad[b * sessionCount + k]! < sessionCap[k]!
    );
  }

  place(m: number, s: number): void {
    const { slotCount, sessionCount, slotSession } = this.problem;
    const a = this.problem.personA[m]!;
    const b = this.problem.personB[m]!;
    const k = slotSession[s]!;
    this.occupant[a * slotCount + s] = m;
    this.occupant[b * slotCount + s] = m;
    this.sessionLoad[a * sessionCount + k]! += 1;
    this.sessionLoad[b * sessionCount + k]! += 1;
    this.load[s]! += 1;
    this.slotOf[m] = s;
    this.position[m] = this.members[s]!.length;
    this.members[s]!.push(m);
    this.placedCount += 1;
    this.journal.push(m + 1);
  }

  remove(m: number): void {
    const { slotCount, sessionCount, slotSession } = this.problem;
    const s = this.slotOf[m]!;
    const a = this.problem.personA[m]!;
    const b = this.problem.personB[m]!;
    const k = slotSession[s]!;
    this.occupant[a * slotCount + s] = -1;
    this.occupant[b * slotCount + s] = -1;
    this.sessionLoad[a * sessionCount + k]! -= 1;
    this.sessionLoad[b * sessionCount + k]! -= 1;
    this.load[s]! -= 1;
    this.slotOf[m] = -1;
    const list = this.members[s]!;
    const last = list.pop()!;
    if (last !== m) {
      list[this.position[m]!] = last;
      this.position[last] = this.position[m]!;
    }
    this.placedCount -= 1;
    this.journal.push(-(m + 1));
    this.journalSlots.push(s);
  }

  /** A point to roll back to. */
  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const entry = this.journal.pop()!;
      if (entry > 0) {
        this.remove(entry - 1);
        this.journal.pop();
        this.journalSlots.pop();
      } else {
        this.place(-entry - 1, this.journalSlots.pop()!);
        this.journal.pop();
      }
    }
  }

  /** Forget the undo log (after a successful step) so it does not grow without bound. */
  commit(): void {
    this.journal.length = 0;
    this.journalSlots.length = 0;
  }
}
