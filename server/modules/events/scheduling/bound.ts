import { commonSlotCounts } from './greedy';
import { MaxFlow } from './max-flow';
import { compileProblem, type Problem } from './problem';
import type { SchedulingInput, UpperBound } from './types';

/**
 * An upper bound on how many meetings any valid schedule can place, from two relaxations:
 *
 * flow — person p can attend at most c(p) = Σ_sessions min(maxMeetingsPerPerson, slots p can make)
 * meetings, and a meeting without a slot both sides can make is never placed. The best schedule is
 * therefore at most the maximum b-matching of the meeting graph with vertex capacities c(p), which is
 * at most its LP relaxation (x_e ∈ [0,1], Σ_{e∋p} x_e ≤ c(p)). That LP's optimum equals half the
 * maximum flow in the bipartite double cover (source → p_L [c(p)] → q_R [1 per meeting pq, both
 * directions] → sink [c(q)]): a flow gives x_e = (f(p_L,q_R) + f(q_L,p_R)) / 2 and a feasible x gives
 * a flow of twice its value. So placed ≤ ⌊maxflow / 2⌋.
 *
 * tables — a slot holds at most min(tables, ⌊people who can make it / 2⌋) meetings.
 *
 * Both hold for every valid schedule, so their minimum does. It ignores how the per-slot and
 * per-person limits interact, so it can sit above the true optimum, never below it.
 */
export function upperBound(input: SchedulingInput): UpperBound {
  return problemBound(compileProblem(input));
}

export function problemBound(problem: Problem): UpperBound {
  const { personCount, slotCount, sessionCount, sessionStart, sessionCap, available, slotTables } = problem;
  const common = commonSlotCounts(problem);
  const involved = new Uint8Array(personCount);
  for (let m = 0; m < problem.meetingCount; m++) {
    if (common[m]! > 0) involved[problem.personA[m]!] = involved[problem.personB[m]!] = 1;
  }

  const source = 2 * personCount;
  const sink = source + 1;
  const flow = new MaxFlow(2 * personCount + 2);
  for (let p = 0; p < personCount; p++) {
    if (!involved[p]) continue;
    let capacity = 0;
    for (let k = 0; k < sessionCount; k++) {
      let free = 0;
      for (let s = sessionStart[k]!; s < sessionStart[k + 1]!; s++) free += available[p * slotCount + s]!;
      capacity += Math.min(sessionCap[k]!, free);
    }
    flow.addArc(source, p, capacity);
    flow.addArc(personCount + p, sink, capacity);
  }
  for (let m = 0; m < problem.meetingCount; m++) {
    if (common[m] === 0) continue;
    const a = problem.personA[m]!;
    const b = problem.personB[m]!;
    flow.addArc(a, personCount + b, 1);
    flow.addArc(b, personCount + a, 1);
  }
  const flowBound = Math.floor(flow.run(source, sink) / 2);

  let tableBound = 0;
  for (let s = 0; s < slotCount; s++) {
    let people = 0;
    for (let p = 0; p < personCount; p++) people += involved[p]! & available[p * slotCount + s]!;
    tableBound += Math.min(slotTables[s]!, Math.floor(people / 2));
  }
  return { value: Math.min(flowBound, tableBound), flow: flowBound, tables: tableBound };
}
