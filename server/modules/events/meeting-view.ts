import type { Directory } from './directory';
import { effectiveStatus } from './meeting-states';
import type { EventDoc, MeetingDoc } from './model';
import type { MeetingView } from './participation-schema';
import { slotId, slotTimes } from './slots';

/** Who is looking: one side of the meeting, or an organizer (who sees draft placements too). */
export interface Viewer {
  userId: string;
  organizer: boolean;
}

/**
 * A placement is shown to participants once it is final: the schedule is published, or the
 * placement is locked (kept by the scheduler, or moved by hand with a reschedule).
 */
export function placementIsFinal(event: EventDoc, meeting: MeetingDoc): boolean {
  return event.scheduleState?.status === 'published' || Boolean(meeting.placement?.locked);
}

/** Meetings as self-sufficient views: names, organizations and slot times included. */
export async function meetingViews(directory: Directory, event: EventDoc, meetings: MeetingDoc[], viewer: Viewer, now: Date): Promise<MeetingView[]> {
  const [names, organizations] = await Promise.all([
    directory.userNames(meetings.flatMap((m) => [m.requesterUserId, m.recipientUserId])),
    directory.organizations(meetings.flatMap((m) => [m.requesterOrganizationId, m.recipientOrganizationId])),
  ]);
  const side = (registrationId: unknown, userId: unknown, organizationId: unknown) => {
    const organization = organizations.get(String(organizationId));
    return {
      registrationId: String(registrationId),
      userId: String(userId),
      name: names.get(String(userId)) ?? '',
      organizationId: String(organizationId),
      organizationName: organization?.name ?? '',
      organizationKind: organization?.kind ?? 'sme',
    };
  };
  return meetings.map((m) => ({
    id: String(m._id),
    eventId: String(m.eventId),
    status: effectiveStatus(m, now),
    reason: m.reason,
    score: m.score,
    requester: side(m.requesterRegistrationId, m.requesterUserId, m.requesterOrganizationId),
    recipient: side(m.recipientRegistrationId, m.recipientUserId, m.recipientOrganizationId),
    role: String(m.requesterUserId) === viewer.userId ? 'requester' : String(m.recipientUserId) === viewer.userId ? 'recipient' : 'organizer',
    expiresAt: m.status === 'pending' && m.expiresAt ? m.expiresAt.toISOString() : null,
    respondedAt: m.respondedAt ? m.respondedAt.toISOString() : null,
    placement: placementView(event, m, viewer),
    held: m.held,
    ratings: m.ratings.map((r) => ({ userId: String(r.userId), stars: r.stars, outcome: r.outcome })),
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  }));
}

function placementView(event: EventDoc, meeting: MeetingDoc, viewer: Viewer): MeetingView['placement'] {
  const placement = meeting.placement;
  if (!placement) return null;
  const final = placementIsFinal(event, meeting);
  if (!final && !viewer.organizer) return null;
  const session = event.sessions.find((s) => String(s._id) === String(placement.sessionId));
  const times = session ? slotTimes(session, placement.slotIndex) : null;
  if (!session || !times) return null;
  return {
    sessionId: String(session._id),
    sessionTitle: session.title,
    slotId: slotId(String(session._id), placement.slotIndex),
    slotIndex: placement.slotIndex,
    table: placement.table,
    startsAt: times.startsAt.toISOString(),
    endsAt: times.endsAt.toISOString(),
    locked: placement.locked,
    draft: !final,
  };
}
