import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Config } from './config';
import { userModel } from './modules/accounts/model';
import { AccountService } from './modules/accounts/service';
import { SessionStore } from './modules/accounts/sessions';
import { LoginThrottle } from './modules/accounts/login-throttle';
import { PendingRegistrations } from './modules/accounts/registration';
import { MailboxMailer, mailModel } from './modules/mail/mailer';
import { organizationModel, invitationModel } from './modules/organizations/model';
import { OrganizationService } from './modules/organizations/service';
import { OrganizationVerificationService } from './modules/organizations/verification.service';
import { AccessAuditLog } from './modules/access-requests/audit-log';
import { ConfidentialAccessService } from './modules/access-requests/confidential';
import { accessAuditModel, accessRequestModel } from './modules/access-requests/model';
import { AccessRequestService } from './modules/access-requests/service';
import { needModel } from './modules/needs/model';
import { NeedService } from './modules/needs/service';
import { researchOutputModel } from './modules/research-outputs/model';
import { ResearchOutputService } from './modules/research-outputs/service';
import { feedbackModel } from './modules/matches/model';
import { MatchListGenerations } from './modules/matches/generations';
import { MatchService } from './modules/matches/service';
import { MatchStore } from './modules/matches/store';
import { notificationModel } from './modules/notifications/model';
import { NotificationService } from './modules/notifications/service';
import { ListingChangeHub } from './modules/shared/listing-changes';
import { GuardedUpdates } from './modules/shared/guarded-update';
import { helpRequestModel } from './modules/intermediaries/help-request.model';
import { HelpRequestService } from './modules/intermediaries/help-request.service';
import { intermediaryProfileModel } from './modules/intermediaries/model';
import { IntermediaryService } from './modules/intermediaries/service';
import { SectorService } from './modules/sectors/service';
import { upcomingEventsFrom } from './modules/sectors/events-of-sector';
import { eventModel, eventRegistrationModel, meetingModel } from './modules/events/model';
import { EventMembership } from './modules/events/membership';
import { createEventServices } from './modules/events/compose';
import { diagnosticDraftModel, diagnosticReportModel } from './modules/diagnostic/model';
import { PlatformLinks } from './modules/diagnostic/links';
import { eventLinksFrom } from './modules/diagnostic/upcoming-events';
import { DiagnosticService } from './modules/diagnostic/service';
import { createChat, notificationPublisher, participantLeftPublisher } from './modules/chat/compose';

export interface ServiceDeps {
  mongo: Connection;
  redis: Redis;
  config: Config;
  log: (message: string, data?: unknown) => void;
}

/**
 * The composition root: builds every domain service once from its explicit dependencies. The API
 * and the worker both call it, each with its own connections.
 */
export function createServices({ mongo, redis, config, log }: ServiceDeps) {
  const redisPrefix = `${config.QUEUE_PREFIX}:app`;
  const mailbox = new MailboxMailer(mailModel(mongo), (message, mail) => log(message, { to: mail.to, subject: mail.subject }));
  const users = userModel(mongo);
  const accounts = new AccountService({
    users,
    sessions: new SessionStore(redis, redisPrefix),
    loginThrottle: new LoginThrottle(redis, redisPrefix, config.LOGIN_PAUSE_BASE_SECONDS),
    pendingRegistrations: new PendingRegistrations(redis, redisPrefix),
    mailer: mailbox,
    redis,
    redisPrefix,
    publicUrl: config.PUBLIC_URL,
  });
  const organizations = new OrganizationService({
    organizations: organizationModel(mongo),
    invitations: invitationModel(mongo),
    users,
    mailer: mailbox,
    publicUrl: config.PUBLIC_URL,
  });
  const organizationVerification = new OrganizationVerificationService({
    organizations: organizationModel(mongo),
    users,
    mailer: mailbox,
    publicUrl: config.PUBLIC_URL,
    // A closure like needs' below: `notifications` is built further down.
    notifyOrganization: (organizationId, notification) => notifications.notifyOrganization(organizationId, notification),
  });
  // Search and the match queue subscribe to listing changes (see server/plugins/search.ts, queues.ts).
  const listingChanges = new ListingChangeHub((message, error) => log(message, { err: error }));
  const guard = new GuardedUpdates(redis, redisPrefix);
  const researchOutputs = new ResearchOutputService({ outputs: researchOutputModel(mongo), guard, organizations, onListingChanged: listingChanges.emit });
  const needs = new NeedService({
    needs: needModel(mongo),
    guard,
    organizations,
    onListingChanged: listingChanges.emit,
    // A closure: `notifications` is built further down and only called after composition.
    notifyOrganization: (organizationId, notification) => notifications.notifyOrganization(organizationId, notification),
  });
  const audit = new AccessAuditLog(accessAuditModel(mongo));
  const accessRequests = new AccessRequestService({
    requests: accessRequestModel(mongo),
    outputs: researchOutputs,
    organizations,
    audit,
    mailer: mailbox,
    publicUrl: config.PUBLIC_URL,
  });
  const confidentialAccess = new ConfidentialAccessService({ outputs: researchOutputs, accessRequests, audit });
  const matchStore = new MatchStore(new MatchListGenerations(mongo), redis, redisPrefix, 2 * config.MATCH_TOP_K);
  const matches = new MatchService({ store: matchStore, feedback: feedbackModel(mongo), needs, researchOutputs });
  const notifications = new NotificationService({
    notifications: notificationModel(mongo),
    organizations,
    mailer: mailbox,
    publicUrl: config.PUBLIC_URL,
    // Live delivery: published per user; every API instance pushes it to that user's sockets.
    onCreated: notificationPublisher(redis, redisPrefix, (error) => log('notification publish failed', { err: error })),
  });
  const intermediaries = new IntermediaryService({ profiles: intermediaryProfileModel(mongo), organizations });
  const helpRequests = new HelpRequestService({ requests: helpRequestModel(mongo), intermediaries, organizations, needs, notifications });
  // Events are built further down; the closure reads them when a sector page asks.
  const sectors = new SectorService({ researchOutputs, needs, intermediaries, upcomingEvents: upcomingEventsFrom(() => events.events) });
  const diagnostics = new DiagnosticService({
    drafts: diagnosticDraftModel(mongo),
    reports: diagnosticReportModel(mongo),
    organizations,
    // Like sectors: the closure reads the events services, built further down, when a report is read.
    links: new PlatformLinks({ researchOutputs, intermediaries, events: eventLinksFrom({ list: (user, query) => events.events.list(user, query) }) }),
  });
  const eventModels = { events: eventModel(mongo), registrations: eventRegistrationModel(mongo), meetings: meetingModel(mongo) };
  const eventMembership = new EventMembership({ ...eventModels, organizations: organizationModel(mongo) });
  const events = createEventServices({
    models: eventModels,
    users,
    organizations: organizationModel(mongo),
    needs: needModel(mongo),
    outputs: researchOutputModel(mongo),
    matchStore,
    notifications,
    redis,
    redisPrefix,
    publicUrl: config.PUBLIC_URL,
    secret: config.SESSION_SECRET,
    log,
    // Every API instance's chat drops the participant at once (not at its next membership reload).
    onRegistrationWithdrawn: participantLeftPublisher(redis, redisPrefix),
  });
  const chat = createChat({ mongo, redis, redisPrefix, config, eventMembership, accessRequests, onError: (error) => log('chat write failed', { err: error }) });
  return {
    mailbox,
    accounts,
    organizations,
    organizationVerification,
    listingChanges,
    researchOutputs,
    needs,
    accessRequests,
    confidentialAccess,
    matchStore,
    matches,
    notifications,
    eventModels,
    eventMembership,
    events,
    chat,
    intermediaries,
    helpRequests,
    sectors,
    diagnostics,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Creates the collections' indexes (unique e-mail, ...) before the first request relies on them. */
export async function ensureIndexes(mongo: Connection): Promise<void> {
  await Promise.all(Object.values(mongo.models).map((model) => model.init()));
}
