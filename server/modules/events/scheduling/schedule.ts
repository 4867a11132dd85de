import { Board } from './board';
import { problemBound } from './bound';
import { bestSlot, commonSlotCounts, firstSlot, placementOrder } from './greedy';
import { outcomes } from './outcome';
import { compileProblem, type Problem } from './problem';
import { Repairer } from './repair';
import { swapIn } from './swap';
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

interface RepairContext {
  order: number[];
  bound: UpperBound;
  maxDepth: number;
  outOfTime: () => boolean;
  now: () => number;
  /** 0–1 of the repair phase done, by depth and by time. */
  share: (depth: number, passDone: number) => number;
}

/**
 * Repair passes over the unplaced meetings, highest score first: a Kempe-chain swap, then ejection
 * chains up to the current depth. Deepen only when a whole pass placed nothing — shallow moves are
 * cheap and find most. Stops at the bound (nothing more can fit) or when time is up.
 */
function* repairPhase(board: Board, context: RepairContext): Generator<ScheduleProgress, number> {
  const finished = () => board.placedCount >= context.bound.value || context.outOfTime();
  const repairer = new Repairer(board, context.outOfTime);
  let depthReached = 0;
  for (let depth = 1; depth <= context.maxDepth && !context.outOfTime(); depth++) {
    depthReached = depth;
    let improved = true;
    while (improved && !finished()) {
      improved = false;
      const unplaced = context.order.filter((m) => board.slotOf[m] === -1);
      let lastYield = context.now();
      for (let i = 0; i < unplaced.length && !finished(); i++) {
        if (repairer.insert(unplaced[i]!, depth)) improved = true;
        // Deep chains can be slow: hand control back at least every 50 ms (a job renews its lock meanwhile).
        if (i % 200 === 199 || context.now() - lastYield > 50) {
          lastYield = context.now();
          const fraction = GREEDY_SHARE + (1 - GREEDY_SHARE) * Math.min(1, context.share(depth, i / unplaced.length));
          yield { phase: 'repair', fraction, placed: board.placedCount };
        }
      }
    }
    // Once shallow chains have done what they can: higher-scored first, by swaps, before going deeper.
    if (depth === 1) yield* swapPhase(board, repairer, context);
    if (finished()) break;
  }
  return depthReached;
}

/** Swap unplaced meetings in for lower-scored placed ones (see swap.ts), then fill what now fits directly. */
function* swapPhase(board: Board, repairer: Repairer, context: RepairContext): Generator<ScheduleProgress, void> {
  let lastYield = context.now();
  for (const m of context.order) {
    if (context.outOfTime()) return;
    if (board.slotOf[m] === -1) swapIn(board, repairer, m);
    if (context.now() - lastYield > 50) {
      lastYield = context.now();
      yield { phase: 'repair', fraction: GREEDY_SHARE + (1 - GREEDY_SHARE) * Math.min(1, context.share(1, 1)), placed: board.placedCount };
    }
  }
  for (const m of context.order) {
    if (board.slotOf[m] !== -1) continue;
    const s = bestSlot(board, m);
    if (s >= 0) board.place(m, s);
  }
  board.commit();
}

function firstFitBoard(problem: Problem): Board {
  const board = new Board(problem);
  for (const m of placeKept(problem, board)) {
    const s = firstSlot(board, m);
    if (s >= 0) board.place(m, s);
  }
  board.commit();
  return board;
}

const scoreSum = (board: Board) => board.problem.score.reduce((sum, score, m) => sum + (board.slotOf[m]! >= 0 ? score : 0), 0);

/**
 * The scheduler as a generator: it yields progress now and then so a caller can report it (or give
 * the event loop a turn) and returns the result. Greedy by score with most-constrained tie-breaks,
 * then repair (Kempe swaps and ejection chains with augmenting substitutions) under a time budget.
 */
export function* scheduleSteps(input: SchedulingInput, options: ScheduleOptions = {}): Generator<ScheduleProgress, ScheduleResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const budget = options.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  const maxDepth = options.maxRepairDepth ?? DEFAULT_REPAIR_DEPTH;
  const problem = compileProblem(input);
  let board = new Board(problem);
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
  const share = (depth: number, passDone: number) => Math.max((depth - 1 + passDone) / maxDepth, (now() - started) / budget);
  const context = { order, bound, maxDepth, outOfTime, now, share };
  const depthReached = yield* repairPhase(board, context);

  // Never worse than the baseline: first fit is cheap, and on the rare instance where it places more,
  // its schedule gets the same repair and the better of the two (count, then total score) is kept.
  const baseline = firstFitBoard(problem);
  if (baseline.placedCount > board.placedCount) {
    yield* repairPhase(baseline, context);
    if (baseline.placedCount > board.placedCount || (baseline.placedCount === board.placedCount && scoreSum(baseline) > scoreSum(board))) board = baseline;
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
  const report = monotone(options.onProgress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    report(step.value);
  }
}

/** Progress never goes backwards (a second repair of the baseline restarts its own depth count). */
function monotone(onProgress: ScheduleOptions['onProgress']): (progress: ScheduleProgress) => void {
  let highest = 0;
  return (progress) => {
    highest = Math.max(highest, progress.fraction);
    onProgress?.({ ...progress, fraction: highest });
  };
}

/** Like schedule, but awaits `pause` between steps so a job can send its progress while it runs. */
export async function scheduleAsync(input: SchedulingInput, options: ScheduleOptions & { pause: () => Promise<void> }): Promise<ScheduleResult> {
  const steps = scheduleSteps(input, options);
  const report = monotone(options.onProgress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    report(step.value);
    await options.pause();
  }
}

/** The baseline: meetings in arrival order, each in the earliest slot that works, no repair. */
export function firstFitSchedule(input: SchedulingInput): ScheduleResult {
  const started = performance.now();
  const problem = compileProblem(input);
  const board = firstFitBoard(problem);
  const meetings = outcomes(input, problem, board);
  const milliseconds = performance.now() - started;
  return result(input, problem, board, meetings, problemBound(problem), { greedyPlaced: board.placedCount, repairPlaced: 0, repairDepthReached: 0, milliseconds });
}
