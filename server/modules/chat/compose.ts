import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Config } from '../../config';
import type { AccessRequestService } from '../access-requests/service';
import type { CurrentUser } from '../accounts/current-user';
import type { NotificationView } from '../notifications/schema';
import { RoomAccess, type EventMembershipPort } from './access';
import { ChatKeys, defineChatScripts } from './keys';
import { announceParticipantLeft } from './participant-sets';
import { MessageLog } from './log';
import { roomIdOf } from './ids';
import { chatModels } from './model';
import { ChatService } from './service';
import { MessageWriter } from './writer';
import { WriteRouter } from './write-routing';

export interface ChatCompositionDeps {
  mongo: Connection;
  redis: Redis;
  redisPrefix: string;
  config: Config;
  eventMembership: EventMembershipPort;
  accessRequests: AccessRequestService;
  onError: (error: unknown) => void;
}

/** Builds the chat service (used by the composition root, server/services.ts). */
export function createChat({ mongo, redis, redisPrefix, config, eventMembership, accessRequests, onError }: ChatCompositionDeps): ChatService {
  const models = chatModels(mongo);
  const keys = new ChatKeys(redisPrefix);
  defineChatScripts(redis);
  const log = new MessageLog(redis, keys, models.messages);
  const access = new RoomAccess({ rooms: models.rooms, events: eventMembership, accessRequests, redis, keys, participantsReloadMs: config.CHAT_PARTICIPANTS_RELOAD_MS });
  return new ChatService({
    models,
    redis,
    keys,
    access,
    log,
    writes: new WriteRouter(redis, keys, new MessageWriter(redis, keys, models.messages, log, onError), onError),
    limits: { burst: config.CHAT_RATE_BURST, refillPerSecond: config.CHAT_RATE_PER_SECOND },
    grantedAccessRequests: (user) => grantedRequests(accessRequests, user),
    eventRoomIds: async (user) => {
      const { eventIds, meetingIds } = await eventMembership.roomsOf(user);
      return [...eventIds.map((id) => roomIdOf('lobby', id)), ...meetingIds.map((id) => roomIdOf('meeting', id))];
    },
  });
}

async function grantedRequests(accessRequests: AccessRequestService, user: CurrentUser): Promise<{ id: string; title: string }[]> {
  if (user.memberships.length === 0) return [];
  const pages = await Promise.all(
    (['incoming', 'outgoing'] as const).map((direction) => accessRequests.list(user, { direction, status: 'granted', limit: 100 })),
  );
  return pages.flatMap((page) => page.items.map((item) => ({ id: item.id, title: `${item.outputTitle} — ${item.ownerOrganizationName}` })));
}

/** NotificationService hook: publish each new notification on the user's channel. */
export function notificationPublisher(redis: Redis, redisPrefix: string, onError: (error: unknown) => void) {
  const keys = new ChatKeys(redisPrefix);
  return (userId: string, notification: NotificationView): void => {
    redis.publish(keys.userChannel(userId), JSON.stringify({ type: 'notification', notification })).catch(onError);
  };
}

/** RegistrationService hook: someone withdrew from an event; every instance stops treating them as a participant. */
export function participantLeftPublisher(redis: Redis, redisPrefix: string) {
  const keys = new ChatKeys(redisPrefix);
  return (eventId: string, userId: string): Promise<void> => announceParticipantLeft(redis, keys, eventId, userId);
}
