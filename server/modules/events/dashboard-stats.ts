import { effectiveStatus } from './meeting-states';
import { MEETING_OUTCOMES, MEETING_STATUSES, type MeetingDoc } from './model';
import type { DashboardView } from './participation-schema';

const TOP_PAIRS = 10;

export interface RegisteredOrganization {
  kind: string;
  sectors: string[];
}

function counted<K extends string>(key: K, values: string[], order?: readonly string[]) {
  const counts = new Map<string, number>();
  for (const value of order ?? []) counts.set(value, 0);
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rows = [...counts].map(([name, count]) => ({ [key]: name, count }) as Record<K, string> & { count: number });
  return order ? rows : rows.sort((a, b) => b.count - a.count || a[key].localeCompare(b[key]));
}

/**
 * The organizer's figures, pure over the event's registrations (with their organizations) and
 * meetings. A meeting is "scheduled" once accepted and placed; "held" once checked in.
 */
export function dashboardStats(
  registrations: RegisteredOrganization[],
  meetings: MeetingDoc[],
  organizationName: (id: string) => string,
  now: Date,
): DashboardView {
  const statuses = meetings.map((m) => effectiveStatus(m, now));
  const accepted = meetings.filter((_, i) => statuses[i] === 'accepted');
  const ratings = meetings.flatMap((m) => m.ratings);
  const top = [...meetings]
    .map((m, i) => ({ m, status: statuses[i]! }))
    .filter(({ status }) => status === 'accepted' || status === 'pending')
    .sort((a, b) => b.m.score - a.m.score || String(a.m._id).localeCompare(String(b.m._id)))
    .slice(0, TOP_PAIRS);
  return {
    registrations: {
      total: registrations.length,
      byOrganizationKind: counted('kind', registrations.map((r) => r.kind)),
      // An organization with several sectors counts once in each.
      bySector: counted('sector', registrations.flatMap((r) => [...new Set(r.sectors)])),
    },
    requests: { total: meetings.length, byStatus: counted('status', statuses, MEETING_STATUSES) },
    meetings: {
      accepted: accepted.length,
      scheduled: accepted.filter((m) => m.placement).length,
      held: accepted.filter((m) => m.held).length,
    },
    topPairs: top.map(({ m, status }) => ({
      meetingId: String(m._id),
      status,
      score: m.score,
      requesterOrganization: organizationName(String(m.requesterOrganizationId)),
      recipientOrganization: organizationName(String(m.recipientOrganizationId)),
    })),
    ratings: {
      count: ratings.length,
      averageStars: ratings.length ? Math.round((ratings.reduce((sum, r) => sum + r.stars, 0) / ratings.length) * 100) / 100 : null,
      byOutcome: counted('outcome', ratings.map((r) => r.outcome), MEETING_OUTCOMES),
    },
  };
}
