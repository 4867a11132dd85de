import type { Redis } from 'ioredis';
import type { UserModel } from '../accounts/model';
import type { MatchStore } from '../matches/store';
import type { NeedModel } from '../needs/model';
import type { NotificationService } from '../notifications/service';
import type { OrganizationModel } from '../organizations/model';
import type { ResearchOutputModel } from '../research-outputs/model';
import { EventAccess } from './access';
import { AgendaService } from './agenda-service';
import { Directory } from './directory';
import { EventService } from './event-service';
import { MeetingDesk } from './meeting-desk';
import { MeetingRecords } from './meeting-records';
import { MeetingService } from './meeting-service';
import type { EventModel, EventRegistrationModel, MeetingModel } from './model';
import { OrganizerService } from './organizer-service';
import { RecommendationService } from './recommendation-service';
import { RegistrationService } from './registration-service';

export interface EventServicesDeps {
  models: { events: EventModel; registrations: EventRegistrationModel; meetings: MeetingModel };
  users: UserModel;
  organizations: OrganizationModel;
  needs: NeedModel;
  outputs: ResearchOutputModel;
  matchStore: MatchStore;
  notifications: NotificationService;
  redis: Redis;
  redisPrefix: string;
  publicUrl: string;
  /** Signs calendar feed tokens (the session secret). */
  secret: string;
  log: (message: string, data?: unknown) => void;
  /** Someone withdrew their registration (wired to the chat by the composition root). */
  onRegistrationWithdrawn?: (eventId: string, userId: string) => Promise<void>;
}

/** Builds the events module's services from the composition root's models and services. */
export function createEventServices(deps: EventServicesDeps) {
  const { events, registrations, meetings } = deps.models;
  const access = new EventAccess(events, registrations);
  const directory = new Directory({ users: deps.users, organizations: deps.organizations, needs: deps.needs, outputs: deps.outputs });
  const records = new MeetingRecords({ meetings, access, directory, notifications: deps.notifications, redis: deps.redis, redisPrefix: deps.redisPrefix, log: deps.log });
  return {
    events: new EventService({ events, registrations, meetings, organizations: deps.organizations, access }),
    registrations: new RegistrationService({
      registrations,
      meetings,
      access,
      directory,
      onWithdrawn: deps.onRegistrationWithdrawn,
      onHookError: (error) => deps.log('registration withdrawal could not be announced', { err: error }),
    }),
    recommendations: new RecommendationService({ registrations, meetings, access, directory, matchStore: deps.matchStore }),
    meetings: new MeetingService({ registrations, meetings, access, records, matchStore: deps.matchStore }),
    desk: new MeetingDesk({ registrations, meetings, access, records }),
    agenda: new AgendaService({ meetings, access, directory, publicUrl: deps.publicUrl, secret: deps.secret }),
    organizer: new OrganizerService({ registrations, meetings, access, directory }),
  };
}

export type EventServices = ReturnType<typeof createEventServices>;
