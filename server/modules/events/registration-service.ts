import { Types } from 'mongoose';
import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { isDuplicateKey } from '../accounts/service';
import { toObjectId } from '../shared/ids';
import { registrationWindowOpen, type EventAccess } from './access';
import type { Directory } from './directory';
import type { EventDoc, EventRegistrationDoc, EventRegistrationModel, MeetingModel } from './model';
import type { RegisterBody, RegistrationView, UpdateRegistrationBody } from './participation-schema';
import { groupForKind } from './rules';
import { sessionSlots } from './slots';

export interface RegistrationServiceDeps {
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  access: EventAccess;
  directory: Directory;
  /** Told after someone withdraws (the chat stops treating them as a participant at once). */
  onWithdrawn?: (eventId: string, userId: string) => Promise<void>;
  /** Reports a failed onWithdrawn: the withdrawal itself stands. */
  onHookError?: (error: unknown) => void;
  now?: () => Date;
}

/** Registration with a participation profile, within the event's registration window. */
export class RegistrationService {
  constructor(private readonly deps: RegistrationServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async register(user: CurrentUser, eventId: string, body: RegisterBody): Promise<RegistrationView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    this.requireWindow(event);
    if (!user.memberships.some((m) => m.organizationId === body.organizationId)) {
      throw new HttpError(403, 'forbidden', 'You can only register on behalf of an organization you belong to.');
    }
    const organization = (await this.deps.directory.organizations([body.organizationId])).get(body.organizationId);
    if (!organization) throw new HttpError(404, 'not_found', `No organization with id ${body.organizationId}.`);
    const group = groupForKind(event.groups, organization.kind);
    if (!group) throw new HttpError(403, 'forbidden', `This event has no participant group for ${organization.kind} organizations.`);
    const profile = await this.checkedProfile(event, body.organizationId, body);
    try {
      const created = await this.deps.registrations.create({
        eventId: event._id,
        userId: toObjectId(user.id),
        organizationId: toObjectId(body.organizationId),
        groupKey: group.key,
        ...profile,
      });
      return (await this.views(event, [created.toObject() as EventRegistrationDoc]))[0]!;
    } catch (error) {
      if (isDuplicateKey(error)) throw new HttpError(409, 'conflict', 'You are already registered for this event; edit your registration instead.');
      throw error;
    }
  }

  async mine(user: CurrentUser, eventId: string): Promise<RegistrationView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const registration = await this.deps.access.registrationOf(event, user.id);
    if (!registration) throw new HttpError(404, 'not_found', 'You are not registered for this event.');
    return (await this.views(event, [registration]))[0]!;
  }

  /** The profile stays editable while registration is open; the scheduler reads the unavailable slots. */
  async update(user: CurrentUser, eventId: string, body: UpdateRegistrationBody): Promise<RegistrationView> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const registration = await this.deps.access.registrationOf(event, user.id);
    if (!registration) throw new HttpError(404, 'not_found', 'You are not registered for this event.');
    this.requireWindow(event);
    const profile = await this.checkedProfile(event, String(registration.organizationId), body);
    const changed = Object.fromEntries(Object.keys(body).map((key) => [key, profile[key as keyof typeof profile]]));
    const updated = await this.deps.registrations.findByIdAndUpdate(registration._id, { $set: changed }, { returnDocument: 'after' }).lean<EventRegistrationDoc>();
    return (await this.views(event, [updated!]))[0]!;
  }

  /** Withdrawing is refused while meetings are open: cancel them first, so the other side hears of it. */
  async withdraw(user: CurrentUser, eventId: string): Promise<void> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const registration = await this.deps.access.registrationOf(event, user.id);
    if (!registration) throw new HttpError(404, 'not_found', 'You are not registered for this event.');
    const open = await this.deps.meetings.countDocuments({
      eventId: event._id,
      status: { $in: ['pending', 'accepted'] },
      $or: [{ requesterRegistrationId: registration._id }, { recipientRegistrationId: registration._id }],
    });
    if (open > 0) throw new HttpError(409, 'conflict', `You have ${open} open meeting request${open === 1 ? '' : 's'} or meeting${open === 1 ? '' : 's'}; cancel them first.`);
    await this.deps.registrations.deleteOne({ _id: registration._id });
    // A failure here only delays the chat's view of it until its next reload (CHAT_PARTICIPANTS_RELOAD_MS).
    await this.deps.onWithdrawn?.(String(event._id), user.id).catch((error: unknown) => this.deps.onHookError?.(error));
  }

  /** Everyone registered, for participants and organizers (no e-mail addresses: those are in the organizer's export). */
  async list(user: CurrentUser, eventId: string): Promise<RegistrationView[]> {
    const event = await this.deps.access.loadVisible(eventId, user);
    if (!this.deps.access.isOrganizer(event, user)) await this.deps.access.requireRegistration(event, user);
    const registrations = await this.deps.registrations.find({ eventId: event._id }).sort({ _id: 1 }).lean<EventRegistrationDoc[]>();
    const views = await this.views(event, registrations);
    // Only the organizers see when others cannot meet.
    return this.deps.access.isOrganizer(event, user) ? views : views.map((view) => (view.userId === user.id ? view : { ...view, unavailableSlotIds: [] }));
  }

  async views(event: EventDoc, registrations: EventRegistrationDoc[]): Promise<RegistrationView[]> {
    const [names, organizations, listings] = await Promise.all([
      this.deps.directory.userNames(registrations.map((r) => r.userId)),
      this.deps.directory.organizations(registrations.map((r) => r.organizationId)),
      this.deps.directory.listings(registrations.flatMap((r) => r.needIds), registrations.flatMap((r) => r.outputIds)),
    ]);
    const titled = (ids: Types.ObjectId[]) =>
      ids.flatMap((id) => {
        const listing = listings.get(String(id));
        return listing?.published ? [{ id: String(id), title: listing.title }] : [];
      });
    return registrations.map((r) => {
      const organization = organizations.get(String(r.organizationId));
      return {
        id: String(r._id),
        eventId: String(r.eventId),
        userId: String(r.userId),
        name: names.get(String(r.userId)) ?? '',
        organizationId: String(r.organizationId),
        organizationName: organization?.name ?? '',
        organizationKind: organization?.kind ?? 'sme',
        country: organization?.country ?? '',
        groupKey: r.groupKey,
        groupLabel: event.groups.find((g) => g.key === r.groupKey)?.label ?? r.groupKey,
        needs: titled(r.needIds),
        outputs: titled(r.outputIds),
        lookingFor: r.lookingFor ?? '',
        interests: r.interests,
        unavailableSlotIds: r.unavailableSlotIds,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  private requireWindow(event: EventDoc): void {
    if (registrationWindowOpen(event, this.now())) return;
    const now = this.now();
    const message =
      event.status !== 'published'
        ? `This event is ${event.status}; registration is closed.`
        : now < event.registrationOpensAt
          ? `Registration opens on ${event.registrationOpensAt.toISOString()}.`
          : `Registration closed on ${event.registrationClosesAt.toISOString()}.`;
    throw new HttpError(409, 'registration_closed', message);
  }

  /** The listings must be the organization's published ones and the slots must exist in the event. */
  private async checkedProfile(event: EventDoc, organizationId: string, body: UpdateRegistrationBody) {
    const needIds = body.needIds ?? [];
    const outputIds = body.outputIds ?? [];
    const listings = await this.deps.directory.listings(needIds, outputIds);
    for (const [field, listingIds] of [['needIds', needIds], ['outputIds', outputIds]] as const) {
      for (const id of listingIds) {
        const listing = listings.get(id);
        if (!listing || listing.organizationId !== organizationId || !listing.published) {
          throw new HttpError(400, 'validation_failed', `${id} is not a published ${field === 'needIds' ? 'need' : 'research output'} of your organization.`, { field });
        }
      }
    }
    const slotIds = new Set(event.sessions.flatMap((session) => sessionSlots(session).map((slot) => slot.id)));
    const unknown = (body.unavailableSlotIds ?? []).find((id) => !slotIds.has(id.toLowerCase()));
    if (unknown) throw new HttpError(400, 'validation_failed', `Slot ${unknown} is not a slot of this event.`, { field: 'unavailableSlotIds' });
    return {
      needIds: needIds.map((id) => new Types.ObjectId(id)),
      outputIds: outputIds.map((id) => new Types.ObjectId(id)),
      lookingFor: body.lookingFor ?? '',
      interests: body.interests ?? [],
      unavailableSlotIds: (body.unavailableSlotIds ?? []).map((id) => id.toLowerCase()),
    };
  }
}
