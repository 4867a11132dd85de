import type { MatchStore } from '../matches/store';
import { concurrently } from '../shared/concurrently';
import type { EventRegistrationDoc } from './model';
import type { PairScore, ProfileForRanking } from './recommendations';

const READS_AT_ONCE = 8;

/** Every computed pair that involves one of the registration's needs or outputs. */
export async function pairScoresOf(store: MatchStore, registration: Pick<EventRegistrationDoc, 'needIds' | 'outputIds'>): Promise<PairScore[]> {
  const items = [
    ...registration.needIds.map((id) => ({ side: 'need' as const, id: String(id) })),
    ...registration.outputIds.map((id) => ({ side: 'output' as const, id: String(id) })),
  ];
  const scores: PairScore[] = [];
  await concurrently(items, READS_AT_ONCE, async (item) => {
    for (const entry of await store.matchesOf(item.side, item.id)) scores.push({ needId: entry.needId, outputId: entry.outputId, score: entry.score });
  });
  return scores;
}

export function profileOf(registration: EventRegistrationDoc): ProfileForRanking {
  return {
    registrationId: String(registration._id),
    organizationId: String(registration.organizationId),
    groupKey: registration.groupKey,
    needIds: registration.needIds.map(String),
    outputIds: registration.outputIds.map(String),
    interests: registration.interests,
  };
}
