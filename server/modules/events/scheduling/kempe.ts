import type { Board } from './board';

/** Longest alternating chain worth walking; longer ones are rare and touch too many agendas. */
const MAX_CHAIN = 64;

/**
 * Kempe-chain swap, the classic augmenting step of edge colouring (a timetable in which each person
 * meets at most once per slot is an edge colouring of the "who meets whom" graph with slots as
 * colours). To place m = (a, b) in slot α where a is free but b is not: b's α-meeting moves to β
 * (a slot where b is free), its other person's β-meeting moves to α, and so on along the α/β
 * alternating path. Every moved meeting must still satisfy availability, caps and tables in its new
 * slot; otherwise nothing changes. Returns true when m was placed.
 */
export function kempeInsert(board: Board, m: number): boolean {
  const { slotCount, sessionCount, slotSession, sessionCap, available, personA, personB } = board.problem;
  const a = personA[m]!;
  const b = personB[m]!;
  if (a === b) return false;
  const chain: number[] = [];
  for (let alpha = 0; alpha < slotCount; alpha++) {
    if (!available[a * slotCount + alpha] || !available[b * slotCount + alpha]) continue;
    const k = slotSession[alpha]!;
    if (board.sessionLoad[a * sessionCount + k]! >= sessionCap[k]! || board.sessionLoad[b * sessionCount + k]! >= sessionCap[k]!) continue;
    const aFree = board.occupant[a * slotCount + alpha] === -1;
    const bFree = board.occupant[b * slotCount + alpha] === -1;
    if (aFree === bFree) continue; // both free: a direct fit (or tables) — not a Kempe case; both busy: two chains
    const start = aFree ? b : a;
    for (let beta = 0; beta < slotCount; beta++) {
      if (beta === alpha || !available[start * slotCount + beta] || board.occupant[start * slotCount + beta] !== -1) continue;
      if (walk(board, start, alpha, beta, chain) && swap(board, m, alpha, beta, chain)) return true;
    }
  }
  return false;
}

/** The α/β alternating path from `start`'s α-meeting; false when it is too long, pinned, or cannot move. */
function walk(board: Board, start: number, alpha: number, beta: number, chain: number[]): boolean {
  const { slotCount, available, personA, personB } = board.problem;
  chain.length = 0;
  let person = start;
  let from = alpha;
  let to = beta;
  for (;;) {
    const e = board.occupant[person * slotCount + from]!;
    if (e === -1) return true;
    if (board.pinned[e] || chain.length >= MAX_CHAIN) return false;
    const other = personA[e] === person ? personB[e]! : personA[e]!;
    if (!available[other * slotCount + to] || !available[person * slotCount + to]) return false;
    chain.push(e);
    person = other;
    [from, to] = [to, from];
  }
}

function swap(board: Board, m: number, alpha: number, beta: number, chain: number[]): boolean {
  const mark = board.mark();
  const target = chain.map((e) => (board.slotOf[e] === alpha ? beta : alpha));
  for (const e of chain) board.remove(e);
  const ok = chain.every((e, i) => board.fits(e, target[i]!) && (board.place(e, target[i]!), true)) && board.fits(m, alpha);
  if (ok) {
    board.place(m, alpha);
    return true;
  }
  board.rollback(mark);
  return false;
}
