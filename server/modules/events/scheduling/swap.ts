import type { Board } from './board';
import type { Repairer } from './repair';

/**
 * "Higher-scored first" for what greedy and repair left over: place an unplaced meeting m by taking
 * the place of ONE placed meeting c with a lower score (the one blocking a person, the lowest-scored
 * meeting of a full slot, or of a capped person's session), then try to re-place c anywhere. The
 * count never drops (c out, m in, maybe c back) and the total score strictly rises, so repeated
 * swaps terminate. Returns true when m was placed.
 */
export function swapIn(board: Board, repairer: Repairer, m: number): boolean {
  const { slotCount, sessionCount, slotSession, sessionStart, sessionCap, available, score, personA, personB } = board.problem;
  const a = personA[m]!;
  const b = personB[m]!;
  if (a === b) return false;
  let bestSlot = -1;
  let bestVictim = -1;
  const consider = (c: number, s: number) => {
    if (c < 0 || board.pinned[c] || score[c]! >= score[m]! || (bestVictim >= 0 && score[c]! >= score[bestVictim]!)) return;
    const mark = board.mark();
    board.remove(c);
    if (board.fits(m, s)) {
      bestSlot = s;
      bestVictim = c;
    }
    board.rollback(mark);
  };
  for (let s = 0; s < slotCount; s++) {
    if (!available[a * slotCount + s] || !available[b * slotCount + s]) continue;
    const x = board.occupant[a * slotCount + s]!;
    const y = board.occupant[b * slotCount + s]!;
    if (x >= 0 && y >= 0 && x !== y) continue; // two meetings would have to go: the count could drop
    if (x >= 0 || y >= 0) {
      consider(x >= 0 ? x : y, s);
      continue;
    }
    const k = slotSession[s]!;
    const capped = [a, b].filter((p) => board.sessionLoad[p * sessionCount + k]! >= sessionCap[k]!);
    if (capped.length === 2) continue;
    if (capped.length === 1) {
      const p = capped[0]!;
      for (let t = sessionStart[k]!; t < sessionStart[k + 1]!; t++) consider(board.occupant[p * slotCount + t]!, s);
      continue;
    }
    let lowest = -1;
    for (const c of board.members[s]!) if (!board.pinned[c] && (lowest < 0 || score[c]! < score[lowest]!)) lowest = c;
    consider(lowest, s);
  }
  if (bestSlot < 0) return false;
  board.remove(bestVictim);
  board.place(m, bestSlot);
  board.commit();
  repairer.insert(bestVictim, 1);
  return true;
}
