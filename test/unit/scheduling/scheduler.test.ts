import { describe, expect, it } from 'vitest';
import { checkSchedule, firstFitSchedule, schedule, upperBound, type SchedulingInput, type SchedulingMeeting } from '../../../server/modules/events/scheduling';

const session = (id: string, slots: number, tables: number, maxMeetingsPerPerson: number, breaks: number[] = []) => ({
  id,
  slotUsable: Array.from({ length: slots }, (_, i) => !breaks.includes(i)),
  tables,
  maxMeetingsPerPerson,
});
let next = 0;
const meeting = (personA: string, personB: string, score = 50, extra: Partial<SchedulingMeeting> = {}): SchedulingMeeting => ({ id: `m${next++}`, personA, personB, score, ...extra });
const run = (input: SchedulingInput) => {
  const result = schedule(input, { timeBudgetMs: 60_000 });
  expect(checkSchedule(input, result)).toEqual([]);
  return result;
};
const placementOf = (result: ReturnType<typeof schedule>, id: string) => result.meetings.find((m) => m.meetingId === id)!;

describe('schedule', () => {
  it('puts two meetings of one person in different slots', () => {
    const meetings = [meeting('ana', 'bo'), meeting('ana', 'cy')];
    const result = run({ sessions: [session('s', 2, 5, 5)], meetings, mode: 'all' });
    expect(result.placed).toBe(2);
    expect(new Set(result.meetings.map((m) => m.placement!.slotIndex)).size).toBe(2);
  });

  it('never uses a break or a slot someone cannot make, and says when no slot is shared', () => {
    const meetings = [meeting('ana', 'bo'), meeting('cy', 'dee')];
    const input: SchedulingInput = {
      sessions: [session('s', 3, 5, 5, [1])],
      meetings,
      unavailableSlotIds: { ana: ['s:0'], cy: ['s:0'], dee: ['s:2'] },
      mode: 'all',
    };
    const result = run(input);
    expect(result.meetings[0]!.placement).toMatchObject({ sessionId: 's', slotIndex: 2, table: 1 });
    expect(result.meetings[1]).toMatchObject({ placement: null, reason: 'no-common-slot' });
  });

  it('keeps each person under the per-session cap and reports the cap as the reason', () => {
    const meetings = [meeting('star', 'a', 90), meeting('star', 'b', 80), meeting('star', 'c', 70)];
    const result = run({ sessions: [session('s', 4, 5, 2)], meetings, mode: 'all' });
    expect(result.placed).toBe(2);
    expect(result.meetings[2]).toMatchObject({ placement: null, reason: 'participant-cap' });
  });

  it('places the higher-scored meetings when the tables run out, numbering tables from 1', () => {
    const meetings = [meeting('a', 'b', 10), meeting('c', 'd', 90), meeting('e', 'f', 60)];
    const result = run({ sessions: [session('s', 1, 2, 1)], meetings, mode: 'all' });
    expect(result.meetings.map((m) => m.placement?.table ?? null).sort()).toEqual([1, 2, null]);
    expect(result.meetings[0]).toMatchObject({ placement: null, reason: 'tables-full' });
  });

  it('finds the augmenting swap that greedy misses: drop the top meeting for two others', () => {
    // One slot. Greedy takes (star, x) first; the best schedule is (star, y) + (x, z).
    const meetings = [meeting('star', 'x', 90), meeting('star', 'y', 50), meeting('x', 'z', 40)];
    const input: SchedulingInput = { sessions: [session('s', 1, 2, 1)], meetings, mode: 'all' };
    const result = run(input);
    expect(firstFitSchedule(input).placed).toBe(1);
    expect(result.placed).toBe(2);
    expect(upperBound(input).value).toBe(2);
    expect(result.stats.repairPlaced).toBe(1);
  });

  it('keeps locked placements in mode all and moves the rest; keeps every placement in mode unscheduled', () => {
    const locked = meeting('ana', 'bo', 10, { placement: { sessionId: 's', slotIndex: 2, table: 3, locked: true } });
    const loose = meeting('ana', 'cy', 90, { placement: { sessionId: 's', slotIndex: 1, table: 1, locked: false } });
    const fresh = meeting('bo', 'cy', 50);
    const sessions = [session('s', 3, 4, 3)];
    const all = run({ sessions, meetings: [locked, loose, fresh], mode: 'all' });
    expect(all.meetings[0]!.placement).toEqual({ sessionId: 's', slotIndex: 2, table: 3, kept: true });
    expect(all.meetings[1]!.placement!.kept).toBe(false);
    expect(all.kept).toBe(1);
    const unscheduled = run({ sessions, meetings: [locked, loose, fresh], mode: 'unscheduled' });
    expect(unscheduled.meetings[1]!.placement).toEqual({ sessionId: 's', slotIndex: 1, table: 1, kept: true });
    expect(unscheduled.meetings[2]!.placement!.slotIndex).toBe(0);
    expect(unscheduled.kept).toBe(2);
  });

  it('re-plans a kept placement that no longer stands, and says why', () => {
    const onBreak = meeting('ana', 'bo', 50, { placement: { sessionId: 's', slotIndex: 1, table: 1, locked: true } });
    const clash = meeting('ana', 'cy', 50, { placement: { sessionId: 's', slotIndex: 0, table: 1, locked: true } });
    const sameSlot = meeting('ana', 'dee', 50, { placement: { sessionId: 's', slotIndex: 0, table: 2, locked: true } });
    const result = run({ sessions: [session('s', 4, 4, 4, [1])], meetings: [onBreak, clash, sameSlot], mode: 'all' });
    expect(result.placed).toBe(3);
    expect(result.droppedPlacements.map((d) => d.meetingId).sort()).toEqual([onBreak.id, sameSlot.id].sort());
    expect(placementOf(result, clash.id).placement!.kept).toBe(true);
  });

  it('refuses a meeting with oneself', () => {
    const result = run({ sessions: [session('s', 2, 2, 2)], meetings: [meeting('ana', 'ana')], mode: 'all' });
    expect(result.meetings[0]).toMatchObject({ placement: null, reason: 'same-person' });
  });

  it('reports progress up to 1 and never backwards', () => {
    const meetings = Array.from({ length: 3000 }, (_, i) => meeting(`p${i % 97}`, `q${(i * 7) % 89}`, i % 100));
    const seen: number[] = [];
    schedule({ sessions: [session('s', 12, 40, 8)], meetings, mode: 'all' }, { onProgress: (p) => seen.push(p.fraction) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
  });
});

describe('upperBound', () => {
  it('is limited by each person’s capacity and by the tables', () => {
    const star = Array.from({ length: 10 }, (_, i) => meeting('star', `p${i}`));
    expect(upperBound({ sessions: [session('s', 6, 10, 4)], meetings: star, mode: 'all' })).toMatchObject({ value: 4, flow: 4 });
    expect(upperBound({ sessions: [session('s', 6, 10, 9)], meetings: star, mode: 'all' }).value).toBe(6);
    const pairs = Array.from({ length: 10 }, (_, i) => meeting(`a${i}`, `b${i}`));
    expect(upperBound({ sessions: [session('s', 2, 3, 2, [0])], meetings: pairs, mode: 'all' })).toMatchObject({ value: 3, tables: 3 });
  });
});
