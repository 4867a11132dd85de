import { Types } from 'mongoose';
import { HttpError } from '../../plugins/errors';
import { requireCleared } from '../organizations/verification';
import type { CurrentUser } from '../accounts/current-user';
import type { OrganizationDoc, OrganizationModel } from '../organizations/model';
import { toObjectId } from '../shared/ids';
import type { EventAccess } from './access';
import { toEventSummary, toEventView } from './event-view';
import { ORGANIZER_KINDS, type EventDoc, type EventModel, type EventRegistrationModel, type MeetingModel } from './model';
import { groupAndRuleProblems } from './rules';
import type { CreateEventBody, EventListQuery, EventSummary, EventView, SessionBody, UpdateEventBody, UpdateSessionBody } from './schema';
import { checkSession, plainSession, sessionFields } from './session-fields';

export interface EventServiceDeps {
  events: EventModel;
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  organizations: OrganizationModel;
  access: EventAccess;
  now?: () => Date;
}

/** Session fields that move slots: they cannot change once meetings are placed in the session. */
const SLOT_SHAPING = ['startsAt', 'endsAt', 'slotMinutes', 'breaks', 'tables'] as const;

/** Events and their sessions, managed by the organizing organization's members. */
export class EventService {
  constructor(private readonly deps: EventServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async create(user: CurrentUser, body: CreateEventBody): Promise<EventView> {
    const organization = await this.deps.organizations.findById(toObjectId(body.organizerOrganizationId, 'organization')).lean<OrganizationDoc>();
    if (!organization) throw new HttpError(404, 'not_found', `No organization with id ${body.organizerOrganizationId}.`);
    if (!user.platformAdmin && !user.memberships.some((m) => m.organizationId === body.organizerOrganizationId)) {
      throw new HttpError(403, 'forbidden', 'Only members of the organizing organization can create its events.');
    }
    if (!(ORGANIZER_KINDS as readonly string[]).includes(organization.kind)) {
      throw new HttpError(403, 'forbidden', `Events are organized by ${ORGANIZER_KINDS.join(', ')} organizations, not by an ${organization.kind}.`);
    }
    requireCleared(organization, 'create events');
    const fields = this.validated(body);
    const created = await this.deps.events.create({ ...fields, organizerOrganizationId: organization._id, createdBy: toObjectId(user.id), status: 'draft' });
    return this.view(created.toObject() as EventDoc, user);
  }

  async get(user: CurrentUser | null, eventId: string): Promise<EventView> {
    return this.view(await this.deps.access.loadVisible(eventId, user), user);
  }

  /** Published events, newest first; `mine` lists the events the user organizes or joined, in any status; `sector` narrows either. */
  async list(user: CurrentUser | null, query: EventListQuery): Promise<EventSummary[]> {
    const limit = query.limit ?? 50;
    let filter: Record<string, unknown> = { status: 'published' };
    if (query.mine) {
      if (!user) throw new HttpError(401, 'unauthorized', 'Sign in to see your events.');
      const joined = await this.deps.registrations.find({ userId: toObjectId(user.id) }, { eventId: 1 }).lean<{ eventId: Types.ObjectId }[]>();
      filter = {
        $or: [
          { organizerOrganizationId: { $in: user.memberships.map((m) => new Types.ObjectId(m.organizationId)) } },
          { _id: { $in: joined.map((r) => r.eventId) }, status: { $ne: 'draft' } },
        ],
      };
    }
    if (query.sector) filter = { $and: [filter, { sectors: query.sector }] };
    const events = await this.deps.events.find(filter).sort({ _id: -1 }).limit(limit).lean<EventDoc[]>();
    const names = await this.organizationNames(events.map((e) => e.organizerOrganizationId));
    const now = this.now();
    return events.map((event) => toEventSummary(event, names.get(String(event.organizerOrganizationId)) ?? '', now));
  }

  async update(user: CurrentUser, eventId: string, body: UpdateEventBody): Promise<EventView> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    const fields = this.validated({ ...this.editable(event), ...body });
    const changed = Object.fromEntries(Object.keys(body).map((key) => [key, fields[key as keyof typeof fields]]));
    const updated = await this.deps.events.findByIdAndUpdate(event._id, { $set: changed }, { returnDocument: 'after', runValidators: true }).lean<EventDoc>();
    return this.view(updated!, user);
  }

  async setStatus(user: CurrentUser, eventId: string, action: 'publish' | 'cancel'): Promise<EventView> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    const to = action === 'publish' ? 'published' : 'cancelled';
    if (event.status === to || event.status === 'cancelled') {
      throw new HttpError(409, 'conflict', `This event is already ${event.status}.`);
    }
    if (action === 'publish' && event.sessions.length === 0) {
      throw new HttpError(409, 'conflict', 'Add at least one session before publishing the event.');
    }
    const updated = await this.deps.events.findOneAndUpdate({ _id: event._id, status: event.status }, { $set: { status: to } }, { returnDocument: 'after' }).lean<EventDoc>();
    if (!updated) throw new HttpError(409, 'conflict', 'The event changed meanwhile; reload and try again.');
    return this.view(updated, user);
  }

  async addSession(user: CurrentUser, eventId: string, body: SessionBody): Promise<EventView> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    const session = { _id: new Types.ObjectId(), ...sessionFields(body) };
    checkSession(session);
    const updated = await this.deps.events.findByIdAndUpdate(event._id, { $push: { sessions: session } }, { returnDocument: 'after' }).lean<EventDoc>();
    return this.view(updated!, user);
  }

  /**
   * Organizers edit sessions one at a time, so a read-modify-write of the array is enough; the
   * scheduler only writes scheduleState and meetings, never sessions.
   */
  async updateSession(user: CurrentUser, eventId: string, sessionId: string, body: UpdateSessionBody): Promise<EventView> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    const current = event.sessions.find((s) => String(s._id) === sessionId);
    if (!current) throw new HttpError(404, 'not_found', `No session with id ${sessionId} in this event.`);
    if (SLOT_SHAPING.some((field) => field in body)) await this.refuseIfPlaced(event, sessionId, 'change its times, slots or tables');
    const merged = { ...current, ...sessionFields({ ...plainSession(current), ...body }) };
    checkSession(merged);
    const sessions = event.sessions.map((s) => (String(s._id) === sessionId ? merged : s));
    const updated = await this.deps.events.findByIdAndUpdate(event._id, { $set: { sessions } }, { returnDocument: 'after' }).lean<EventDoc>();
    return this.view(updated!, user);
  }

  async deleteSession(user: CurrentUser, eventId: string, sessionId: string): Promise<EventView> {
    const event = await this.deps.access.loadAsOrganizer(eventId, user);
    if (!event.sessions.some((s) => String(s._id) === sessionId)) throw new HttpError(404, 'not_found', `No session with id ${sessionId} in this event.`);
    await this.refuseIfPlaced(event, sessionId, 'delete it');
    const sessions = event.sessions.filter((s) => String(s._id) !== sessionId);
    const updated = await this.deps.events.findByIdAndUpdate(event._id, { $set: { sessions } }, { returnDocument: 'after' }).lean<EventDoc>();
    return this.view(updated!, user);
  }

  async view(event: EventDoc, user: CurrentUser | null): Promise<EventView> {
    const [names, registrations, mine] = await Promise.all([
      this.organizationNames([event.organizerOrganizationId]),
      this.deps.registrations.countDocuments({ eventId: event._id }),
      user ? this.deps.access.registrationOf(event, user.id) : null,
    ]);
    return toEventView(event, {
      organizerName: names.get(String(event.organizerOrganizationId)) ?? '',
      registrations,
      organizer: this.deps.access.isOrganizer(event, user),
      registrationId: mine ? String(mine._id) : null,
      now: this.now(),
    });
  }

  private async organizationNames(ids: Types.ObjectId[]): Promise<Map<string, string>> {
    const docs = await this.deps.organizations.find({ _id: { $in: ids } }, { name: 1 }).lean<OrganizationDoc[]>();
    return new Map(docs.map((doc) => [String(doc._id), doc.name]));
  }

  private async refuseIfPlaced(event: EventDoc, sessionId: string, what: string): Promise<void> {
    const placed = await this.deps.meetings.exists({ eventId: event._id, 'placement.sessionId': toObjectId(sessionId), status: 'accepted' });
    if (placed) throw new HttpError(409, 'conflict', `Meetings are placed in this session; unschedule them before you ${what}.`);
  }

  private editable(event: EventDoc): CreateEventBody {
    return {
      organizerOrganizationId: String(event.organizerOrganizationId),
      title: event.title,
      type: event.type,
      timeZone: event.timeZone,
      registrationOpensAt: event.registrationOpensAt.toISOString(),
      registrationClosesAt: event.registrationClosesAt.toISOString(),
      groups: event.groups as CreateEventBody['groups'],
      meetingRules: event.meetingRules,
    };
  }

  /** Cross-field checks the schema cannot express; returns the fields as the model stores them. */
  private validated(body: CreateEventBody | (CreateEventBody & UpdateEventBody)) {
    if (!isTimeZone(body.timeZone)) throw new HttpError(400, 'validation_failed', `Unknown time zone "${body.timeZone}"; use an IANA name such as Europe/Tallinn.`, { field: 'timeZone' });
    const opens = new Date(body.registrationOpensAt);
    const closes = new Date(body.registrationClosesAt);
    if (!(closes > opens)) throw new HttpError(400, 'validation_failed', 'Registration must close after it opens.', { field: 'registrationClosesAt' });
    if (body.groups || body.meetingRules) {
      const problems = groupAndRuleProblems(body.groups ?? [], body.meetingRules ?? []);
      if (body.groups && problems.length > 0) throw new HttpError(400, 'validation_failed', problems.join(' '), { field: 'groups' });
      if (!body.groups && body.meetingRules?.length) throw new HttpError(400, 'validation_failed', 'Give the groups together with the meeting rules.', { field: 'groups' });
    }
    const { organizerOrganizationId: _ignored, ...rest } = body;
    return { ...rest, registrationOpensAt: opens, registrationClosesAt: closes };
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
