import { Types } from 'mongoose';
import type { CurrentUser } from '../accounts/current-user';
import type { UserDoc, UserModel } from '../accounts/model';
import type { OrganizationModel } from '../organizations/model';
import type { EventDoc, EventModel, EventRegistrationModel, MeetingDoc, MeetingModel } from './model';

export interface EventMembershipDeps {
  events: EventModel;
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  users: UserModel;
  organizations: OrganizationModel;
}

const objectId = (id: string): Types.ObjectId | null => (/^[0-9a-fA-F]{24}$/.test(id) ? new Types.ObjectId(id) : null);

/**
 * Who belongs to an event: the organizers (members of the organizing organization, and platform
 * admins) and the registered participants. The scheduler and the chat ask it before they act;
 * every answer reads the current documents, so a cancelled registration takes effect at once.
 */
export class EventMembership {
  constructor(private readonly deps: EventMembershipDeps) {}

  async isOrganizer(eventId: string, user: CurrentUser): Promise<boolean> {
    const event = await this.event(eventId);
    if (!event) return false;
    if (user.platformAdmin) return true;
    const organizerId = String(event.organizerOrganizationId);
    return user.memberships.some((membership) => membership.organizationId === organizerId);
  }

  /** Registered participants and the organizer organization's members. */
  async isParticipant(eventId: string, userId: string): Promise<boolean> {
    const event = await this.event(eventId);
    const user = objectId(userId);
    if (!event || !user) return false;
    const registered = await this.deps.registrations.exists({ eventId: event._id, userId: user });
    if (registered) return true;
    const organizer = await this.deps.users.exists({ _id: user, 'memberships.organizationId': event.organizerOrganizationId });
    return organizer !== null;
  }

  async participantUserIds(eventId: string): Promise<string[]> {
    const event = await this.event(eventId);
    if (!event) return [];
    const [registrations, organizers] = await Promise.all([
      this.deps.registrations.find({ eventId: event._id }, { userId: 1 }).lean<{ userId: Types.ObjectId }[]>(),
      this.deps.users.find({ 'memberships.organizationId': event.organizerOrganizationId }, { _id: 1 }).lean<UserDoc[]>(),
    ]);
    return [...new Set([...registrations.map((r) => String(r.userId)), ...organizers.map((u) => String(u._id))])];
  }

  /** The event and both organizations of an accepted meeting; null for any other status. */
  async acceptedMeeting(meetingId: string): Promise<{ eventId: string; organizationIds: [string, string] } | null> {
    const id = objectId(meetingId);
    if (!id) return null;
    const meeting = await this.deps.meetings.findById(id).lean<MeetingDoc>();
    if (!meeting || meeting.status !== 'accepted') return null;
    return {
      eventId: String(meeting.eventId),
      organizationIds: [String(meeting.requesterOrganizationId), String(meeting.recipientOrganizationId)],
    };
  }

  /** The title for the event's lobby chat, or null for an unknown event. */
  async lobbyTitle(eventId: string): Promise<string | null> {
    const event = await this.event(eventId);
    return event ? `${event.title} — lobby` : null;
  }

  /** The title for a meeting's private chat: both organizations and the event, or null. */
  async meetingTitle(meetingId: string): Promise<string | null> {
    const id = objectId(meetingId);
    const meeting = id ? await this.deps.meetings.findById(id).lean<MeetingDoc>() : null;
    if (!meeting) return null;
    const [event, requester, recipient] = await Promise.all([
      this.deps.events.findById(meeting.eventId).lean<EventDoc>(),
      this.deps.organizations.findById(meeting.requesterOrganizationId, { name: 1 }).lean<{ name: string }>(),
      this.deps.organizations.findById(meeting.recipientOrganizationId, { name: 1 }).lean<{ name: string }>(),
    ]);
    return `${requester?.name ?? 'Requester'} and ${recipient?.name ?? 'recipient'} — ${event?.title ?? 'meeting'}`;
  }

  private async event(eventId: string): Promise<EventDoc | null> {
    const id = objectId(eventId);
    return id ? this.deps.events.findById(id).lean<EventDoc>() : null;
  }
}
