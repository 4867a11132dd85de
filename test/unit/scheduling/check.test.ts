import { describe, expect, it } from 'vitest';
import { checkSchedule, schedule, type ScheduleResult, type SchedulingInput } from '../../../server/modules/events/scheduling';

const input: SchedulingInput = {
  sessions: [{ id: 's', slotUsable: [true, false, true], tables: 2, maxMeetingsPerPerson: 1 }],
  meetings: [
    { id: 'm0', personA: 'ana', personB: 'bo', score: 50, placement: { sessionId: 's', slotIndex: 0, table: 1, locked: true } },
    { id: 'm1', personA: 'ana', personB: 'cy', score: 50 },
    { id: 'm2', personA: 'dee', personB: 'eve', score: 50 },
  ],
  unavailableSlotIds: { eve: ['s:2'] },
  mode: 'all',
};
const at = (slotIndex: number, table: number) => ({ sessionId: 's', slotIndex, table, kept: false });
const tamper = (placements: (ReturnType<typeof at> | null)[]): ScheduleResult => {
  const result = schedule(input);
  return { ...result, meetings: result.meetings.map((m, i) => ({ ...m, placement: placements[i] ?? null, reason: null })) };
};

describe('checkSchedule (the independent checker the bench and tests rely on)', () => {
  it('accepts the scheduler’s own result', () => {
    expect(checkSchedule(input, schedule(input))).toEqual([]);
  });

  it('finds every kind of conflict in a tampered result', () => {
    const problems = (placements: (ReturnType<typeof at> | null)[]) => checkSchedule(input, tamper(placements)).map((c) => `${c.meetingId}: ${c.problem}`);
    expect(problems([at(0, 1), at(0, 2), null])).toEqual(expect.arrayContaining(['m1: ana double-booked with m0', 'm1: ana over the session cap']));
    expect(problems([at(0, 1), null, at(0, 1)])).toContain('m2: table double-booked with m0');
    expect(problems([at(0, 1), null, at(1, 2)])).toContain('m2: slot is a break');
    expect(problems([at(0, 1), null, at(2, 1)])).toContain('m2: eve is unavailable');
    expect(problems([at(2, 1), null, null])).toContain('m0: kept placement moved');
    expect(problems([null, null, null])).toContain('m0: kept placement lost');
    expect(problems([at(0, 1), null, at(2, 3)])).toContain('m2: no such table');
  });
});
