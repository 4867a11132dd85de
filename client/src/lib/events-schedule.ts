// Reading the scheduler's state (GET /api/events/:id/schedule) for the schedule panel.
import type { ScheduleView } from './events-types';

/** Why each meeting stayed unplaced, by meeting id. */
export function unplacedReasons(view: ScheduleView | null): Map<string, string> {
  return new Map((view?.unplacedMeetings ?? []).map((entry) => [entry.meetingId, entry.reason]));
}

/** The running job's progress as a whole percentage, clamped to 0–100. */
export function progressPercent(view: ScheduleView | null): number {
  return Math.max(0, Math.min(100, Math.round(view?.progress ?? 0)));
}
