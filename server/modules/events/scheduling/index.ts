export * from './types';
export { schedule, scheduleAsync, scheduleSteps, firstFitSchedule } from './schedule';
export { upperBound } from './bound';
export { checkSchedule, type Conflict } from './check';
