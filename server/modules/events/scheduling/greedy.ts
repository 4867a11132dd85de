import type { Board } from './board';
import type { Problem } from './problem';

/** How many usable slots both people of each meeting can make (ignoring everything else). */
export function commonSlotCounts(problem: Problem): Int32Array {
  const { meetingCount, slotCount, available, personA, personB } = problem;
  const counts = new Int32Array(meetingCount);
  for (let m = 0; m < meetingCount; m++) {
    const a = personA[m]! * slotCount;
    const b = personB[m]! * slotCount;
    let count = 0;
    for (let s = 0; s < slotCount; s++) count += available[a + s]! & available[b + s]!;
    counts[m] = personA[m] === personB[m] ? 0 : count;
  }
  return counts;
}

/**
 * The order meetings are offered slots: higher score first (the product rule), and among equal
 * scores the most constrained first — fewest shared slots, then the busiest people — because a
 * flexible meeting can still go elsewhere later while a constrained one cannot.
 */
export function placementOrder(problem: Problem, candidates: number[], common: Int32Array): number[] {
  const degree = new Int32Array(problem.personCount);
  for (const m of candidates) {
    degree[problem.personA[m]!]! += 1;
    degree[problem.personB[m]!]! += 1;
  }
  const load = (m: number) => degree[problem.personA[m]!]! + degree[problem.personB[m]!]!;
  return [...candidates].sort(
    (x, y) => problem.score[y]! - problem.score[x]! || common[x]! - common[y]! || load(y) - load(x) || x - y,
  );
}

/**
 * The slot for meeting m that keeps the most room for later meetings: the session where both people
 * have the most of their per-session allowance left (so caps bind late), then the emptiest slot
 * (so tables fill evenly), then the earliest. -1 when no slot fits. Sessions where either side is
 * at the cap are skipped whole, which makes failures for fully booked people cheap.
 */
export function bestSlot(board: Board, m: number): number {
  const { slotCount, sessionCount, sessionStart, sessionCap, slotTables, available } = board.problem;
  const a = board.problem.personA[m]!;
  const b = board.problem.personB[m]!;
  if (a === b) return -1;
  const rowA = a * slotCount;
  const rowB = b * slotCount;
  let best = -1;
  let bestKey = Infinity;
  for (let k = 0; k < sessionCount; k++) {
    const loadA = board.sessionLoad[a * sessionCount + k]!;
    const loadB = board.sessionLoad[b * sessionCount + k]!;
    const cap = sessionCap[k]!;
    if (loadA >= cap || loadB >= cap) continue;
    const capUse = (Math.max(loadA, loadB) / cap) * 4;
    if (capUse >= bestKey) continue;
    for (let s = sessionStart[k]!; s < sessionStart[k + 1]!; s++) {
      if (available[rowA + s] !== 1 || available[rowB + s] !== 1) continue;
      if (board.occupant[rowA + s] !== -1 || board.occupant[rowB + s] !== -1 || board.load[s]! >= slotTables[s]!) continue;
      const key = capUse + board.load[s]! / slotTables[s]!;
      if (key < bestKey) {
        bestKey = key;
        best = s;
      }
    }
  }
  return best;
}

/** First fit: the earliest slot that works. */
export function firstSlot(board: Board, m: number): number {
  for (let s = 0; s < board.problem.slotCount; s++) if (board.fits(m, s)) return s;
  return -1;
}
