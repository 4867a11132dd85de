import type { SchedulingInput } from './types';

/**
 * The input compiled to dense arrays: people, slots and meetings become small integers so the
 * scheduler's inner loops are array look-ups. Slots of all sessions are numbered 0..slotCount-1.
 */
export interface Problem {
  personCount: number;
  slotCount: number;
  sessionCount: number;
  /** Session number of each global slot, its index inside the session, its table count. */
  slotSession: Int32Array;
  slotIndexInSession: Int32Array;
  slotTables: Int32Array;
  /** First global slot of each session (length sessionCount + 1). */
  sessionStart: Int32Array;
  sessionCap: Int32Array;
  /** available[p * slotCount + s]: the slot is usable and person p can make it. */
  available: Uint8Array;
  meetingCount: number;
  personA: Int32Array;
  personB: Int32Array;
  score: Float64Array;
  /** Global slot a meeting must keep (or -1), and its table there (1-based, or 0). */
  keptSlot: Int32Array;
  keptTable: Int32Array;
  /** Problems with kept placements in the input, by meeting number; such meetings are re-planned. */
  keptProblems: Map<number, string>;
  /** Each person's meetings, highest score first: personMeetings[meetingsStart[p] .. meetingsStart[p + 1]). */
  meetingsStart: Int32Array;
  personMeetings: Int32Array;
  /** Global slot number of `<sessionId>:<index>`. */
  globalSlot: (sessionId: string, index: number) => number;
}

export function compileProblem(input: SchedulingInput): Problem {
  const sessionCount = input.sessions.length;
  const sessionStart = new Int32Array(sessionCount + 1);
  const sessionNumber = new Map<string, number>();
  input.sessions.forEach((session, k) => {
    sessionNumber.set(session.id, k);
    sessionStart[k + 1] = sessionStart[k]! + session.slotUsable.length;
  });
  const slotCount = sessionStart[sessionCount]!;
  const slotSession = new Int32Array(slotCount);
  const slotIndexInSession = new Int32Array(slotCount);
  const slotTables = new Int32Array(slotCount);
  const usable = new Uint8Array(slotCount);
  const sessionCap = new Int32Array(sessionCount);
  input.sessions.forEach((session, k) => {
    sessionCap[k] = Math.max(0, Math.floor(session.maxMeetingsPerPerson));
    session.slotUsable.forEach((ok, i) => {
      const s = sessionStart[k]! + i;
      slotSession[s] = k;
      slotIndexInSession[s] = i;
      slotTables[s] = Math.max(0, Math.floor(session.tables));
      usable[s] = ok ? 1 : 0;
    });
  });
  const globalSlot = (sessionId: string, index: number): number => {
    const k = sessionNumber.get(sessionId);
    if (k === undefined || !Number.isInteger(index) || index < 0 || index >= sessionStart[k + 1]! - sessionStart[k]!) return -1;
    return sessionStart[k]! + index;
  };

  const personNumber = new Map<string, number>();
  const person = (id: string): number => {
    let n = personNumber.get(id);
    if (n === undefined) personNumber.set(id, (n = personNumber.size));
    return n;
  };
  const meetingCount = input.meetings.length;
  const personA = new Int32Array(meetingCount);
  const personB = new Int32Array(meetingCount);
  const score = new Float64Array(meetingCount);
  input.meetings.forEach((meeting, m) => {
    personA[m] = person(meeting.personA);
    personB[m] = person(meeting.personB);
    score[m] = Number.isFinite(meeting.score) ? meeting.score : 0;
  });
  for (const id of Object.keys(input.unavailableSlotIds ?? {})) person(id);
  const personCount = personNumber.size;

  const available = new Uint8Array(personCount * slotCount);
  for (let p = 0; p < personCount; p++) available.set(usable, p * slotCount);
  for (const [id, slotIds] of Object.entries(input.unavailableSlotIds ?? {})) {
    const p = personNumber.get(id)!;
    for (const slotId of slotIds) {
      const colon = slotId.lastIndexOf(':');
      const s = globalSlot(slotId.slice(0, colon), Number(slotId.slice(colon + 1)));
      if (s >= 0) available[p * slotCount + s] = 0;
    }
  }

  const keptSlot = new Int32Array(meetingCount).fill(-1);
  const keptTable = new Int32Array(meetingCount);
  const keptProblems = new Map<number, string>();
  input.meetings.forEach((meeting, m) => {
    const placement = meeting.placement;
    if (!placement || !(placement.locked || input.mode === 'unscheduled')) return;
    const s = globalSlot(placement.sessionId, placement.slotIndex);
    if (s < 0) keptProblems.set(m, 'its slot no longer exists');
    else if (!usable[s]) keptProblems.set(m, 'its slot is now a break');
    else if (personA[m] === personB[m]) keptProblems.set(m, 'both sides are the same person');
    else if (!available[personA[m]! * slotCount + s] || !available[personB[m]! * slotCount + s]) keptProblems.set(m, 'a participant cannot make its slot');
    else {
      keptSlot[m] = s;
      keptTable[m] = Number.isInteger(placement.table) && placement.table >= 1 && placement.table <= slotTables[s]! ? placement.table : 0;
    }
  });

  const meetingsStart = new Int32Array(personCount + 1);
  for (let m = 0; m < meetingCount; m++) {
    meetingsStart[personA[m]! + 1]! += 1;
    if (personB[m] !== personA[m]) meetingsStart[personB[m]! + 1]! += 1;
  }
  for (let p = 0; p < personCount; p++) meetingsStart[p + 1]! += meetingsStart[p]!;
  const personMeetings = new Int32Array(meetingsStart[personCount]!);
  const fill = meetingsStart.slice(0, personCount);
  const byScore = Array.from({ length: meetingCount }, (_, m) => m).sort((x, y) => score[y]! - score[x]! || x - y);
  for (const m of byScore) {
    personMeetings[fill[personA[m]!]!++] = m;
    if (personB[m] !== personA[m]) personMeetings[fill[personB[m]!]!++] = m;
  }

  return {
    meetingsStart, personMeetings,
    personCount, slotCount, sessionCount, slotSession, slotIndexInSession, slotTables, sessionStart, sessionCap,
    available, meetingCount, personA, personB, score, keptSlot, keptTable, keptProblems, globalSlot,
  };
}
