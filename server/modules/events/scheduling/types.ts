/**
 * The scheduler's public data: plain values, no mongoose, no I/O. Persons, sessions and meetings are
 * identified by strings the caller chooses (the job uses user ids, session ids and meeting ids).
 */
export type ScheduleMode = 'all' | 'unscheduled';

export interface SchedulingSession {
  id: string;
  /** One entry per slot in time order; false where the slot overlaps a break. */
  slotUsable: readonly boolean[];
  /** Tables (or virtual rooms): how many meetings one slot of this session can hold. */
  tables: number;
  /** The most meetings one person may have in this session. */
  maxMeetingsPerPerson: number;
}

export interface SchedulingPlacement {
  sessionId: string;
  slotIndex: number;
  /** 1-based. */
  table: number;
}

export interface SchedulingMeeting {
  id: string;
  personA: string;
  personB: string;
  /** Higher is placed first when not everything fits (0–100 in the app). */
  score: number;
  /** The current placement; a locked one is kept in both modes, any placement in 'unscheduled' mode. */
  placement?: (SchedulingPlacement & { locked: boolean }) | null;
}

export interface SchedulingInput {
  sessions: readonly SchedulingSession[];
  meetings: readonly SchedulingMeeting[];
  /** Slot ids `<sessionId>:<index>` each person cannot make. */
  unavailableSlotIds?: Readonly<Record<string, readonly string[]>>;
  /** 'all' re-plans every meeting except locked ones; 'unscheduled' keeps every placed meeting. */
  mode: ScheduleMode;
}

/**
 * Why a meeting stayed unplaced, judged against the final schedule:
 * - same-person: both sides are the same person;
 * - no-common-slot: no usable slot that both people can make;
 * - participant-cap: in every session where they share a slot, one side already has the maximum;
 * - participants-busy: every shared slot has one side in another meeting;
 * - tables-full: some shared slot has both sides free but every table is taken.
 */
export const UNPLACED_REASONS = ['same-person', 'no-common-slot', 'participant-cap', 'participants-busy', 'tables-full'] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

export interface MeetingOutcome {
  meetingId: string;
  /** kept: the meeting keeps the placement it came with (locked, or placed in 'unscheduled' mode). */
  placement: (SchedulingPlacement & { kept: boolean }) | null;
  reason: UnplacedReason | null;
}

export interface UpperBound {
  /** min(flow, tables): no schedule can place more meetings than this. */
  value: number;
  /** Fractional b-matching bound: each person's capacity over the meetings that have a common slot. */
  flow: number;
  /** Sum over usable slots of min(tables, ⌊people free in the slot / 2⌋). */
  tables: number;
}

export interface ScheduleProgress {
  phase: 'greedy' | 'repair' | 'done';
  /** 0–1 over the whole run. */
  fraction: number;
  placed: number;
}

export interface ScheduleOptions {
  /** Stop the repair phase after this long (ms); the greedy schedule is always complete. */
  timeBudgetMs?: number;
  /** Deepest ejection chain the repair phase tries (0 turns repair off). */
  maxRepairDepth?: number;
  onProgress?: (progress: ScheduleProgress) => void;
  /** Clock for the budget; defaults to performance.now. */
  now?: () => number;
}

export interface ScheduleResult {
  /** In input order. */
  meetings: MeetingOutcome[];
  placed: number;
  unplaced: number;
  kept: number;
  /** Kept placements that could not stand (break, unavailability, double booking) and were re-planned. */
  droppedPlacements: { meetingId: string; problem: string }[];
  /** No schedule can place more than bound.value; the repair phase stops early when it gets there. */
  bound: UpperBound;
  stats: { greedyPlaced: number; repairPlaced: number; repairDepthReached: number; milliseconds: number };
}
