/**
 * "Whom to meet": pure ranking over the match store's need–output pairs and shared interests.
 * A candidate's score is its best pair's match score (0–100) plus 5 points per shared interest
 * (at most 15), capped at 100: a strong technical fit leads, shared sectors break near-ties and
 * bring up people with no computed match yet.
 */

export interface ProfileForRanking {
  registrationId: string;
  organizationId: string;
  groupKey: string;
  needIds: string[];
  outputIds: string[];
  interests: string[];
}

export interface PairScore {
  needId: string;
  outputId: string;
  score: number;
}

export interface RankedPair extends PairScore {
  /** 'their-output': the candidate's output answers my need; 'their-need': my output answers theirs. */
  direction: 'their-output' | 'their-need';
}

export interface Ranked {
  registrationId: string;
  score: number;
  matchScore: number;
  sharedInterests: string[];
  pairs: RankedPair[];
}

export const INTEREST_POINTS = 5;
export const MAX_INTEREST_POINTS = 15;
const PAIRS_SHOWN = 3;

/** Pairs linking two profiles, best first: my needs × their outputs and their needs × my outputs. */
export function pairsBetween(me: ProfileForRanking, them: ProfileForRanking, scores: PairScore[]): RankedPair[] {
  const mine = { needs: new Set(me.needIds), outputs: new Set(me.outputIds) };
  const theirs = { needs: new Set(them.needIds), outputs: new Set(them.outputIds) };
  const pairs: RankedPair[] = [];
  const seen = new Set<string>();
  for (const pair of scores) {
    const key = `${pair.needId}:${pair.outputId}`;
    if (seen.has(key)) continue;
    if (mine.needs.has(pair.needId) && theirs.outputs.has(pair.outputId)) pairs.push({ ...pair, direction: 'their-output' });
    else if (theirs.needs.has(pair.needId) && mine.outputs.has(pair.outputId)) pairs.push({ ...pair, direction: 'their-need' });
    else continue;
    seen.add(key);
  }
  return pairs.sort((a, b) => b.score - a.score || a.needId.localeCompare(b.needId) || a.outputId.localeCompare(b.outputId));
}

/** The meeting score of two profiles, 0–100. */
export function meetingScore(me: ProfileForRanking, them: ProfileForRanking, scores: PairScore[]): number {
  return combinedScore(pairsBetween(me, them, scores)[0]?.score ?? 0, sharedInterests(me, them).length);
}

function combinedScore(matchScore: number, sharedCount: number): number {
  return Math.min(100, Math.round(matchScore + Math.min(MAX_INTEREST_POINTS, sharedCount * INTEREST_POINTS)));
}

export function sharedInterests(me: ProfileForRanking, them: ProfileForRanking): string[] {
  const theirs = new Set(them.interests);
  return [...new Set(me.interests)].filter((interest) => theirs.has(interest)).sort();
}

/**
 * Ranks candidates best first; `allowed` says whether the rules let me meet a candidate. People
 * from my own organization, those the rules exclude and those with neither a match nor a shared
 * interest (no reason to meet) are left out.
 */
export function rankCandidates(
  me: ProfileForRanking,
  candidates: ProfileForRanking[],
  scores: PairScore[],
  allowed: (candidate: ProfileForRanking) => boolean,
): Ranked[] {
  const ranked: Ranked[] = [];
  for (const candidate of candidates) {
    if (candidate.registrationId === me.registrationId || candidate.organizationId === me.organizationId || !allowed(candidate)) continue;
    const pairs = pairsBetween(me, candidate, scores);
    const shared = sharedInterests(me, candidate);
    if (pairs.length === 0 && shared.length === 0) continue;
    const matchScore = pairs[0]?.score ?? 0;
    const score = combinedScore(matchScore, shared.length);
    ranked.push({ registrationId: candidate.registrationId, score, matchScore, sharedInterests: shared, pairs: pairs.slice(0, PAIRS_SHOWN) });
  }
  return ranked.sort((a, b) => b.score - a.score || b.matchScore - a.matchScore || a.registrationId.localeCompare(b.registrationId));
}

/** "Why you should meet", one sentence per reason; titles come from the listings. */
export function reasonsFor(ranked: Ranked, titles: Map<string, string>, sectorLabel: (sector: string) => string): string[] {
  const reasons = ranked.pairs.map((pair) => {
    const need = titles.get(pair.needId) ?? 'a need';
    const output = titles.get(pair.outputId) ?? 'a research output';
    return pair.direction === 'their-output'
      ? `Their research output "${output}" matches your need "${need}" (score ${Math.round(pair.score)}).`
      : `Your research output "${output}" matches their need "${need}" (score ${Math.round(pair.score)}).`;
  });
  if (ranked.sharedInterests.length > 0) {
    reasons.push(`You share an interest in ${ranked.sharedInterests.map(sectorLabel).join(', ')}.`);
  }
  return reasons;
}

/** A ready-made meeting request reason, written to the candidate ("our need … your output"). */
export function suggestedReason(ranked: Ranked, titles: Map<string, string>, sectorLabel: (sector: string) => string): string {
  const pair = ranked.pairs[0];
  if (pair) {
    const need = titles.get(pair.needId) ?? 'our need';
    const output = titles.get(pair.outputId) ?? 'your research output';
    return pair.direction === 'their-output'
      ? `Your research output "${output}" could answer our need "${need}".`
      : `Our research output "${output}" could answer your need "${need}".`;
  }
  return `We share an interest in ${ranked.sharedInterests.map(sectorLabel).join(', ')}; let us explore working together.`;
}
