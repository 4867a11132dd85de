// Reading the scheduler's state (GET /api/events/:id/schedule) without depending on more of its
// shape than the events contract fixes: status, progress, placed, unplaced, and per-meeting reasons.
import type { ScheduleView } from './events-types';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

export interface UnplacedReason { meetingId: string; reason: string }

/** Per-meeting reasons, wherever the response lists them: { meetingId, reason } objects or [meetingId, reason] pairs. */
export function unplacedReasons(view: ScheduleView | null): Map<string, string> {
  const reasons = new Map<string, string>();
  if (view?.unplacedMeetings) {
    for (const entry of view.unplacedMeetings) reasons.set(entry.meetingId, entry.reason);
    return reasons;
  }
  const visit = (value: unknown, depth: number) => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) {
        const entry = item as Partial<UnplacedReason>;
        if (typeof entry?.meetingId === 'string' && typeof entry.reason === 'string') reasons.set(entry.meetingId, entry.reason);
        else if (Array.isArray(item) && item.length === 2 && OBJECT_ID.test(String(item[0])) && typeof item[1] === 'string') reasons.set(String(item[0]), item[1]);
        else visit(item, depth + 1);
      }
      return;
    }
    for (const inner of Object.values(value)) visit(inner, depth + 1);
  };
  visit(view, 0);
  return reasons;
}

/** Progress as a whole percentage 0–100 (the job reports 0–100 or 0–1, or an object with a percent). */
export function progressPercent(view: ScheduleView | null): number {
  const raw = view?.progress as unknown;
  const value = typeof raw === 'number' ? raw : typeof raw === 'object' && raw !== null ? Number((raw as { percent?: number }).percent ?? 0) : 0;
  const percent = value > 0 && value <= 1 && !Number.isInteger(value) ? value * 100 : value;
  return Math.max(0, Math.min(100, Math.round(percent)));
}
