import type { ScheduleMode, SchedulingInput, ScheduleResult } from './scheduling';
import type { EventDoc, EventRegistrationDoc, MeetingDoc } from './model';
import { sessionSlots } from './slots';

/** What the scheduler reads of an event: its sessions, accepted meetings and the registrations of their people. */
export interface ScheduleSnapshot {
  event: EventDoc;
  meetings: MeetingDoc[];
  registrations: EventRegistrationDoc[];
}

/**
 * The pure scheduler's input: a person is a registration (both the unavailable slots and the
 * organizer's reschedule checks are per registration), a slot is usable unless it overlaps a break.
 */
export function schedulingInput({ event, meetings, registrations }: ScheduleSnapshot, mode: ScheduleMode): SchedulingInput {
  return {
    mode,
    sessions: event.sessions.map((session) => ({
      id: String(session._id),
      slotUsable: sessionSlots(session).map((slot) => slot.usable),
      tables: session.tables,
      maxMeetingsPerPerson: session.maxMeetingsPerPerson,
    })),
    meetings: meetings.map((meeting) => ({
      id: String(meeting._id),
      personA: String(meeting.requesterRegistrationId),
      personB: String(meeting.recipientRegistrationId),
      score: meeting.score ?? 0,
      placement: meeting.placement
        ? { sessionId: String(meeting.placement.sessionId), slotIndex: meeting.placement.slotIndex, table: meeting.placement.table, locked: Boolean(meeting.placement.locked) }
        : null,
    })),
    unavailableSlotIds: Object.fromEntries(registrations.map((r) => [String(r._id), r.unavailableSlotIds ?? []])),
  };
}

/**
 * A fingerprint of everything the schedule depends on. The job computes outside the event's
 * meeting lock, then checks under the lock that nothing changed before it writes.
 */
export function snapshotFingerprint({ event, meetings, registrations }: ScheduleSnapshot): string {
  const sessions = event.sessions.map((s) => [String(s._id), s.startsAt.getTime(), s.endsAt.getTime(), s.slotMinutes, s.tables, s.maxMeetingsPerPerson, s.breaks.map((b) => [b.startsAt.getTime(), b.endsAt.getTime()])]);
  const meetingKeys = meetings.map((m) => `${String(m._id)}@${m.version}`).sort();
  const registrationKeys = registrations.map((r) => `${String(r._id)}:${[...(r.unavailableSlotIds ?? [])].sort().join(',')}`).sort();
  return JSON.stringify([sessions, meetingKeys, registrationKeys]);
}

export interface PlacementChange {
  meeting: MeetingDoc;
  placement: { sessionId: string; slotIndex: number; table: number; locked: boolean } | null;
}

/**
 * The meetings whose stored placement differs from the new schedule. A kept placement keeps its
 * lock as it was: "locked" means final for participants (moved by hand with a reschedule), so a
 * draft placement kept by an "only what is unscheduled" run must stay a draft until the organizer
 * publishes (that mode keeps every placed meeting anyway; "everything" may move unlocked ones).
 */
export function placementChanges(meetings: MeetingDoc[], result: ScheduleResult): PlacementChange[] {
  const outcomes = new Map(result.meetings.map((outcome) => [outcome.meetingId, outcome]));
  const changes: PlacementChange[] = [];
  for (const meeting of meetings) {
    const outcome = outcomes.get(String(meeting._id));
    if (!outcome) continue;
    const next = outcome.placement
      ? { sessionId: outcome.placement.sessionId, slotIndex: outcome.placement.slotIndex, table: outcome.placement.table, locked: outcome.placement.kept && Boolean(meeting.placement?.locked) }
      : null;
    const current = meeting.placement;
    const same = next && current
      ? String(current.sessionId) === next.sessionId && current.slotIndex === next.slotIndex && current.table === next.table && Boolean(current.locked) === next.locked
      : !next && !current;
    if (!same) changes.push({ meeting, placement: next });
  }
  return changes;
}
