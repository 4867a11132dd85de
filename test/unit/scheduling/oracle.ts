import type { ScheduleResult, SchedulingInput } from '../../../server/modules/events/scheduling';

/** Every usable (session, slot) pair, in order, with its rules. */
function slotsOf(input: SchedulingInput) {
  return input.sessions.flatMap((session) =>
    session.slotUsable.flatMap((usable, index) => (usable ? [{ session, index, key: `${session.id}:${index}` }] : [])),
  );
}

const canMake = (input: SchedulingInput, person: string, key: string) => !(input.unavailableSlotIds?.[person] ?? []).includes(key);

/**
 * Unplaced meetings that would still fit the final schedule as it stands (a slot where both people
 * can come, are free, are under the cap, and a table is free). A maximal schedule has none.
 */
export function stillFits(input: SchedulingInput, result: ScheduleResult): string[] {
  const busy = new Set<string>();
  const perSession = new Map<string, number>();
  const perSlot = new Map<string, number>();
  input.meetings.forEach((meeting, i) => {
    const placement = result.meetings[i]!.placement;
    if (!placement) return;
    const key = `${placement.sessionId}:${placement.slotIndex}`;
    perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
    for (const person of [meeting.personA, meeting.personB]) {
      busy.add(`${person}@${key}`);
      perSession.set(`${person}@${placement.sessionId}`, (perSession.get(`${person}@${placement.sessionId}`) ?? 0) + 1);
    }
  });
  const slots = slotsOf(input);
  return input.meetings
    .filter((meeting, i) => !result.meetings[i]!.placement && meeting.personA !== meeting.personB)
    .filter((meeting) =>
      slots.some(({ session, key }) =>
        [meeting.personA, meeting.personB].every(
          (p) => canMake(input, p, key) && !busy.has(`${p}@${key}`) && (perSession.get(`${p}@${session.id}`) ?? 0) < session.maxMeetingsPerPerson,
        ) && (perSlot.get(key) ?? 0) < session.tables,
      ),
    )
    .map((meeting) => meeting.id);
}

/**
 * The most meetings any valid schedule can place, by exhaustive search (tiny instances only). Kept
 * placements are ignored: this is the optimum of the 'all' mode without locks.
 */
export function bruteForceOptimum(input: SchedulingInput): number {
  const slots = slotsOf(input);
  const busy = new Set<string>();
  const perSession = new Map<string, number>();
  const perSlot = new Map<string, number>();
  const meetings = input.meetings.filter((m) => m.personA !== m.personB);
  let best = 0;
  const search = (i: number, placed: number) => {
    if (placed + (meetings.length - i) <= best) return;
    if (i === meetings.length) {
      best = placed;
      return;
    }
    const { personA, personB } = meetings[i]!;
    for (const { session, key } of slots) {
      const ok =
        (perSlot.get(key) ?? 0) < session.tables &&
        [personA, personB].every(
          (p) => canMake(input, p, key) && !busy.has(`${p}@${key}`) && (perSession.get(`${p}@${session.id}`) ?? 0) < session.maxMeetingsPerPerson,
        );
      if (!ok) continue;
      perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
      for (const p of [personA, personB]) {
        busy.add(`${p}@${key}`);
        perSession.set(`${p}@${session.id}`, (perSession.get(`${p}@${session.id}`) ?? 0) + 1);
      }
      search(i + 1, placed + 1);
      perSlot.set(key, perSlot.get(key)! - 1);
      for (const p of [personA, personB]) {
        busy.delete(`${p}@${key}`);
        perSession.set(`${p}@${session.id}`, perSession.get(`${p}@${session.id}`)! - 1);
      }
    }
    search(i + 1, placed);
  };
  search(0, 0);
  return best;
}
