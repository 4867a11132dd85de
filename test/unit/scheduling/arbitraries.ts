import fc from 'fast-check';
import type { SchedulingInput, SchedulingMeeting, SchedulingSession } from '../../../server/modules/events/scheduling';

export interface InstanceShape {
  maxSessions: number;
  maxSlots: number;
  maxTables: number;
  maxPeople: number;
  maxMeetings: number;
}

/**
 * Random scheduling instances: random breaks, tables and caps per session; random pairs (duplicates
 * and self-meetings included, as bad data can reach the job); random unavailability; some meetings
 * carry a placement — valid or not, locked or not — so kept placements and their clashes are exercised.
 */
export function instanceArbitrary(shape: InstanceShape): fc.Arbitrary<SchedulingInput> {
  const session = (k: number): fc.Arbitrary<SchedulingSession> =>
    fc.record({
      slotUsable: fc.array(fc.integer({ min: 0, max: 9 }).map((x) => x >= 3), { minLength: 1, maxLength: shape.maxSlots }),
      tables: fc.integer({ min: 1, max: shape.maxTables }),
      maxMeetingsPerPerson: fc.integer({ min: 1, max: shape.maxSlots }),
    }).map((s) => ({ id: `s${k}`, ...s }));
  return fc
    .integer({ min: 1, max: shape.maxSessions })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, k) => session(k))))
    .chain((sessions) => {
      const slotIds = sessions.flatMap((s) => s.slotUsable.map((_, i) => ({ sessionId: s.id, slotIndex: i })));
      const person = fc.integer({ min: 0, max: shape.maxPeople - 1 }).map((p) => `p${p}`);
      const placement = fc.option(
        fc.record({ slot: fc.constantFrom(...slotIds), table: fc.integer({ min: 1, max: shape.maxTables + 1 }), locked: fc.boolean() }).map(
          ({ slot, table, locked }) => ({ ...slot, table, locked }),
        ),
        { freq: 3 },
      );
      const meeting = fc.record({ personA: person, personB: person, score: fc.integer({ min: 0, max: 100 }), placement });
      return fc.record({
        sessions: fc.constant(sessions),
        meetings: fc.array(meeting, { maxLength: shape.maxMeetings }).map((list): SchedulingMeeting[] => list.map((m, i) => ({ id: `m${i}`, ...m }))),
        unavailableSlotIds: fc.dictionary(person, fc.subarray(slotIds.map((s) => `${s.sessionId}:${s.slotIndex}`), { maxLength: Math.min(4, slotIds.length) })),
        mode: fc.constantFrom('all' as const, 'unscheduled' as const),
      });
    });
}
