import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import type { MatchStore } from '../matches/store';
import { toObjectId } from '../shared/ids';
import type { EventAccess } from './access';
import { pairScoresOf, profileOf } from './match-scores';
import type { MeetingRecords } from './meeting-records';
import { checkTransition, effectiveStatus, OPEN_STATUSES, type MeetingAction } from './meeting-states';
import { meetingViews } from './meeting-view';
import type { EventDoc, EventRegistrationDoc, EventRegistrationModel, MeetingDoc, MeetingModel } from './model';
import type { MeetingListQuery, MeetingRequestBody, MeetingView } from './participation-schema';
import { meetingScore } from './recommendations';
import { canMeet } from './rules';

export interface MeetingServiceDeps {
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  access: EventAccess;
  records: MeetingRecords;
  matchStore: MatchStore;
  now?: () => Date;
}

const WORDS: Record<MeetingAction, string> = { accept: 'accepted', decline: 'declined', cancel: 'cancelled' };

/** Meeting requests and their state machine: request, accept, decline, cancel, expire. */
export class MeetingService {
  constructor(private readonly deps: MeetingServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async request(user: CurrentUser, eventId: string, body: MeetingRequestBody): Promise<MeetingView> {
    const { access, records } = this.deps;
    const event = await access.loadVisible(eventId, user);
    if (event.status !== 'published') throw new HttpError(409, 'conflict', `This event is ${event.status}; meetings can no longer be requested.`);
    const requester = await access.requireRegistration(event, user);
    const recipient = await this.deps.registrations.findById(toObjectId(body.recipientRegistrationId, 'participant')).lean<EventRegistrationDoc>();
    if (!recipient || String(recipient.eventId) !== eventId) throw new HttpError(404, 'not_found', `No participant ${body.recipientRegistrationId} in this event.`);
    if (String(recipient.organizationId) === String(requester.organizationId)) {
      throw new HttpError(400, 'validation_failed', 'You cannot request a meeting with your own organization.', { field: 'recipientRegistrationId' });
    }
    if (!canMeet(event.meetingRules, requester.groupKey, recipient.groupKey)) {
      const label = (key: string) => event.groups.find((g) => g.key === key)?.label ?? key;
      throw new HttpError(403, 'forbidden', `At this event ${label(requester.groupKey)} do not meet ${label(recipient.groupKey)}.`);
    }
    const score = meetingScore(profileOf(requester), profileOf(recipient), await pairScoresOf(this.deps.matchStore, requester));
    const created = await records.withEventLock(eventId, async () => {
      await this.expireStale(event);
      const mine = await this.deps.meetings.countDocuments({ eventId: event._id, requesterRegistrationId: requester._id, status: { $in: OPEN_STATUSES } });
      if (mine >= event.requestCapPerParticipant) {
        throw new HttpError(409, 'request_cap_reached', `You have reached this event's limit of ${event.requestCapPerParticipant} open requests; cancel one or wait for answers.`);
      }
      const pair = [requester._id, recipient._id];
      const existing = await this.deps.meetings.exists({
        eventId: event._id,
        status: { $in: OPEN_STATUSES },
        requesterRegistrationId: { $in: pair },
        recipientRegistrationId: { $in: pair },
      });
      if (existing) throw new HttpError(409, 'conflict', 'There is already an open request or meeting between you two.');
      const now = this.now();
      const autoAccept = event.acceptMode === 'auto-accept';
      const doc = await this.deps.meetings.create({
        eventId: event._id,
        requesterRegistrationId: requester._id,
        recipientRegistrationId: recipient._id,
        requesterUserId: requester.userId,
        recipientUserId: recipient.userId,
        requesterOrganizationId: requester.organizationId,
        recipientOrganizationId: recipient.organizationId,
        reason: body.reason,
        score,
        status: autoAccept ? 'accepted' : 'pending',
        expiresAt: autoAccept ? null : new Date(now.getTime() + event.requestExpiryHours * 3600_000),
        respondedAt: autoAccept ? now : null,
      });
      return doc.toObject() as MeetingDoc;
    });
    await records.notifyParties(
      event,
      created,
      created.status === 'accepted' ? 'meeting_update' : 'meeting_request',
      ({ requester: who, recipient: whom }) =>
        created.status === 'accepted'
          ? { title: `Meeting booked: ${who} with ${whom}`, body: `Requests are accepted automatically: ${body.reason}` }
          : { title: `${who} asks to meet ${whom}`, body: body.reason },
      user.id,
    );
    return this.view(event, created, user);
  }

  /** A participant's requests (incoming, outgoing or both); organizers may list every meeting with box=all. */
  async list(user: CurrentUser, eventId: string, query: MeetingListQuery): Promise<MeetingView[]> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const organizer = this.deps.access.isOrganizer(event, user);
    const filter: Record<string, unknown> = { eventId: event._id };
    const registration = await this.deps.access.registrationOf(event, user.id);
    if (!(organizer && query.box === 'all')) {
      if (!registration) throw new HttpError(403, 'forbidden', 'Register for this event first: only its participants can do this.');
      const me = registration._id;
      filter['$or'] =
        query.box === 'incoming' ? [{ recipientRegistrationId: me }] : query.box === 'outgoing' ? [{ requesterRegistrationId: me }] : [{ recipientRegistrationId: me }, { requesterRegistrationId: me }];
    }
    const now = this.now();
    let meetings = await this.deps.meetings.find(filter).sort({ _id: -1 }).lean<MeetingDoc[]>();
    if (query.status) meetings = meetings.filter((m) => effectiveStatus(m, now) === query.status);
    return meetingViews(this.deps.records.deps.directory, event, meetings, { userId: user.id, organizer }, now);
  }

  async get(user: CurrentUser, eventId: string, meetingId: string): Promise<MeetingView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const { meeting } = await this.deps.records.loadVisible(event, meetingId, user);
    return this.view(event, meeting, user);
  }

  async act(user: CurrentUser, eventId: string, meetingId: string, action: MeetingAction): Promise<MeetingView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const { meeting, roles } = await this.deps.records.loadVisible(event, meetingId, user);
    if (event.status === 'cancelled' && action !== 'cancel') throw new HttpError(409, 'conflict', 'This event is cancelled; its meetings can only be cancelled.');
    const now = this.now();
    const status = effectiveStatus(meeting, now);
    if (status === 'expired' && meeting.status === 'pending') await this.expire(event, meeting);
    const check = checkTransition(action, status, roles);
    if (!check.ok) throw new HttpError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.message);
    const updated = await this.deps.records.update(meeting, { status: check.to, respondedAt: now, expiresAt: null });
    const actor = roles.includes('organizer') && !roles.includes('requester') && !roles.includes('recipient') ? ' by the organizers' : '';
    await this.deps.records.notifyParties(
      event,
      updated,
      'meeting_update',
      ({ requester, recipient }) => ({ title: `Meeting ${WORDS[action]}${actor}: ${requester} with ${recipient}`, body: updated.reason }),
      user.id,
    );
    return this.view(event, updated, user);
  }

  /**
   * The sweep: stores "expired" on pending requests past their expiry and notifies both sides.
   * Reads already treat them as expired (effectiveStatus), so the sweep's timing never matters
   * for correctness, only for how soon people hear about it. Returns how many expired.
   */
  async expireDue(): Promise<number> {
    const now = this.now();
    const due = await this.deps.meetings.find({ status: 'pending', expiresAt: { $lte: now } }).lean<MeetingDoc[]>();
    const events = new Map<string, EventDoc>();
    let expired = 0;
    for (const meeting of due) {
      const eventId = String(meeting.eventId);
      const event = events.get(eventId) ?? (await this.deps.access.load(eventId).catch(() => null));
      if (!event) continue;
      events.set(eventId, event);
      if (await this.expire(event, meeting)) expired += 1;
    }
    return expired;
  }

  /** Stores the expiry of one request (false when someone else changed it first) and notifies both sides. */
  private async expire(event: EventDoc, meeting: MeetingDoc): Promise<boolean> {
    const updated = await this.deps.records.update(meeting, { status: 'expired' }).catch(() => null);
    if (!updated) return false;
    await this.deps.records.notifyParties(
      event,
      updated,
      'meeting_update',
      ({ requester, recipient }) => ({
        title: `Meeting request expired: ${requester} with ${recipient}`,
        body: 'It was not answered in time; send a new request if you still want to meet.',
      }),
      null,
    );
    return true;
  }

  /** Expired requests no longer count against the cap; store their expiry before counting. */
  private async expireStale(event: EventDoc): Promise<void> {
    const stale = await this.deps.meetings.find({ eventId: event._id, status: 'pending', expiresAt: { $lte: this.now() } }).lean<MeetingDoc[]>();
    for (const meeting of stale) await this.expire(event, meeting);
  }

  private async view(event: EventDoc, meeting: MeetingDoc, user: CurrentUser): Promise<MeetingView> {
    const organizer = this.deps.access.isOrganizer(event, user);
    return (await meetingViews(this.deps.records.deps.directory, event, [meeting], { userId: user.id, organizer }, this.now()))[0]!;
  }
}
