import { Type, type Static } from '@sinclair/typebox';

const Latency = Type.Union([Type.Object({ p50: Type.Number(), p95: Type.Number() }), Type.Null()]);

export const StatsView = Type.Object({
  queues: Type.Array(
    Type.Object({
      name: Type.String(),
      waiting: Type.Integer(),
      active: Type.Integer(),
      delayed: Type.Integer(),
      completed: Type.Integer(),
      failed: Type.Integer(),
      latencyMs: Latency,
    }),
  ),
  matches: Type.Object({ lists: Type.Integer({ description: 'needs and outputs with stored match lists' }) }),
  feedback: Type.Object({
    counts: Type.Object({ saved: Type.Integer(), dismissed: Type.Integer(), contacted: Type.Integer() }),
    precisionAt5: Type.Union([Type.Number(), Type.Null()]),
    precisionAt10: Type.Union([Type.Number(), Type.Null()]),
  }),
  rescore: Type.Object({
    state: Type.Union([Type.String(), Type.Null()]),
    progress: Type.Number({ minimum: 0, maximum: 100 }),
    jobId: Type.Union([Type.String(), Type.Null()]),
    nextRunAt: Type.Union([Type.String({ format: 'date-time', description: 'the next nightly rescore, when the schedule is on' }), Type.Null()]),
  }),
});
export type StatsView = Static<typeof StatsView>;
