import type { CurrentUser } from '../accounts/current-user';
import type { OrganizationModel } from '../organizations/model';
import { parseObjectId } from '../shared/ids';
import type { EventDoc, EventModel, EventRegistrationModel, MeetingDoc, MeetingModel } from './model';

export interface EventMembershipDeps {
  events: EventModel;
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  organizations: OrganizationModel;
}

/** Documents per batch and pause between batches of a scan-only read (see registeredUserIds). */
const GENTLE_BATCH = 200;
const GENTLE_PAUSE_MS = 20;

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

  /**
   * The users registered for the event (organizers are answered by isOrganizer, from the user's
   * own memberships). FerretDB can only scan for this, about 0.1 ms of its CPU per registration in
   * the collection (of any event); read in batches with a pause between them, it costs short slices
   * of CPU instead of a burst that message inserts would queue behind.
   */
  async registeredUserIds(eventId: string): Promise<string[]> {
    const event = await this.event(eventId);
    if (!event) return [];
    const ids: string[] = [];
    const cursor = this.deps.registrations.collection.find({ eventId: event._id }, { projection: { userId: 1 }, batchSize: GENTLE_BATCH });
    for await (const registration of cursor) {
      ids.push(String(registration['userId']));
      if (ids.length % GENTLE_BATCH === 0) await new Promise((resolve) => setTimeout(resolve, GENTLE_PAUSE_MS));
    }
    return ids;
  }

  /** The event and both organizations of an accepted meeting; null for any other status. */
  async acceptedMeeting(meetingId: string): Promise<{ eventId: string; organizationIds: [string, string] } | null> {
    const id = parseObjectId(meetingId);
    if (!id) return null;
    const meeting = await this.deps.meetings.findById(id).lean<MeetingDoc>();
    if (!meeting || meeting.status !== 'accepted') return null;
    return {
      eventId: String(meeting.eventId),
      organizationIds: [String(meeting.requesterOrganizationId), String(meeting.recipientOrganizationId)],
    };
  }

  /**
   * The events the user registered for and the accepted meetings of their organizations, for the
   * list of their chat rooms. Both reads scan on FerretDB; the Messages page asks once per visit.
   */
  async roomsOf(user: CurrentUser): Promise<{ eventIds: string[]; meetingIds: string[] }> {
    const organizationIds = user.memberships.map((membership) => membership.organizationId);
    const [registrations, meetings] = await Promise.all([
      this.deps.registrations.find({ userId: user.id }, { eventId: 1 }).lean<{ eventId: unknown }[]>(),
      organizationIds.length === 0
        ? []
        : this.deps.meetings
            .find({ status: 'accepted', $or: [{ requesterOrganizationId: { $in: organizationIds } }, { recipientOrganizationId: { $in: organizationIds } }] }, { _id: 1 })
            .lean<{ _id: unknown }[]>(),
    ]);
    return { eventIds: registrations.map((registration) => String(registration.eventId)), meetingIds: meetings.map((meeting) => String(meeting._id)) };
  }

  /** The title for the event's lobby chat, or null for an unknown event. */
  async lobbyTitle(eventId: string): Promise<string | null> {
    const event = await this.event(eventId);
    return event ? `${event.title} — lobby` : null;
  }

  /** The title for a meeting's private chat: both organizations and the event, or null. */
  async meetingTitle(meetingId: string): Promise<string | null> {
    const id = parseObjectId(meetingId);
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
    const id = parseObjectId(eventId);
    return id ? this.deps.events.findById(id).lean<EventDoc>() : null;
  }
}
