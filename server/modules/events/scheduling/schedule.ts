import { Board } from './board';
import { problemBound } from './bound';
import { bestSlot, commonSlotCounts, firstSlot, placementOrder } from './greedy';
import { outcomes } from './outcome';
import { compileProblem, type Problem } from './problem';
import { Repairer } from './repair';
import type { ScheduleOptions, ScheduleProgress, ScheduleResult, SchedulingInput, UpperBound } from './types';

const DEFAULT_BUDGET_MS = 20_000;
const DEFAULT_REPAIR_DEPTH = 3;
/** Share of the progress bar the greedy pass takes; repair fills the rest. */
const GREEDY_SHARE = 0.3;

/** Kept placements go on the board first and are pinned; a kept placement that clashes with an earlier one is re-planned. */
function placeKept(problem: Problem, board: Board): number[] {
  const free: number[] = [];
  for (let m = 0; m < problem.meetingCount; m++) {
    const s = problem.keptSlot[m]!;
    if (s >= 0 && board.fits(m, s)) {
      board.place(m, s);
      board.pinned[m] = 1;
    } else {
      if (s >= 0) problem.keptProblems.set(m, 'it clashes with another kept meeting, a cap or the table count');
      free.push(m);
    }
  }
  board.commit();
  return free;
}

/**
 * The scheduler as a generator: it yields progress now and then so a caller can report it (or give
 * the event loop a turn) and returns the result. Greedy by score with most-constrained tie-breaks,
 * then ejection-chain repair under a time budget (see repair.ts).
 */
export function* scheduleSteps(input: SchedulingInput, options: ScheduleOptions = {}): Generator<ScheduleProgress, ScheduleResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const budget = options.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  const maxDepth = options.maxRepairDepth ?? DEFAULT_REPAIR_DEPTH;
  const problem = compileProblem(input);
  const board = new Board(problem);
  const free = placeKept(problem, board);
  const order = placementOrder(problem, free, commonSlotCounts(problem));

  for (let i = 0; i < order.length; i++) {
    const m = order[i]!;
    const s = bestSlot(board, m);
    if (s >= 0) board.place(m, s);
    if (i % 2000 === 1999) yield { phase: 'greedy', fraction: (GREEDY_SHARE * i) / order.length, placed: board.placedCount };
  }
  board.commit();
  const greedyPlaced = board.placedCount;

  const bound = problemBound(problem);
  const outOfTime = () => now() - started > budget;
  const finished = () => board.placedCount >= bound.value || outOfTime();
  const repairer = new Repairer(board, outOfTime);
  let depthReached = 0;
  // Deepen only when a whole pass at this depth placed nothing: shallow chains are cheap and find most.
  for (let depth = 1; depth <= maxDepth && !finished(); depth++) {
    depthReached = depth;
    let improved = true;
    while (improved && !finished()) {
      improved = false;
      const unplaced = order.filter((m) => board.slotOf[m] === -1);
      for (let i = 0; i < unplaced.length && !finished(); i++) {
        if (repairer.insert(unplaced[i]!, depth)) improved = true;
        if (i % 200 === 199) {
          const share = Math.max((depth - 1 + i / unplaced.length) / maxDepth, (now() - started) / budget);
          yield { phase: 'repair', fraction: GREEDY_SHARE + (1 - GREEDY_SHARE) * Math.min(1, share), placed: board.placedCount };
        }
      }
    }
  }

  const meetings = outcomes(input, problem, board);
  yield { phase: 'done', fraction: 1, placed: board.placedCount };
  return result(input, problem, board, meetings, bound, {
    greedyPlaced, repairPlaced: board.placedCount - greedyPlaced, repairDepthReached: depthReached, milliseconds: now() - started,
  });
}

function result(input: SchedulingInput, problem: Problem, board: Board, meetings: ScheduleResult['meetings'], bound: UpperBound, stats: ScheduleResult['stats']): ScheduleResult {
  let kept = 0;
  for (let m = 0; m < problem.meetingCount; m++) kept += board.pinned[m]!;
  const droppedPlacements = [...problem.keptProblems].map(([m, problem]) => ({ meetingId: input.meetings[m]!.id, problem }));
  return { meetings, placed: board.placedCount, unplaced: problem.meetingCount - board.placedCount, kept, droppedPlacements, bound, stats };
}

/** Runs the scheduler to the end, passing progress to options.onProgress. */
export function schedule(input: SchedulingInput, options: ScheduleOptions = {}): ScheduleResult {
  const steps = scheduleSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

/** Like schedule, but awaits `pause` between steps so a job can send its progress while it runs. */
export async function scheduleAsync(input: SchedulingInput, options: ScheduleOptions & { pause: () => Promise<void> }): Promise<ScheduleResult> {
  const steps = scheduleSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await options.pause();
  }
}

/** The baseline: meetings in arrival order, each in the earliest slot that works, no repair. */
export function firstFitSchedule(input: SchedulingInput): ScheduleResult {
  const started = performance.now();
  const problem = compileProblem(input);
  const board = new Board(problem);
  for (const m of placeKept(problem, board)) {
    const s = firstSlot(board, m);
    if (s >= 0) board.place(m, s);
  }
  board.commit();
  const meetings = outcomes(input, problem, board);
  const milliseconds = performance.now() - started;
  return result(input, problem, board, meetings, problemBound(problem), { greedyPlaced: board.placedCount, repairPlaced: 0, repairDepthReached: 0, milliseconds });
}
