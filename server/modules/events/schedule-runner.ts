import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import { withRedisLock } from '../shared/redis-lock';
import { eventMeetingsLockKey } from './meeting-records';
import type { EventDoc, EventModel, EventRegistrationDoc, EventRegistrationModel, MeetingDoc, MeetingModel } from './model';
import { placementChanges, schedulingInput, snapshotFingerprint, type ScheduleSnapshot } from './schedule-input';
import type { RunDetail, ScheduleRunModel } from './schedule-model';
import { scheduleAsync, type ScheduleMode } from './scheduling';

export interface ScheduleRunnerDeps {
  events: EventModel;
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  runs: ScheduleRunModel;
  redis: Redis;
  /** Prefix of the app's own Redis keys (the event's meeting lock lives under it). */
  redisPrefix: string;
  /** How long the scheduler may search for a better schedule (the greedy schedule is always complete). */
  timeBudgetMs?: number;
}

export interface ScheduleRunOutcome {
  placed: number;
  unplaced: number;
  kept: number;
  upperBound: number;
  changed: number;
  attempts: number;
}

const DEFAULT_BUDGET_MS = 20_000;
const ATTEMPTS = 3;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function loadSnapshot(deps: ScheduleRunnerDeps, eventId: Types.ObjectId): Promise<ScheduleSnapshot | null> {
  const event = await deps.events.findById(eventId).lean<EventDoc>();
  if (!event) return null;
  const meetings = await deps.meetings.find({ eventId, status: 'accepted' }).lean<MeetingDoc[]>();
  const people = [...new Set(meetings.flatMap((m) => [String(m.requesterRegistrationId), String(m.recipientRegistrationId)]))];
  const registrations = people.length
    ? await deps.registrations.find({ _id: { $in: people.map((id) => new Types.ObjectId(id)) } }).lean<EventRegistrationDoc[]>()
    : [];
  return { event, meetings, registrations };
}

/**
 * The schedule-event job: read the event's accepted meetings, sessions and unavailability, run
 * the scheduler (reporting progress), then — holding the event's meeting lock, so no reschedule
 * or new acceptance slips in between — check that nothing changed since the read and write the
 * draft placements. If something did change, start over (at most three times). The computation
 * runs outside the lock because it may take seconds and meeting requests wait on that lock.
 */
export async function runScheduleEvent(
  deps: ScheduleRunnerDeps,
  payload: { eventId: string; mode: ScheduleMode },
  jobId: string,
  reportProgress: (percent: number) => Promise<void>,
): Promise<ScheduleRunOutcome | { skipped: string }> {
  const eventId = new Types.ObjectId(payload.eventId);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await reportProgress(1);
    const snapshot = await loadSnapshot(deps, eventId);
    if (!snapshot) return { skipped: 'the event no longer exists' };
    if (snapshot.event.scheduleState?.jobId !== jobId) return { skipped: 'a newer run took over' };
    await reportProgress(5);
    const result = await scheduleAsync(schedulingInput(snapshot, payload.mode), {
      timeBudgetMs: deps.timeBudgetMs ?? DEFAULT_BUDGET_MS,
      onProgress: (progress) => void reportProgress(5 + 85 * progress.fraction),
      pause: yieldToEventLoop,
    });
    const outcome = await withRedisLock(deps.redis, eventMeetingsLockKey(deps.redisPrefix, payload.eventId), async () => {
      const fresh = await loadSnapshot(deps, eventId);
      if (!fresh || snapshotFingerprint(fresh) !== snapshotFingerprint(snapshot)) return null;
      const changes = placementChanges(snapshot.meetings, result);
      if (changes.length > 0) {
        await deps.meetings.bulkWrite(
          changes.map(({ meeting, placement }) => ({
            updateOne: {
              filter: { _id: meeting._id, version: meeting.version },
              update: { $set: { placement: placement && { ...placement, sessionId: new Types.ObjectId(placement.sessionId) } }, $inc: { version: 1 } },
            },
          })),
          { ordered: false },
        );
      }
      return { placed: result.placed, unplaced: result.unplaced, kept: result.kept, upperBound: result.bound.value, changed: changes.length, attempts: attempt };
    }, 60_000, 60_000);
    if (!outcome) continue;
    const detail: RunDetail = {
      unplaced: result.meetings.filter((m) => m.reason).map((m) => [m.meetingId, m.reason!]),
      dropped: result.droppedPlacements.map((d) => [d.meetingId, d.problem]),
    };
    await deps.runs.updateOne(
      { _id: eventId },
      { $set: { state: 'done', finishedAt: new Date(), placed: outcome.placed, unplaced: outcome.unplaced, kept: outcome.kept, upperBound: outcome.upperBound, detailJson: JSON.stringify(detail), error: null } },
    );
    await deps.events.updateOne(
      { _id: eventId },
      { $set: { 'scheduleState.status': 'draft', 'scheduleState.progress': 100, 'scheduleState.placed': outcome.placed, 'scheduleState.unplaced': outcome.unplaced } },
    );
    await reportProgress(100);
    return outcome;
  }
  throw new Error('The meetings kept changing while the schedule was computed; run the scheduler again.');
}

/** After the last failed attempt: the event goes back to the schedule it had, and the run records why. */
export async function markScheduleFailed(deps: Pick<ScheduleRunnerDeps, 'events' | 'runs'>, eventId: string, jobId: string, message: string): Promise<void> {
  const id = new Types.ObjectId(eventId);
  const run = await deps.runs.findById(id).lean<{ jobId: string; previousStatus: string }>();
  if (!run || run.jobId !== jobId) return;
  await deps.runs.updateOne({ _id: id }, { $set: { state: 'failed', finishedAt: new Date(), error: message } });
  const event = await deps.events.findById(id, { scheduleState: 1 }).lean<EventDoc>();
  if (event?.scheduleState?.jobId === jobId && event.scheduleState.status === 'running') {
    await deps.events.updateOne({ _id: id }, { $set: { 'scheduleState.status': run.previousStatus, 'scheduleState.progress': 0 } });
  }
}
