import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { HttpError } from '../../plugins/errors';
import { enqueue, type QueueName } from '../../../workers/queues';
import type { CurrentUser } from '../accounts/current-user';
import type { NotificationService } from '../notifications/service';
import { toObjectId } from '../shared/ids';
import { withRedisLock } from '../shared/redis-lock';
import type { EventMembership } from './membership';
import type { EventDoc, EventModel, MeetingDoc, MeetingModel } from './model';
import type { RunDetail, ScheduleRunDoc, ScheduleRunModel } from './schedule-model';
import type { ScheduleBody, ScheduleView } from './schedule-schema';
import { UNPLACED_REASONS, type UnplacedReason } from './scheduling';

export interface ScheduleServiceDeps {
  events: EventModel;
  meetings: MeetingModel;
  runs: ScheduleRunModel;
  membership: EventMembership;
  notifications: NotificationService;
  queues: Record<QueueName, Queue>;
  redis: Redis;
  redisPrefix: string;
  log: (message: string, data?: unknown) => void;
}

const LIVE_JOB_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** The organizer's side of the scheduler: start a run, follow it, publish the draft. */
export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  /** Starts a run unless one is queued or running; the job id is fixed first, so the event names it before a worker can finish it. */
  async start(user: CurrentUser, eventId: string, body: ScheduleBody): Promise<{ jobId: string }> {
    const event = await this.loadAsOrganizer(user, eventId);
    if (event.sessions.length === 0) throw new HttpError(409, 'conflict', 'Add at least one session before running the scheduler.');
    return withRedisLock(this.deps.redis, `${this.deps.redisPrefix}:lock:schedule-start:${eventId}`, async () => {
      const current = (await this.deps.events.findById(event._id).lean<EventDoc>())!;
      const state = current.scheduleState;
      if (state?.status === 'running' && (await this.jobAlive(state.jobId))) throw new HttpError(409, 'conflict', 'The scheduler is already running for this event; wait for its draft.');
      const previous = await this.deps.runs.findById(event._id).lean<ScheduleRunDoc>();
      // A run whose job died while 'running' hands back the status it started from.
      const previousStatus = state?.status === 'running' ? (previous?.previousStatus ?? 'none') : (state?.status ?? 'none');
      const jobId = `schedule-${eventId}-${Date.now()}`;
      await this.deps.runs.replaceOne(
        { _id: event._id },
        { _id: event._id, jobId, mode: body.mode, state: 'running', requestedBy: toObjectId(user.id), previousStatus, startedAt: new Date() },
        { upsert: true },
      );
      await this.deps.events.updateOne({ _id: event._id }, { $set: { 'scheduleState.status': 'running', 'scheduleState.jobId': jobId, 'scheduleState.progress': 0 } });
      try {
        await enqueue(this.deps.queues, 'schedule-event', { eventId, mode: body.mode, requestedBy: user.id }, { jobId });
      } catch (error) {
        await this.deps.events.updateOne({ _id: event._id }, { $set: { 'scheduleState.status': previousStatus } });
        throw error;
      }
      return { jobId };
    });
  }

  async view(user: CurrentUser, eventId: string): Promise<ScheduleView> {
    return this.viewOf(await this.loadAsOrganizer(user, eventId));
  }

  /** Draft → published: participants see their placements in agendas and calendar feeds, and are notified. */
  async publish(user: CurrentUser, eventId: string): Promise<ScheduleView> {
    const event = await this.loadAsOrganizer(user, eventId);
    const state = event.scheduleState;
    if (state?.status !== 'draft') {
      const why = { none: 'Run the scheduler first: there is no draft to publish.', running: 'Wait for the scheduler to finish its draft.', published: 'This schedule is already published; run the scheduler again to make a new draft.' };
      throw new HttpError(409, 'conflict', why[(state?.status ?? 'none') as keyof typeof why]);
    }
    const published = await this.deps.events
      .findOneAndUpdate(
        { _id: event._id, 'scheduleState.status': 'draft', 'scheduleState.jobId': state.jobId },
        { $set: { 'scheduleState.status': 'published', 'scheduleState.publishedAt': new Date() }, $inc: { 'scheduleState.version': 1 } },
        { returnDocument: 'after' },
      )
      .lean<EventDoc>();
    if (!published) throw new HttpError(409, 'conflict', 'The schedule changed meanwhile; reload it and try again.');
    await this.notifyParticipants(published);
    return this.viewOf(published);
  }

  /** Both people of every placed meeting, once per published version (the dedupe key). */
  private async notifyParticipants(event: EventDoc): Promise<void> {
    const meetings = await this.deps.meetings.find({ eventId: event._id, status: 'accepted' }).lean<MeetingDoc[]>();
    const people = [...new Set(meetings.filter((m) => m.placement).flatMap((m) => [String(m.requesterUserId), String(m.recipientUserId)]))];
    const eventId = String(event._id);
    try {
      await this.deps.notifications.notifyUsers(people, {
        type: 'schedule_published',
        title: `Meeting schedule published: ${event.title}`,
        body: 'The organizers published the meeting schedule. Your agenda shows when, at which table and with whom you meet.',
        link: `/events/${eventId}/agenda`,
        dedupeKey: `schedule:${eventId}:v${event.scheduleState?.version ?? 0}`,
      });
    } catch (error) {
      // The schedule is published either way; a lost notice must not turn that into an error.
      this.deps.log('schedule notification failed', { eventId, err: error });
    }
  }

  private async viewOf(event: EventDoc): Promise<ScheduleView> {
    const state = event.scheduleState;
    const run = await this.deps.runs.findById(event._id).lean<ScheduleRunDoc>();
    const detail: RunDetail = run ? (JSON.parse(run.detailJson) as RunDetail) : { unplaced: [], dropped: [] };
    let progress = state?.progress ?? 0;
    let error = run?.state === 'failed' ? run.error : null;
    if (state?.status === 'running' && state.jobId) {
      const job = await this.deps.queues.maintenance.getJob(state.jobId);
      progress = typeof job?.progress === 'number' ? job.progress : 0;
      if (!job || !LIVE_JOB_STATES.has(await job.getState())) error = job?.failedReason || 'The scheduler stopped before it finished; run it again.';
    }
    const counts = new Map<UnplacedReason, number>();
    for (const [, reason] of detail.unplaced) counts.set(reason as UnplacedReason, (counts.get(reason as UnplacedReason) ?? 0) + 1);
    return {
      status: state?.status ?? 'none',
      jobId: state?.jobId ?? null,
      mode: run?.mode ?? null,
      progress: Math.max(0, Math.min(100, Math.round(progress))),
      placed: state?.placed ?? 0,
      unplaced: state?.unplaced ?? 0,
      kept: run?.state === 'done' ? run.kept : 0,
      upperBound: run?.state === 'done' ? (run.upperBound ?? null) : null,
      unplacedReasons: UNPLACED_REASONS.filter((reason) => counts.has(reason)).map((reason) => ({ reason, count: counts.get(reason)! })),
      unplacedMeetings: detail.unplaced.map(([meetingId, reason]) => ({ meetingId, reason: reason as UnplacedReason })),
      droppedPlacements: detail.dropped.map(([meetingId, problem]) => ({ meetingId, problem })),
      startedAt: iso(run?.startedAt),
      finishedAt: iso(run?.finishedAt),
      publishedAt: iso(state?.publishedAt),
      version: state?.version ?? 0,
      error: error ?? null,
    };
  }

  /** 404 for an unknown event (or a draft event a non-organizer may not know of), 403 for anyone but its organizers. */
  private async loadAsOrganizer(user: CurrentUser, eventId: string): Promise<EventDoc> {
    const event = await this.deps.events.findById(toObjectId(eventId, 'event')).lean<EventDoc>();
    if (!event) throw new HttpError(404, 'not_found', `No event with id ${eventId}.`);
    if (!(await this.deps.membership.isOrganizer(eventId, user))) {
      if (event.status === 'draft') throw new HttpError(404, 'not_found', `No event with id ${eventId}.`);
      throw new HttpError(403, 'forbidden', 'Only the organizers of this event can run and publish its schedule.');
    }
    return event;
  }

  private async jobAlive(jobId: string | null | undefined): Promise<boolean> {
    if (!jobId) return false;
    const job = await this.deps.queues.maintenance.getJob(jobId);
    return Boolean(job && LIVE_JOB_STATES.has(await job.getState()));
  }
}
