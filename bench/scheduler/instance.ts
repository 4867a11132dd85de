/**
 * Realistic generated brokerage events for the scheduler benchmark (seeded, deterministic):
 * - participants in three groups (SMEs 45 %, university researchers 40 %, intermediaries 15 %);
 *   SMEs meet universities, intermediaries meet anyone;
 * - skewed popularity: recipients are drawn with weight ∝ 1/(rank/groupSize + 0.03) within their group (the top
 *   one ~30× the median), so a few star labs and companies receive far more requests than they can attend, as at real events;
 *   requesters are drawn with a milder skew;
 * - no duplicate pairs; scores 20–100 in whole points (ties are common, as with rounded match scores);
 * - unavailability: 8 % of people miss a whole session, 20 % miss a block of 2–5 slots;
 * - breaks: every session has a coffee break slot, sessions of 16 slots also a lunch slot.
 */
import { seededRandom } from '../matching/synthetic-corpus';
import type { SchedulingInput, SchedulingMeeting, SchedulingSession } from '../../server/modules/events/scheduling';

export interface InstanceSpec {
  participants: number;
  requests: number;
  sessions: number;
  slotsPerSession: number;
  tables: number;
  maxMeetingsPerPerson: number;
  seed: number;
}

function weightedPicker(weights: number[], random: () => number): () => number {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cdf[i] = sum += w));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function generateInstance(spec: InstanceSpec): SchedulingInput {
  const random = seededRandom(spec.seed);
  const sessions: SchedulingSession[] = Array.from({ length: spec.sessions }, (_, k) => {
    const slotUsable = Array.from({ length: spec.slotsPerSession }, () => true);
    slotUsable[Math.floor(spec.slotsPerSession / 2)] = false;
    if (spec.slotsPerSession >= 16) slotUsable[Math.floor(spec.slotsPerSession / 4)] = false;
    return { id: `s${k}`, slotUsable, tables: spec.tables, maxMeetingsPerPerson: spec.maxMeetingsPerPerson };
  });

  const people = Array.from({ length: spec.participants }, (_, i) => `p${i}`);
  const groupOf = people.map(() => {
    const x = random();
    return x < 0.45 ? 'sme' : x < 0.85 ? 'university' : 'intermediary';
  });
  const members = { sme: [] as number[], university: [] as number[], intermediary: [] as number[] };
  groupOf.forEach((group, i) => members[group].push(i));
  const pickers = Object.fromEntries(
    Object.entries(members).map(([group, list]) => {
      const popularity = weightedPicker(list.map((_, rank) => 1 / (rank / list.length + 0.03)), random);
      return [group, () => list[popularity()]!];
    }),
  ) as Record<keyof typeof members, () => number>;
  const requester = weightedPicker(people.map((_, rank) => 1 / (rank + 200) ** 0.5), random);
  const partnerGroup = (group: string): keyof typeof members => {
    if (group === 'sme') return random() < 0.8 ? 'university' : 'intermediary';
    if (group === 'university') return random() < 0.8 ? 'sme' : 'intermediary';
    const x = random();
    return x < 0.45 ? 'sme' : x < 0.9 ? 'university' : 'intermediary';
  };

  const pairs = new Set<string>();
  const meetings: SchedulingMeeting[] = [];
  while (meetings.length < spec.requests) {
    const a = requester();
    const b = pickers[partnerGroup(groupOf[a]!)]();
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    meetings.push({ id: `m${meetings.length}`, personA: people[a]!, personB: people[b]!, score: 20 + Math.floor(80 * random() ** 1.5) });
  }

  const unavailableSlotIds: Record<string, string[]> = {};
  for (const person of people) {
    const x = random();
    if (x < 0.08) {
      const k = Math.floor(random() * spec.sessions);
      unavailableSlotIds[person] = Array.from({ length: spec.slotsPerSession }, (_, i) => `s${k}:${i}`);
    } else if (x < 0.28) {
      const k = Math.floor(random() * spec.sessions);
      const length = 2 + Math.floor(random() * 4);
      const start = Math.floor(random() * (spec.slotsPerSession - length));
      unavailableSlotIds[person] = Array.from({ length }, (_, i) => `s${k}:${start + i}`);
    }
  }
  return { sessions, meetings, unavailableSlotIds, mode: 'all' };
}
