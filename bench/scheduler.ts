/**
 * npm run bench:scheduler — the events scheduler on two generated brokerage events (see
 * bench/scheduler/instance.ts), beside the first-fit baseline in the same run. For each: placed %,
 * the upper bound (no schedule can place more), placed % of that bound, conflicts found by the
 * independent checker, wall-clock and CPU seconds, and how well the highest-scored requests fared.
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import os from 'node:os';
import { checkSchedule, firstFitSchedule, schedule, type ScheduleResult, type SchedulingInput } from '../server/modules/events/scheduling';
import { generateInstance, type InstanceSpec } from './scheduler/instance';

const INSTANCES: (InstanceSpec & { name: string; budgetMs: number; targetSeconds: number })[] = [
  { name: 'small', participants: 1_000, requests: 5_000, sessions: 2, slotsPerSession: 12, tables: 150, maxMeetingsPerPerson: 8, seed: 1, budgetMs: 1_500, targetSeconds: 2 },
  { name: 'large', participants: 10_000, requests: 60_000, sessions: 4, slotsPerSession: 16, tables: 1_000, maxMeetingsPerPerson: 10, seed: 2, budgetMs: 25_000, targetSeconds: 60 },
];
const log = (message: string) => process.stderr.write(`[bench:scheduler] ${message}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function timed<T>(run: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Of the `count` highest-scored requests, the share that got a slot: "higher-scored first" made measurable. */
function topScoredPlaced(input: SchedulingInput, result: ScheduleResult, count: number): number {
  const top = input.meetings.map((m, i) => ({ score: m.score, i })).sort((x, y) => y.score - x.score || x.i - y.i).slice(0, count);
  return top.filter(({ i }) => result.meetings[i]!.placement).length / Math.max(1, top.length);
}

function summary(input: SchedulingInput, run: { value: ScheduleResult; seconds: number; cpuSeconds: number }, bound: number) {
  const result = run.value;
  const placedScores = input.meetings.filter((_, i) => result.meetings[i]!.placement).map((m) => m.score);
  const reasons: Record<string, number> = {};
  for (const outcome of result.meetings) if (outcome.reason) reasons[outcome.reason] = (reasons[outcome.reason] ?? 0) + 1;
  return {
    placed: result.placed,
    placedPct: round((100 * result.placed) / input.meetings.length),
    placedPctOfBound: round((100 * result.placed) / bound, 3),
    conflicts: checkSchedule(input, result).length,
    seconds: round(run.seconds, 3),
    cpuSeconds: round(run.cpuSeconds, 3),
    meanPlacedScore: round(placedScores.reduce((a, b) => a + b, 0) / Math.max(1, placedScores.length)),
    topScoredPlacedPct: round(100 * topScoredPlaced(input, result, bound)),
    unplacedReasons: reasons,
  };
}

const instances = INSTANCES.map(({ name, budgetMs, targetSeconds, ...spec }) => {
  const input = generateInstance(spec);
  log(`${name}: ${spec.participants} participants, ${input.meetings.length} accepted requests`);
  const ours = timed(() => schedule(input, { timeBudgetMs: budgetMs }));
  const bound = ours.value.bound;
  const baseline = timed(() => firstFitSchedule(input));
  const scheduler = summary(input, ours, bound.value);
  const firstFit = summary(input, baseline, bound.value);
  log(`${name}: placed ${scheduler.placed} of at most ${bound.value} in ${scheduler.seconds}s; first fit ${firstFit.placed}`);
  const breakSlots = input.sessions.reduce((sum, s) => sum + s.slotUsable.filter((u) => !u).length, 0);
  return {
    name,
    instance: { ...spec, breakSlots, peopleWithUnavailability: Object.keys(input.unavailableSlotIds ?? {}).length, tableSlots: input.sessions.reduce((sum, s) => sum + s.tables * s.slotUsable.filter(Boolean).length, 0) },
    upperBound: bound,
    scheduler: { ...scheduler, repair: ours.value.stats },
    firstFit,
    targets: {
      zeroConflicts: scheduler.conflicts === 0,
      atLeast99PctOfBound: scheduler.placedPctOfBound >= 99,
      morePlacedThanFirstFit: scheduler.placed > firstFit.placed,
      placedAtLeastFirstFit: scheduler.placed >= firstFit.placed,
      withinSeconds: { target: targetSeconds, met: scheduler.seconds <= targetSeconds },
    },
  };
});

process.stdout.write(`${JSON.stringify({ benchmark: 'scheduler', node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => round(l)), instances }, null, 2)}\n`);
