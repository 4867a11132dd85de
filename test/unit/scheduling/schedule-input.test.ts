import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { EventDoc, EventRegistrationDoc, MeetingDoc } from '../../../server/modules/events/model';
import { placementChanges, schedulingInput, snapshotFingerprint } from '../../../server/modules/events/schedule-input';
import { schedule } from '../../../server/modules/events/scheduling';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));
const sessionId = new Types.ObjectId();
// 09:00–10:40 in 20-minute slots, a break 09:40–10:00: slot 2 is not usable.
const event = {
  _id: new Types.ObjectId(),
  sessions: [{ _id: sessionId, title: 'Morning', startsAt: at(0), endsAt: at(100), slotMinutes: 20, breaks: [{ startsAt: at(40), endsAt: at(60) }], tables: 1, maxMeetingsPerPerson: 3 }],
} as unknown as EventDoc;
const [ana, bo, cy] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const registrations = [
  { _id: ana, unavailableSlotIds: [`${String(sessionId)}:0`] },
  { _id: bo, unavailableSlotIds: [] },
  { _id: cy, unavailableSlotIds: [] },
] as unknown as EventRegistrationDoc[];
const meeting = (a: Types.ObjectId, b: Types.ObjectId, score: number, placement: MeetingDoc['placement'] = null) =>
  ({ _id: new Types.ObjectId(), requesterRegistrationId: a, recipientRegistrationId: b, score, placement, version: 3 }) as unknown as MeetingDoc;

describe('the job’s bridge between documents and the pure scheduler', () => {
  it('derives usable slots from breaks and uses registrations as people', () => {
    const meetings = [meeting(ana, bo, 80), meeting(bo, cy, 40)];
    const input = schedulingInput({ event, meetings, registrations }, 'all');
    expect(input.sessions).toEqual([{ id: String(sessionId), slotUsable: [true, true, false, true, true], tables: 1, maxMeetingsPerPerson: 3 }]);
    expect(input.meetings[0]).toMatchObject({ personA: String(ana), personB: String(bo), score: 80, placement: null });
    expect(input.unavailableSlotIds![String(ana)]).toEqual([`${String(sessionId)}:0`]);
  });

  it('writes only changed placements, and leaves kept ones as they were (a draft stays a draft)', () => {
    const kept = meeting(bo, cy, 40, { sessionId, slotIndex: 4, table: 1, locked: false });
    const fresh = meeting(ana, bo, 80);
    const snapshot = { event, meetings: [kept, fresh], registrations };
    const result = schedule(schedulingInput(snapshot, 'unscheduled'));
    const changes = placementChanges(snapshot.meetings, result);
    expect(changes.map((c) => [String(c.meeting._id), c.placement])).toEqual([[String(fresh._id), expect.objectContaining({ locked: false })]]);
    expect(changes[0]!.placement!.slotIndex).not.toBe(0);
    // Stored as written, a second "only what is unscheduled" run changes nothing.
    const stored = [kept, { ...fresh, placement: { ...changes[0]!.placement!, sessionId } }] as unknown as MeetingDoc[];
    const rerun = placementChanges(stored, schedule(schedulingInput({ ...snapshot, meetings: stored }, 'unscheduled')));
    expect(rerun).toEqual([]);
  });

  it('changes its fingerprint when a meeting, an unavailability or a session changes', () => {
    const meetings = [meeting(ana, bo, 80)];
    const base = snapshotFingerprint({ event, meetings, registrations });
    expect(snapshotFingerprint({ event, meetings: [{ ...meetings[0]!, version: 4 }], registrations })).not.toBe(base);
    expect(snapshotFingerprint({ event, meetings, registrations: [{ ...registrations[0]!, unavailableSlotIds: [] }, ...registrations.slice(1)] })).not.toBe(base);
    expect(snapshotFingerprint({ event: { ...event, sessions: [{ ...event.sessions[0]!, tables: 2 }] } as EventDoc, meetings, registrations })).not.toBe(base);
    expect(snapshotFingerprint({ event, meetings: [...meetings], registrations: [...registrations].reverse() })).toBe(base);
  });
});
