import type { EventDoc } from './model';
import type { EventSummary, EventView, SessionView } from './schema';
import { sessionSlots } from './slots';
import { registrationWindowOpen } from './access';
import { plainSession } from './session-fields';

type SessionDoc = EventDoc['sessions'][number] & { _id: unknown };

export function toSessionView(session: SessionDoc): SessionView {
  return {
    id: String(session._id),
    ...plainSession(session),
    slots: sessionSlots(session).map((slot) => ({
      id: slot.id,
      index: slot.index,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      usable: slot.usable,
    })),
  };
}

export interface ViewContext {
  organizerName: string;
  registrations: number;
  organizer: boolean;
  registrationId: string | null;
  now: Date;
}

export function toEventView(event: EventDoc, context: ViewContext): EventView {
  return {
    id: String(event._id),
    organizerOrganizationId: String(event.organizerOrganizationId),
    organizerName: context.organizerName,
    status: event.status,
    title: event.title,
    description: event.description ?? '',
    type: event.type,
    venue: event.venue ?? '',
    // The link lets anyone into the meeting room: only participants and organizers get it.
    onlineUrl: context.organizer || context.registrationId ? (event.onlineUrl ?? '') : '',
    hasOnlineLink: Boolean(event.onlineUrl),
    timeZone: event.timeZone,
    sectors: event.sectors,
    registrationOpensAt: event.registrationOpensAt.toISOString(),
    registrationClosesAt: event.registrationClosesAt.toISOString(),
    groups: event.groups.map((group) => ({ key: group.key, label: group.label, organizationKinds: group.organizationKinds as EventView['groups'][number]['organizationKinds'] })),
    meetingRules: event.meetingRules.map((rule) => ({ groupA: rule.groupA, groupB: rule.groupB })),
    requestCapPerParticipant: event.requestCapPerParticipant,
    requestExpiryHours: event.requestExpiryHours,
    acceptMode: event.acceptMode,
    sessions: [...event.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map(toSessionView),
    scheduleStatus: event.scheduleState?.status ?? 'none',
    registrationOpen: registrationWindowOpen(event, context.now),
    registrations: context.registrations,
    viewer: { organizer: context.organizer, registrationId: context.registrationId },
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

export function toEventSummary(event: EventDoc, organizerName: string, now: Date): EventSummary {
  const first = [...event.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  return {
    id: String(event._id),
    title: event.title,
    type: event.type,
    status: event.status,
    organizerName,
    venue: event.venue ?? '',
    timeZone: event.timeZone,
    sectors: [...(event.sectors ?? [])],
    startsAt: first ? first.startsAt.toISOString() : null,
    registrationOpensAt: event.registrationOpensAt.toISOString(),
    registrationClosesAt: event.registrationClosesAt.toISOString(),
    registrationOpen: registrationWindowOpen(event, now),
  };
}
