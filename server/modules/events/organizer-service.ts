import type { CurrentUser } from '../accounts/current-user';
import type { EventAccess } from './access';
import { toCsv } from './csv';
import { dashboardStats } from './dashboard-stats';
import type { Directory } from './directory';
import { effectiveStatus } from './meeting-states';
import { meetingViews } from './meeting-view';
import type { EventRegistrationDoc, EventRegistrationModel, MeetingDoc, MeetingModel } from './model';
import type { DashboardView } from './participation-schema';

export interface OrganizerServiceDeps {
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  access: EventAccess;
  directory: Directory;
  now?: () => Date;
}

/** The organizer's dashboard and CSV exports; only the event's organizers reach them. */
export class OrganizerService {
  constructor(private readonly deps: OrganizerServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async dashboard(user: CurrentUser, eventId: string): Promise<DashboardView> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    const [registrations, meetings] = await Promise.all([
      this.deps.registrations.find({ eventId: event._id }).lean<EventRegistrationDoc[]>(),
      this.deps.meetings.find({ eventId: event._id }).lean<MeetingDoc[]>(),
    ]);
    const organizations = await this.deps.directory.organizations([
      ...registrations.map((r) => r.organizationId),
      ...meetings.flatMap((m) => [m.requesterOrganizationId, m.recipientOrganizationId]),
    ]);
    const registered = registrations.map((r) => {
      const organization = organizations.get(String(r.organizationId));
      return { kind: organization?.kind ?? 'unknown', sectors: organization?.sectors ?? [] };
    });
    return dashboardStats(registered, meetings, (id) => organizations.get(id)?.name ?? '', this.now());
  }

  /** Participants with contact e-mails: the organizer needs them to run the event. */
  async participantsCsv(user: CurrentUser, eventId: string): Promise<string> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    const registrations = await this.deps.registrations.find({ eventId: event._id }).sort({ _id: 1 }).lean<EventRegistrationDoc[]>();
    const [names, emails, organizations, listings] = await Promise.all([
      this.deps.directory.userNames(registrations.map((r) => r.userId)),
      this.deps.directory.userEmails(registrations.map((r) => r.userId)),
      this.deps.directory.organizations(registrations.map((r) => r.organizationId)),
      this.deps.directory.listings(registrations.flatMap((r) => r.needIds), registrations.flatMap((r) => r.outputIds)),
    ]);
    const titles = (ids: unknown[]) => ids.map((id) => listings.get(String(id))?.title ?? '').filter(Boolean).join('; ');
    const rows = registrations.map((r) => {
      const organization = organizations.get(String(r.organizationId));
      return [
        String(r._id),
        names.get(String(r.userId)) ?? '',
        emails.get(String(r.userId)) ?? '',
        organization?.name ?? '',
        organization?.kind ?? '',
        organization?.country ?? '',
        event.groups.find((g) => g.key === r.groupKey)?.label ?? r.groupKey,
        (organization?.sectors ?? []).join(' '),
        r.interests.join(' '),
        titles(r.needIds),
        titles(r.outputIds),
        r.lookingFor ?? '',
        r.createdAt,
      ];
    });
    return toCsv(
      ['registration_id', 'name', 'email', 'organization', 'organization_kind', 'country', 'group', 'sectors', 'interests', 'needs', 'research_outputs', 'looking_for', 'registered_at'],
      rows,
    );
  }

  async meetingsCsv(user: CurrentUser, eventId: string): Promise<string> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    const meetings = await this.deps.meetings.find({ eventId: event._id }).sort({ _id: 1 }).lean<MeetingDoc[]>();
    const now = this.now();
    const views = await meetingViews(this.deps.directory, event, meetings, { userId: user.id, organizer: true }, now);
    const rows = views.map((view, i) => {
      const meeting = meetings[i]!;
      const stars = (userId: string) => meeting.ratings.find((r) => String(r.userId) === userId);
      const requesterRating = stars(view.requester.userId);
      const recipientRating = stars(view.recipient.userId);
      return [
        view.id,
        effectiveStatus(meeting, now),
        view.score,
        view.requester.name,
        view.requester.organizationName,
        view.recipient.name,
        view.recipient.organizationName,
        view.reason,
        view.placement?.sessionTitle ?? '',
        view.placement?.startsAt ?? '',
        view.placement?.endsAt ?? '',
        view.placement?.table ?? '',
        view.placement ? (view.placement.draft ? 'draft' : 'final') : '',
        view.held ? 'yes' : 'no',
        requesterRating?.stars ?? '',
        requesterRating?.outcome ?? '',
        recipientRating?.stars ?? '',
        recipientRating?.outcome ?? '',
      ];
    });
    return toCsv(
      ['meeting_id', 'status', 'score', 'requester', 'requester_organization', 'recipient', 'recipient_organization', 'reason', 'session', 'starts_at', 'ends_at', 'table', 'schedule', 'held', 'requester_stars', 'requester_outcome', 'recipient_stars', 'recipient_outcome'],
      rows,
    );
  }
}
