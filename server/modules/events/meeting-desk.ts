import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { toObjectId } from '../shared/ids';
import type { EventAccess } from './access';
import type { MeetingRecords } from './meeting-records';
import { effectiveStatus } from './meeting-states';
import { meetingViews } from './meeting-view';
import type { EventDoc, EventRegistrationDoc, EventRegistrationModel, MeetingDoc, MeetingModel } from './model';
import type { MeetingView, RatingBody, RescheduleBody } from './participation-schema';
import { parseSlotId, sessionSlots } from './slots';

export interface MeetingDeskDeps {
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  access: EventAccess;
  records: MeetingRecords;
  now?: () => Date;
}

/** What happens to an accepted meeting: moved to another slot, checked in at the event, rated afterwards. */
export class MeetingDesk {
  constructor(private readonly deps: MeetingDeskDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Moves an accepted meeting to a slot where both people are free and a table is; the placement
   * is locked so a later "schedule what is unscheduled" run keeps it. Either side or an organizer may do it.
   */
  async reschedule(user: CurrentUser, eventId: string, meetingId: string, body: RescheduleBody): Promise<MeetingView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const target = parseSlotId(body.slotId);
    const session = target && event.sessions.find((s) => String(s._id) === target.sessionId);
    const slot = session && sessionSlots(session)[target.index];
    if (!target || !session || !slot) throw new HttpError(400, 'validation_failed', `Slot ${body.slotId} is not a slot of this event.`, { field: 'slotId' });
    if (!slot.usable) throw new HttpError(409, 'conflict', 'That slot falls in a break.');
    if (body.table !== undefined && body.table > session.tables) {
      throw new HttpError(400, 'validation_failed', `The session has ${session.tables} tables.`, { field: 'table' });
    }
    const updated = await this.deps.records.withEventLock(eventId, async () => {
      const { meeting } = await this.deps.records.loadVisible(event, meetingId, user);
      if (effectiveStatus(meeting, this.now()) !== 'accepted') throw new HttpError(409, 'conflict', 'Only an accepted meeting can be rescheduled.');
      const sides = await this.deps.registrations.find({ _id: { $in: [meeting.requesterRegistrationId, meeting.recipientRegistrationId] } }).lean<EventRegistrationDoc[]>();
      if (sides.some((side) => side.unavailableSlotIds.includes(slot.id))) throw new HttpError(409, 'conflict', 'One of you cannot make that slot.');
      const inSession = (await this.deps.meetings.find({ eventId: event._id, status: 'accepted' }).lean<MeetingDoc[]>()).filter(
        (other) => !other._id.equals(meeting._id) && other.placement && String(other.placement.sessionId) === target.sessionId,
      );
      const people = [String(meeting.requesterRegistrationId), String(meeting.recipientRegistrationId)];
      const involves = (other: MeetingDoc) => people.includes(String(other.requesterRegistrationId)) || people.includes(String(other.recipientRegistrationId));
      const sameSlot = inSession.filter((other) => other.placement!.slotIndex === target.index);
      if (sameSlot.some(involves)) throw new HttpError(409, 'conflict', 'One of you already has a meeting in that slot.');
      for (const person of people) {
        const count = inSession.filter((other) => String(other.requesterRegistrationId) === person || String(other.recipientRegistrationId) === person).length;
        if (count >= session.maxMeetingsPerPerson) throw new HttpError(409, 'conflict', `One of you already has the session's maximum of ${session.maxMeetingsPerPerson} meetings.`);
      }
      const taken = new Set(sameSlot.map((other) => other.placement!.table));
      const table = body.table ?? Array.from({ length: session.tables }, (_, i) => i + 1).find((t) => !taken.has(t));
      if (table === undefined || taken.has(table)) throw new HttpError(409, 'conflict', body.table ? `Table ${body.table} is taken in that slot.` : 'Every table is taken in that slot.');
      return this.deps.records.update(meeting, { placement: { sessionId: toObjectId(target.sessionId), slotIndex: target.index, table, locked: true } });
    });
    await this.deps.records.notifyParties(
      event,
      updated,
      'meeting_update',
      ({ requester, recipient }) => ({
        title: `Meeting moved: ${requester} with ${recipient}`,
        body: `Now at ${slot.startsAt.toISOString()} (${session.title}), table ${updated.placement!.table}.`,
      }),
      user.id,
    );
    return this.view(event, updated, user);
  }

  /** Check-in at the event marks an accepted meeting as held; organizers or either side may do it. */
  async checkIn(user: CurrentUser, eventId: string, meetingId: string): Promise<MeetingView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const { meeting } = await this.deps.records.loadVisible(event, meetingId, user);
    if (effectiveStatus(meeting, this.now()) !== 'accepted') throw new HttpError(409, 'conflict', 'Only an accepted meeting can be checked in.');
    const updated = meeting.held ? meeting : await this.deps.records.update(meeting, { held: true });
    return this.view(event, updated, user);
  }

  /** Each side rates a held meeting once (a second rating replaces the first). */
  async rate(user: CurrentUser, eventId: string, meetingId: string, body: RatingBody): Promise<MeetingView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const { meeting, roles } = await this.deps.records.loadVisible(event, meetingId, user);
    if (!roles.includes('requester') && !roles.includes('recipient')) throw new HttpError(403, 'forbidden', 'Only the two sides of a meeting can rate it.');
    if (!meeting.held) throw new HttpError(409, 'conflict', 'Rate a meeting after it was held (checked in).');
    const ratings = [
      ...meeting.ratings.filter((rating) => String(rating.userId) !== user.id),
      { userId: toObjectId(user.id), stars: body.stars, outcome: body.outcome },
    ];
    return this.view(event, await this.deps.records.update(meeting, { ratings }), user);
  }

  private async view(event: EventDoc, meeting: MeetingDoc, user: CurrentUser): Promise<MeetingView> {
    const organizer = this.deps.access.isOrganizer(event, user);
    return (await meetingViews(this.deps.records.deps.directory, event, [meeting], { userId: user.id, organizer }, this.now()))[0]!;
  }
}
