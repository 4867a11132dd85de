import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { toObjectId } from '../shared/ids';
import type { EventDoc, EventModel, EventRegistrationDoc, EventRegistrationModel } from './model';

/** Loading events and the organizer/participant checks every events route starts with. */
export class EventAccess {
  constructor(
    private readonly events: EventModel,
    private readonly registrations: EventRegistrationModel,
  ) {}

  async load(eventId: string): Promise<EventDoc> {
    const event = await this.events.findById(toObjectId(eventId, 'event')).lean<EventDoc>();
    if (!event) throw new HttpError(404, 'not_found', `No event with id ${eventId}.`);
    return event;
  }

  isOrganizer(event: EventDoc, user: CurrentUser | null): boolean {
    if (!user) return false;
    return user.platformAdmin || user.memberships.some((m) => m.organizationId === String(event.organizerOrganizationId));
  }

  /** Drafts are visible to their organizers only (404 for anyone else, so their existence does not leak). */
  async loadVisible(eventId: string, user: CurrentUser | null): Promise<EventDoc> {
    const event = await this.load(eventId);
    if (event.status === 'draft' && !this.isOrganizer(event, user)) throw new HttpError(404, 'not_found', `No event with id ${eventId}.`);
    return event;
  }

  async loadAsOrganizer(eventId: string, user: CurrentUser): Promise<EventDoc> {
    const event = await this.loadVisible(eventId, user);
    if (!this.isOrganizer(event, user)) throw new HttpError(403, 'forbidden', 'Only the organizers of this event can do this.');
    return event;
  }

  async registrationOf(event: EventDoc, userId: string): Promise<EventRegistrationDoc | null> {
    return this.registrations.findOne({ eventId: event._id, userId: toObjectId(userId) }).lean<EventRegistrationDoc>();
  }

  /** The user's registration; 403 for anyone not registered (organizers included: they do not take meetings). */
  async requireRegistration(event: EventDoc, user: CurrentUser): Promise<EventRegistrationDoc> {
    const registration = await this.registrationOf(event, user.id);
    if (!registration) throw new HttpError(403, 'forbidden', 'Register for this event first: only its participants can do this.');
    return registration;
  }
}

export function registrationWindowOpen(event: Pick<EventDoc, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>, now: Date): boolean {
  return event.status === 'published' && event.registrationOpensAt <= now && now < event.registrationClosesAt;
}
