import type { ScheduleResult, SchedulingInput } from './types';

export interface Conflict {
  meetingId: string;
  problem: string;
}

/**
 * An independent check of a schedule against its input, written without the scheduler's data
 * structures (string keys, no shared helpers) so a scheduler bug cannot hide itself: every placement
 * names a real usable slot and table, both people can make it, nobody and no table is booked twice,
 * no one exceeds a session's cap, and locked placements (all placements in 'unscheduled' mode) stay
 * where they were unless the scheduler reported dropping them.
 */
export function checkSchedule(input: SchedulingInput, result: ScheduleResult): Conflict[] {
  const conflicts: Conflict[] = [];
  const sessions = new Map(input.sessions.map((session) => [session.id, session]));
  const unavailable = new Map(Object.entries(input.unavailableSlotIds ?? {}).map(([person, ids]) => [person, new Set(ids)]));
  const dropped = new Set(result.droppedPlacements.map((d) => d.meetingId));
  const personBusy = new Map<string, string>();
  const tableBusy = new Map<string, string>();
  const perSession = new Map<string, number>();
  if (result.meetings.length !== input.meetings.length) conflicts.push({ meetingId: '*', problem: 'result and input differ in length' });
  input.meetings.forEach((meeting, i) => {
    const outcome = result.meetings[i];
    const fail = (problem: string) => conflicts.push({ meetingId: meeting.id, problem });
    if (!outcome || outcome.meetingId !== meeting.id) return fail('outcome missing or out of order');
    const wasKept = meeting.placement && (meeting.placement.locked || input.mode === 'unscheduled') && !dropped.has(meeting.id);
    const placement = outcome.placement;
    if (!placement) {
      if (wasKept) fail('kept placement lost');
      return;
    }
    if (wasKept && (placement.sessionId !== meeting.placement!.sessionId || placement.slotIndex !== meeting.placement!.slotIndex)) fail('kept placement moved');
    const session = sessions.get(placement.sessionId);
    if (!session) return fail('unknown session');
    if (!(placement.slotIndex >= 0 && placement.slotIndex < session.slotUsable.length)) return fail('slot outside the session');
    if (!session.slotUsable[placement.slotIndex]) fail('slot is a break');
    if (!(Number.isInteger(placement.table) && placement.table >= 1 && placement.table <= session.tables)) fail('no such table');
    if (meeting.personA === meeting.personB) fail('meeting with oneself');
    const slot = `${placement.sessionId}:${placement.slotIndex}`;
    const table = `${slot}#${placement.table}`;
    if (tableBusy.has(table)) fail(`table double-booked with ${tableBusy.get(table)}`);
    tableBusy.set(table, meeting.id);
    for (const person of new Set([meeting.personA, meeting.personB])) {
      if (unavailable.get(person)?.has(slot)) fail(`${person} is unavailable`);
      const key = `${person}@${slot}`;
      if (personBusy.has(key)) fail(`${person} double-booked with ${personBusy.get(key)}`);
      personBusy.set(key, meeting.id);
      const count = (perSession.get(`${person}@${placement.sessionId}`) ?? 0) + 1;
      perSession.set(`${person}@${placement.sessionId}`, count);
      if (count > session.maxMeetingsPerPerson) fail(`${person} over the session cap`);
    }
  });
  return conflicts;
}
