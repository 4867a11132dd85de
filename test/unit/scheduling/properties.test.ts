import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, firstFitSchedule, schedule, upperBound } from '../../../server/modules/events/scheduling';
import { instanceArbitrary } from './arbitraries';
import { bruteForceOptimum, stillFits } from './oracle';

// No time budget in effect: results must not depend on the machine's speed.
const options = { timeBudgetMs: 60_000 };
const medium = instanceArbitrary({ maxSessions: 3, maxSlots: 6, maxTables: 4, maxPeople: 12, maxMeetings: 40 });

describe('scheduler properties on random instances', () => {
  it('never double-books a person or table, never uses a break or unavailable slot, respects caps and keeps locked placements', () => {
    fc.assert(
      fc.property(medium, (input) => {
        const result = schedule(input, options);
        expect(checkSchedule(input, result)).toEqual([]);
        expect(result.placed + result.unplaced).toBe(input.meetings.length);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('leaves no unplaced meeting that would still fit, and places at least as many as first fit', () => {
    fc.assert(
      fc.property(medium, (input) => {
        const result = schedule(input, options);
        const baseline = firstFitSchedule(input);
        expect(checkSchedule(input, baseline)).toEqual([]);
        expect(stillFits(input, result)).toEqual([]);
        expect(result.placed).toBeGreaterThanOrEqual(baseline.placed);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('never places more than the upper bound, and the bound is never below the true optimum', () => {
    const tiny = instanceArbitrary({ maxSessions: 2, maxSlots: 3, maxTables: 2, maxPeople: 6, maxMeetings: 7 }).map((input) => ({
      ...input,
      mode: 'all' as const,
      meetings: input.meetings.map((m) => ({ ...m, placement: null })),
    }));
    fc.assert(
      fc.property(tiny, (input) => {
        const optimum = bruteForceOptimum(input);
        const result = schedule(input, options);
        expect(upperBound(input).value).toBeGreaterThanOrEqual(optimum);
        expect(result.bound.value).toBeGreaterThanOrEqual(optimum);
        expect(result.placed).toBe(optimum);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('gives each unplaced meeting a reason that the final schedule bears out', () => {
    fc.assert(
      fc.property(medium, (input) => {
        const result = schedule(input, options);
        result.meetings.forEach((outcome, i) => {
          const meeting = input.meetings[i]!;
          expect(outcome.reason === null).toBe(outcome.placement !== null);
          if (outcome.reason === 'same-person') expect(meeting.personA).toBe(meeting.personB);
          if (outcome.reason === 'no-common-slot') {
            const shared = input.sessions.some((s) =>
              s.slotUsable.some((usable, index) => usable && [meeting.personA, meeting.personB].every((p) => !(input.unavailableSlotIds?.[p] ?? []).includes(`${s.id}:${index}`))),
            );
            expect(shared).toBe(false);
          }
        });
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
