import type { Board } from './board';
import type { Problem } from './problem';
import type { MeetingOutcome, SchedulingInput, UnplacedReason } from './types';

/**
 * Table numbers: tables are interchangeable, so the scheduler only counts them per slot and numbers
 * them at the end — kept meetings keep their table when it is still free, everyone else takes the
 * lowest free number.
 */
export function assignTables(board: Board): Int32Array {
  const { meetingCount, keptSlot, keptTable, slotCount, slotTables } = board.problem;
  const table = new Int32Array(meetingCount);
  for (let s = 0; s < slotCount; s++) {
    const members = board.members[s]!;
    const taken = new Uint8Array(slotTables[s]! + 1);
    for (const m of members) {
      const wanted = keptSlot[m] === s ? keptTable[m]! : 0;
      if (wanted > 0 && !taken[wanted]) {
        taken[wanted] = 1;
        table[m] = wanted;
      }
    }
    let next = 1;
    for (const m of [...members].sort((x, y) => x - y)) {
      if (table[m]) continue;
      while (taken[next]) next++;
      taken[next] = 1;
      table[m] = next;
    }
  }
  return table;
}

/** Why m is unplaced in the final schedule (see UnplacedReason for the order of precedence). */
export function unplacedReason(board: Board, m: number): UnplacedReason {
  const { slotCount, sessionCount, slotSession, sessionCap, available } = board.problem;
  const a = board.problem.personA[m]!;
  const b = board.problem.personB[m]!;
  if (a === b) return 'same-person';
  let shared = false;
  let busy = false;
  let tables = false;
  for (let s = 0; s < slotCount; s++) {
    if (!available[a * slotCount + s] || !available[b * slotCount + s]) continue;
    shared = true;
    const k = slotSession[s]!;
    if (board.sessionLoad[a * sessionCount + k]! >= sessionCap[k]! || board.sessionLoad[b * sessionCount + k]! >= sessionCap[k]!) continue;
    if (board.occupant[a * slotCount + s]! >= 0 || board.occupant[b * slotCount + s]! >= 0) busy = true;
    else tables = true;
  }
  if (!shared) return 'no-common-slot';
  return tables ? 'tables-full' : busy ? 'participants-busy' : 'participant-cap';
}

export function outcomes(input: SchedulingInput, problem: Problem, board: Board): MeetingOutcome[] {
  const table = assignTables(board);
  return input.meetings.map((meeting, m) => {
    const s = board.slotOf[m]!;
    if (s < 0) return { meetingId: meeting.id, placement: null, reason: unplacedReason(board, m) };
    const sessionId = input.sessions[problem.slotSession[s]!]!.id;
    const placement = { sessionId, slotIndex: problem.slotIndexInSession[s]!, table: table[m]!, kept: board.pinned[m] === 1 };
    return { meetingId: meeting.id, placement, reason: null };
  });
}
