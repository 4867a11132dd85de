import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import type { EventAccess } from './access';
import { buildCalendar, feedToken, feedTokenValid, type CalendarEntry } from './calendar';
import type { Directory } from './directory';
import { meetingViews, placementIsFinal } from './meeting-view';
import type { EventDoc, EventRegistrationDoc, MeetingDoc, MeetingModel } from './model';
import type { AgendaView, MeetingView } from './participation-schema';

export interface AgendaServiceDeps {
  meetings: MeetingModel;
  access: EventAccess;
  directory: Directory;
  publicUrl: string;
  secret: string;
  now?: () => Date;
}

/** Each participant's agenda: in the app (JSON) and as a subscribable iCalendar feed. */
export class AgendaService {
  constructor(private readonly deps: AgendaServiceDeps) {}

  async agenda(user: CurrentUser, eventId: string): Promise<AgendaView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const registration = await this.deps.access.requireRegistration(event, user);
    const meetings = (await this.meetingsOf(event, registration)).filter((m) => m.status === 'accepted');
    const views = await meetingViews(this.deps.directory, event, meetings, { userId: user.id, organizer: false }, this.deps.now?.() ?? new Date());
    return {
      eventId,
      eventTitle: event.title,
      timeZone: event.timeZone,
      venue: event.venue || event.onlineUrl || '',
      published: event.scheduleState?.status === 'published',
      items: views.sort(byTime),
      feedUrl: `${this.deps.publicUrl}/api/events/${eventId}/agenda.ics?user=${user.id}&token=${feedToken(this.deps.secret, eventId, user.id)}`,
    };
  }

  /**
   * The feed: every meeting of the user with a final placement. Meetings called off after they
   * were placed stay in the feed as STATUS:CANCELLED under the same UID, so subscribed calendars
   * drop them instead of keeping a stale entry.
   */
  async feed(eventId: string, userId: string, token: string): Promise<string> {
    if (!feedTokenValid(this.deps.secret, eventId, userId, token)) throw new HttpError(404, 'not_found', 'No calendar feed at this address; copy the link from your agenda again.');
    const event = await this.deps.access.load(eventId);
    const registration = await this.deps.access.registrationOf(event, userId);
    const meetings = registration ? (await this.meetingsOf(event, registration)).filter((m) => m.placement && placementIsFinal(event, m)) : [];
    const views = await meetingViews(this.deps.directory, event, meetings, { userId, organizer: false }, this.deps.now?.() ?? new Date());
    const byId = new Map(meetings.map((m) => [String(m._id), m]));
    const host = new URL(this.deps.publicUrl).hostname;
    const entries = views.flatMap((view): CalendarEntry[] => {
      const meeting = byId.get(view.id)!;
      if (!view.placement) return [];
      const other = view.role === 'requester' ? view.recipient : view.requester;
      const place = [view.placement.sessionTitle, `table ${view.placement.table}`, event.venue || event.onlineUrl].filter(Boolean).join(', ');
      return [
        {
          meetingId: view.id,
          sequence: meeting.version + (event.scheduleState?.version ?? 0),
          cancelled: view.status !== 'accepted' || event.status === 'cancelled',
          startsAt: new Date(view.placement.startsAt),
          endsAt: new Date(view.placement.endsAt),
          updatedAt: meeting.updatedAt,
          summary: `Meeting: ${other.name} (${other.organizationName})`,
          location: place,
          description: `${event.title}\nWith ${other.name}, ${other.organizationName}\nWhy: ${view.reason}`,
          url: `${this.deps.publicUrl}/events/${eventId}/agenda`,
        },
      ];
    });
    return buildCalendar(event.title, host, entries);
  }

  private async meetingsOf(event: EventDoc, registration: EventRegistrationDoc): Promise<MeetingDoc[]> {
    return this.deps.meetings
      .find({ eventId: event._id, $or: [{ requesterRegistrationId: registration._id }, { recipientRegistrationId: registration._id }] })
      .lean<MeetingDoc[]>();
  }
}

function byTime(a: MeetingView, b: MeetingView): number {
  if (a.placement && b.placement) return a.placement.startsAt.localeCompare(b.placement.startsAt);
  return a.placement ? -1 : b.placement ? 1 : a.createdAt.localeCompare(b.createdAt);
}

