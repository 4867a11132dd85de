import type { Redis } from 'ioredis';
import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import type { NotificationService } from '../notifications/service';
import type { NotificationType } from '../notifications/model';
import { toObjectId } from '../shared/ids';
import { withRedisLock } from '../shared/redis-lock';
import type { EventAccess } from './access';
import type { Directory } from './directory';
import type { MeetingRole } from './meeting-states';
import type { EventDoc, MeetingDoc, MeetingModel } from './model';

export interface MeetingRecordsDeps {
  meetings: MeetingModel;
  access: EventAccess;
  directory: Directory;
  notifications: NotificationService;
  redis: Redis;
  /** Prefix of the app's own Redis keys. */
  redisPrefix: string;
  log?: (message: string, data?: unknown) => void;
}

/**
 * The lock every writer that creates meetings or moves them between slots holds per event, so
 * the request cap and "one table, one meeting per slot" hold under concurrent requests.
 */
export function eventMeetingsLockKey(redisPrefix: string, eventId: string): string {
  return `${redisPrefix}:lock:event-meetings:${eventId}`;
}

/** Loading, guarded updates, roles and notifications shared by the meeting services. */
export class MeetingRecords {
  constructor(readonly deps: MeetingRecordsDeps) {}

  withEventLock<T>(eventId: string, fn: () => Promise<T>): Promise<T> {
    return withRedisLock(this.deps.redis, eventMeetingsLockKey(this.deps.redisPrefix, eventId), fn);
  }

  async load(event: EventDoc, meetingId: string): Promise<MeetingDoc> {
    const meeting = await this.deps.meetings.findById(toObjectId(meetingId, 'meeting')).lean<MeetingDoc>();
    if (!meeting || String(meeting.eventId) !== String(event._id)) throw new HttpError(404, 'not_found', `No meeting with id ${meetingId} in this event.`);
    return meeting;
  }

  roles(event: EventDoc, meeting: MeetingDoc, user: CurrentUser): MeetingRole[] {
    const roles: MeetingRole[] = [];
    if (String(meeting.requesterUserId) === user.id) roles.push('requester');
    if (String(meeting.recipientUserId) === user.id) roles.push('recipient');
    if (this.deps.access.isOrganizer(event, user)) roles.push('organizer');
    return roles;
  }

  /** A meeting only its two sides and the event's organizers may see (404 for others: it does not leak). */
  async loadVisible(event: EventDoc, meetingId: string, user: CurrentUser): Promise<{ meeting: MeetingDoc; roles: MeetingRole[] }> {
    const meeting = await this.load(event, meetingId);
    const roles = this.roles(event, meeting, user);
    if (roles.length === 0) throw new HttpError(404, 'not_found', `No meeting with id ${meetingId} in this event.`);
    return { meeting, roles };
  }

  /** Applies `set` if nobody changed the meeting since it was read; bumps the version (the iCalendar SEQUENCE follows it). */
  async update(meeting: MeetingDoc, set: Record<string, unknown>): Promise<MeetingDoc> {
    const updated = await this.deps.meetings
      .findOneAndUpdate({ _id: meeting._id, version: meeting.version }, { $set: set, $inc: { version: 1 } }, { returnDocument: 'after', runValidators: true })
      .lean<MeetingDoc>();
    if (!updated) throw new HttpError(409, 'conflict', 'This meeting changed meanwhile; reload it and try again.');
    return updated;
  }

  /**
   * Tells the two people of the meeting (not their whole organizations: colleagues who are not at
   * the table need not hear of it). A notification failing must not undo the change it reports,
   * so errors are logged; the dedupe key makes a retried change notify once. The person who made
   * the change (`actorUserId`) is not told of it: they just did it and see it on their screen.
   */
  async notifyParties(
    event: EventDoc,
    meeting: MeetingDoc,
    type: NotificationType,
    describe: (names: { requester: string; recipient: string }) => { title: string; body: string },
    actorUserId: string | null,
  ) {
    const recipients = [...new Set([String(meeting.requesterUserId), String(meeting.recipientUserId)])].filter((userId) => userId !== actorUserId);
    if (recipients.length === 0) return;
    try {
      const names = await this.deps.directory.organizations([meeting.requesterOrganizationId, meeting.recipientOrganizationId]);
      const people = await this.deps.directory.userNames([meeting.requesterUserId, meeting.recipientUserId]);
      const label = (userId: unknown, organizationId: unknown) => `${people.get(String(userId)) ?? 'Someone'} (${names.get(String(organizationId))?.name ?? 'an organization'})`;
      const text = describe({ requester: label(meeting.requesterUserId, meeting.requesterOrganizationId), recipient: label(meeting.recipientUserId, meeting.recipientOrganizationId) });
      const notification = { type, ...text, body: `${text.body} — ${event.title}`, link: `/events/${String(event._id)}/meetings`, dedupeKey: `meeting:${String(meeting._id)}:v${meeting.version}` };
      await this.deps.notifications.notifyUsers(recipients, notification);
    } catch (error) {
      this.deps.log?.('meeting notification failed', { meetingId: String(meeting._id), err: error });
    }
  }
}
