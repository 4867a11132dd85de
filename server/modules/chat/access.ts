import type { Redis } from 'ioredis';
import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { parseRoomId, type RoomKind } from './ids';
import type { ChatKeys } from './keys';
import { SharedParticipantSets, type ParticipantSet } from './participant-sets';
import { RevalidatingCache } from './revalidating';
import type { ChatRoomDoc, ChatRoomModel } from './model';

/** What the chat needs to know about events (implemented by server/modules/events/membership.ts). */
export interface EventMembershipPort {
  isOrganizer(eventId: string, user: CurrentUser): Promise<boolean>;
  /** Registered participants only: organizers are recognised by isOrganizer. */
  registeredUserIds(eventId: string): Promise<string[]>;
  acceptedMeeting(meetingId: string): Promise<{ eventId: string; organizationIds: [string, string] } | null>;
  /** Titles given to a lobby or meeting room when it is first opened (null: keep the generic one). */
  lobbyTitle(eventId: string): Promise<string | null>;
  meetingTitle(meetingId: string): Promise<string | null>;
  /** The events the user is registered for and the accepted meetings of their organizations (the room list). */
  roomsOf(user: CurrentUser): Promise<{ eventIds: string[]; meetingIds: string[] }>;
}

/** The two organizations of a granted access request, or null (unknown, pending or refused). */
export interface AccessRequestPort {
  grantedParties(accessRequestId: string): Promise<[string, string] | null>;
}

export type RoomRole = 'member' | 'moderator';

export interface RoomInfo {
  id: string;
  kind: RoomKind;
  eventId: string | null;
  title: string;
  locked: boolean;
  removedSeqs: number[];
}

/** How long a membership answer is trusted on one instance (see README: stale membership). */
export const MEMBERSHIP_TTL_MS = 10_000;

const DEFAULT_TITLES: Record<RoomKind, string> = { lobby: 'Event lobby', topic: 'Topic', meeting: 'Meeting chat', access: 'Access request chat' };

interface Cached<T> {
  value: T;
  expires: number;
}

/**
 * Who may read, write and moderate a room. Answers are cached per instance for MEMBERSHIP_TTL_MS:
 * a send checks the cache on every message (no database read per message). Event rooms cache the
 * event's whole set of registered users (one read per event, not one per participant), shared by
 * all instances through Redis (SharedParticipantSets) and kept for `participantsReloadMs`: a
 * withdrawal drops it at once on every instance (forgetParticipants), so the reload only bounds
 * changes made behind the API's back.
 */
export class RoomAccess {
  /** Room documents; a send never waits for a reload (a lock or removal elsewhere drops the entry at once, see invalidateRoom). */
  private rooms: RevalidatingCache<RoomInfo | null>;
  private participants: RevalidatingCache<ParticipantSet>;
  private organizers: RevalidatingCache<boolean>;
  private sharedParticipants: SharedParticipantSets;
  private parties = new Map<string, Cached<Promise<[string, string] | null>>>();

  constructor(
    private readonly deps: {
      rooms: ChatRoomModel;
      events: EventMembershipPort;
      accessRequests: AccessRequestPort;
      redis: Redis;
      keys: ChatKeys;
      /** How long an event's participant set is trusted (departures through the API drop it at once). */
      participantsReloadMs?: number;
      now?: () => number;
    },
  ) {
    const now = () => this.now();
    const participantsTtl = deps.participantsReloadMs ?? MEMBERSHIP_TTL_MS;
    this.rooms = new RevalidatingCache(MEMBERSHIP_TTL_MS, 3 * MEMBERSHIP_TTL_MS, { now });
    this.participants = new RevalidatingCache(participantsTtl, 3 * participantsTtl, { now, loadedAt: (set) => set.loadedAt });
    this.organizers = new RevalidatingCache(MEMBERSHIP_TTL_MS, 3 * MEMBERSHIP_TTL_MS, { now });
    this.sharedParticipants = new SharedParticipantSets({
      redis: deps.redis,
      keys: deps.keys,
      load: (eventId) => deps.events.registeredUserIds(eventId),
      ttlMs: participantsTtl,
    });
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * The user's role in the room; throws 403 when they have none (also for rooms that do not exist:
   * no probing). With `{ moderation: false }` (sends, typing, the sweep) a participant of an event
   * room is answered from the participant set alone, without asking whether they also organize.
   */
  async roleOf(roomId: string, user: CurrentUser, options: { moderation?: boolean } = {}): Promise<{ room: RoomInfo; role: RoomRole }> {
    const parsed = parseRoomId(roomId);
    if (!parsed) throw new HttpError(400, 'invalid_message', 'Unknown room id format.');
    const stored = await this.storedRoom(roomId);
    let role: RoomRole | null = null;
    let eventId: string | null = null;
    if (parsed.kind === 'lobby' || parsed.kind === 'topic') {
      eventId = parsed.kind === 'lobby' ? parsed.ref : (stored?.eventId ?? null);
      if (eventId) {
        if (options.moderation === false && (await this.participantSet(eventId)).has(user.id)) role = 'member';
        else if (await this.isOrganizer(eventId, user)) role = 'moderator';
        else if (await this.isParticipant(eventId, user.id)) role = 'member';
      }
    } else {
      const organizations = await this.partiesOf(parsed.kind, parsed.ref);
      if (organizations && user.memberships.some((m) => organizations.includes(m.organizationId))) role = 'member';
    }
    if (!role) throw new HttpError(403, 'not_member', 'You are not a member of this chat room.');
    const room = stored ?? (await this.createRoom(roomId, parsed.kind, eventId));
    return { room, role };
  }

  /** Forgets this instance's copy of an event's participants (someone left; see announceParticipantLeft). */
  forgetParticipants(eventId: string): void {
    this.participants.delete(eventId);
  }

  /** Forgets the cached room document (its lock changed, a message was removed). */
  invalidateRoom(roomId: string): void {
    this.rooms.delete(roomId);
  }

  storedRoom(roomId: string): Promise<RoomInfo | null> {
    return this.rooms.get(roomId, async () => {
      const doc = await this.deps.rooms.findById(roomId).lean<ChatRoomDoc>();
      return doc ? toRoomInfo(doc) : null;
    });
  }

  private async createRoom(roomId: string, kind: RoomKind, eventId: string | null): Promise<RoomInfo> {
    const title = (await this.titleFor(kind, parseRoomId(roomId)!.ref)) ?? DEFAULT_TITLES[kind];
    try {
      await this.deps.rooms.updateOne(
        { _id: roomId },
        { $setOnInsert: { kind, eventId, title, locked: false, removedSeqs: [] } },
        { upsert: true },
      );
    } catch (error) {
      // Two members opening a new room at the same moment both try the insert; the loser's
      // duplicate-key error means the room now exists, which is all this needed.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    // A new room has no messages: record that, so the first send needs no MongoDB look-up.
    await this.deps.redis.set(this.deps.keys.last(roomId), 0, 'NX');
    this.invalidateRoom(roomId);
    return (await this.storedRoom(roomId))!;
  }

  /** A telling title for a new lobby or meeting room; access rooms are named per viewer by listRooms. */
  private titleFor(kind: RoomKind, ref: string): Promise<string | null> {
    if (kind === 'lobby') return this.deps.events.lobbyTitle(ref);
    if (kind === 'meeting') return this.deps.events.meetingTitle(ref);
    return Promise.resolve(null);
  }

  /**
   * Organizer rights depend only on the user's organizations (and platform-admin flag), so people of
   * the same organizations share one answer: a lobby of 1,000 people from a few dozen organizations
   * costs a few dozen look-ups, not 1,000.
   */
  private isOrganizer(eventId: string, user: CurrentUser): Promise<boolean> {
    const organizations = user.memberships.map((m) => m.organizationId).sort().join(',');
    return this.organizers.get(`${eventId}|${user.platformAdmin ? 'admin' : ''}|${organizations}`, () => this.deps.events.isOrganizer(eventId, user));
  }

  private async participantSet(eventId: string): Promise<Set<string>> {
    return (await this.participants.get(eventId, () => this.sharedParticipants.get(eventId))).ids;
  }

  /**
   * From the cached participant set. A "no" is never served from cache: someone who just registered
   * must be able to chat at once, so a miss waits for a reload (concurrent misses share one).
   */
  private async isParticipant(eventId: string, userId: string): Promise<boolean> {
    if ((await this.participantSet(eventId)).has(userId)) return true;
    return (await this.participants.fresh(eventId, () => this.sharedParticipants.fresh(eventId))).ids.has(userId);
  }

  private async partiesOf(kind: RoomKind, ref: string): Promise<[string, string] | null> {
    const key = `${kind}-${ref}`;
    const parties = await this.cached(this.parties, key, async () =>
      kind === 'meeting' ? ((await this.deps.events.acceptedMeeting(ref))?.organizationIds ?? null) : this.deps.accessRequests.grantedParties(ref),
    );
    // Not (yet) accepted or granted: never cache the "no" (one _id read per attempt).
    if (parties === null) this.parties.delete(key);
    return parties;
  }

  /** Caches the promise itself, so concurrent joins of one lobby share one look-up. */
  private cached<T>(map: Map<string, Cached<Promise<T>>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = load();
    map.set(key, { value, expires: this.now() + MEMBERSHIP_TTL_MS });
    value.catch(() => map.delete(key));
    if (map.size > 20_000) this.evictExpired(map);
    return value;
  }

  private evictExpired<T>(map: Map<string, Cached<T>>): void {
    const now = this.now();
    for (const [key, entry] of map) if (entry.expires <= now) map.delete(key);
  }
}

export function toRoomInfo(doc: ChatRoomDoc): RoomInfo {
  return {
    id: doc._id,
    kind: doc.kind,
    eventId: doc.eventId ?? null,
    title: doc.title,
    locked: Boolean(doc.locked),
    removedSeqs: (doc.removedSeqs ?? []).slice(-500),
  };
}
