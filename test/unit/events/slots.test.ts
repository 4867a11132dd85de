import { describe, expect, it } from 'vitest';
import { parseSlotId, sessionSlots, slotId, slotTimes } from '../../../server/modules/events/slots';

const SESSION = '0123456789abcdef01234567';
const at = (time: string) => new Date(`2027-03-10T${time}:00Z`);

describe('derived slots', () => {
  it('cuts a session into whole slots and marks those overlapping a break unusable', () => {
    const slots = sessionSlots({ _id: SESSION, startsAt: at('09:00'), endsAt: at('10:50'), slotMinutes: 20, breaks: [{ startsAt: at('09:50'), endsAt: at('10:05') }] });
    // 110 minutes hold five whole 20-minute slots; the trailing 10 minutes are dropped.
    expect(slots.map((s) => [s.index, s.startsAt.toISOString().slice(11, 16), s.usable])).toEqual([
      [0, '09:00', true],
      [1, '09:20', true],
      [2, '09:40', false], // 09:40–10:00 overlaps the break from 09:50
      [3, '10:00', false], // 10:00–10:20 overlaps the break until 10:05
      [4, '10:20', true],
    ]);
    expect(slots[1]!.id).toBe(`${SESSION}:1`);
  });

  it('treats a break that only touches a slot boundary as no overlap', () => {
    const slots = sessionSlots({ _id: SESSION, startsAt: at('09:00'), endsAt: at('10:00'), slotMinutes: 15, breaks: [{ startsAt: at('09:30'), endsAt: at('09:45') }] });
    expect(slots.map((s) => s.usable)).toEqual([true, true, false, true]);
  });

  it('gives no slots to a session shorter than one slot', () => {
    expect(sessionSlots({ _id: SESSION, startsAt: at('09:00'), endsAt: at('09:10'), slotMinutes: 15, breaks: [] })).toEqual([]);
  });

  it('parses slot ids and finds slot times', () => {
    expect(parseSlotId(slotId(SESSION, 12))).toEqual({ sessionId: SESSION, index: 12 });
    expect(parseSlotId(`${SESSION.toUpperCase()}:3`)).toEqual({ sessionId: SESSION, index: 3 });
    expect(parseSlotId('nonsense:1')).toBeNull();
    expect(parseSlotId(`${SESSION}:-1`)).toBeNull();
    const session = { _id: SESSION, startsAt: at('09:00'), endsAt: at('10:00'), slotMinutes: 30, breaks: [] };
    expect(slotTimes(session, 1)).toEqual({ startsAt: at('09:30'), endsAt: at('10:00') });
    expect(slotTimes(session, 2)).toBeNull();
  });
});
