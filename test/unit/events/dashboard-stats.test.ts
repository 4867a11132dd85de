import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { dashboardStats } from '../../../server/modules/events/dashboard-stats';
import type { MeetingDoc } from '../../../server/modules/events/model';

const now = new Date('2027-03-10T12:00:00Z');
const orgA = new Types.ObjectId();
const orgB = new Types.ObjectId();

function meeting(fields: Record<string, unknown>): MeetingDoc {
  return {
    _id: new Types.ObjectId(),
    requesterOrganizationId: orgA,
    recipientOrganizationId: orgB,
    status: 'pending',
    expiresAt: null,
    score: 50,
    placement: null,
    held: false,
    ratings: [],
    ...fields,
  } as unknown as MeetingDoc;
}

describe('dashboard figures', () => {
  it('counts by kind and sector, requests by effective status, scheduled and held meetings, outcomes', () => {
    const userId = new Types.ObjectId();
    const stats = dashboardStats(
      [
        { kind: 'sme', sectors: ['C', 'C', 'G'] },
        { kind: 'university', sectors: ['C'] },
        { kind: 'sme', sectors: [] },
      ],
      [
        meeting({ status: 'pending', expiresAt: new Date('2027-03-10T11:00:00Z'), score: 99 }), // expired by now
        meeting({ status: 'accepted', score: 80, placement: { sessionId: new Types.ObjectId(), slotIndex: 0, table: 1, locked: false }, held: true, ratings: [{ userId, stars: 4, outcome: 'nda-signed' }, { userId, stars: 3, outcome: 'none' }] }),
        meeting({ status: 'accepted', score: 60 }),
        meeting({ status: 'declined', score: 95 }),
      ],
      (id) => (id === String(orgA) ? 'Alpha' : 'Beta'),
      now,
    );
    expect(stats.registrations).toEqual({
      total: 3,
      byOrganizationKind: [
        { kind: 'sme', count: 2 },
        { kind: 'university', count: 1 },
      ],
      bySector: [
        { sector: 'C', count: 2 },
        { sector: 'G', count: 1 },
      ],
    });
    expect(stats.requests.byStatus).toEqual([
      { status: 'pending', count: 0 },
      { status: 'accepted', count: 2 },
      { status: 'declined', count: 1 },
      { status: 'cancelled', count: 0 },
      { status: 'expired', count: 1 },
    ]);
    expect(stats.meetings).toEqual({ accepted: 2, scheduled: 1, held: 1 });
    // Only open or accepted pairs are "top pairs": declined and expired ones are not.
    expect(stats.topPairs.map((p) => [p.score, p.requesterOrganization, p.recipientOrganization])).toEqual([
      [80, 'Alpha', 'Beta'],
      [60, 'Alpha', 'Beta'],
    ]);
    expect(stats.ratings).toMatchObject({ count: 2, averageStars: 3.5 });
    expect(stats.ratings.byOutcome.find((o) => o.outcome === 'nda-signed')?.count).toBe(1);
  });

  it('has no average without ratings', () => {
    expect(dashboardStats([], [], () => '', now).ratings).toEqual({
      count: 0,
      averageStars: null,
      byOutcome: [
        { outcome: 'none', count: 0 },
        { outcome: 'follow-up-planned', count: 0 },
        { outcome: 'nda-signed', count: 0 },
        { outcome: 'agreement-reached', count: 0 },
      ],
    });
  });
});
