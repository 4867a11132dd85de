import { describe, expect, it } from 'vitest';
import { meetingScore, pairsBetween, rankCandidates, reasonsFor, suggestedReason, type ProfileForRanking } from '../../../server/modules/events/recommendations';

const profile = (id: string, fields: Partial<ProfileForRanking> = {}): ProfileForRanking => ({
  registrationId: id,
  organizationId: `org-${id}`,
  groupKey: 'universities',
  needIds: [],
  outputIds: [],
  interests: [],
  ...fields,
});

const me = profile('me', { groupKey: 'smes', needIds: ['n1', 'n2'], outputIds: ['o-mine'], interests: ['C', 'J'] });
const scores = [
  { needId: 'n1', outputId: 'o-a', score: 70 },
  { needId: 'n2', outputId: 'o-a', score: 82 },
  { needId: 'n1', outputId: 'o-b', score: 50 },
  { needId: 'n-c', outputId: 'o-mine', score: 65 },
  { needId: 'n1', outputId: 'o-elsewhere', score: 99 },
];

describe('recommendation ranking', () => {
  it('finds the pairs in both directions, best first, and ignores pairs with people outside the two profiles', () => {
    const a = profile('a', { outputIds: ['o-a'] });
    expect(pairsBetween(me, a, scores).map((p) => [p.needId, p.outputId, p.direction])).toEqual([
      ['n2', 'o-a', 'their-output'],
      ['n1', 'o-a', 'their-output'],
    ]);
    const c = profile('c', { needIds: ['n-c'] });
    expect(pairsBetween(me, c, scores)).toEqual([{ needId: 'n-c', outputId: 'o-mine', score: 65, direction: 'their-need' }]);
  });

  it('ranks by best match score plus 5 points per shared interest (at most 15, score at most 100)', () => {
    const candidates = [
      profile('a', { outputIds: ['o-a'] }), // 82
      profile('b', { outputIds: ['o-b'], interests: ['C', 'J'] }), // 50 + 10
      profile('c', { needIds: ['n-c'] }), // 65
      profile('d', { interests: ['J'] }), // 0 + 5
      profile('e'), // nothing in common: left out
      profile('f', { groupKey: 'smes', outputIds: ['o-a'] }), // excluded by the rules
      profile('g', { organizationId: 'org-me', outputIds: ['o-a'] }), // my own organization
      me,
    ];
    const ranked = rankCandidates(me, candidates, scores, (candidate) => candidate.groupKey !== 'smes');
    expect(ranked.map((r) => [r.registrationId, r.score, r.matchScore])).toEqual([
      ['a', 82, 82],
      ['c', 65, 65],
      ['b', 60, 50],
      ['d', 5, 0],
    ]);
    const many = profile('m', { outputIds: ['o-a'], interests: ['A', 'B', 'C', 'J'] });
    const meWithAll = { ...me, interests: ['A', 'B', 'C', 'J'] };
    expect(meetingScore(meWithAll, many, scores)).toBe(97); // 82 + 15 (capped), not 82 + 20
    expect(meetingScore(meWithAll, { ...many, outputIds: ['o-elsewhere'] }, [{ needId: 'n1', outputId: 'o-elsewhere', score: 99 }])).toBe(100);
  });

  it('explains each recommendation and suggests a request reason written to the other side', () => {
    const [ranked] = rankCandidates(me, [profile('b', { outputIds: ['o-b'], interests: ['C'] })], scores, () => true);
    const titles = new Map([
      ['n1', 'Keep rye bread fresh'],
      ['o-b', 'Anti-staling enzymes'],
    ]);
    const label = (sector: string) => ({ C: 'Manufacturing' })[sector] ?? sector;
    expect(reasonsFor(ranked!, titles, label)).toEqual([
      'Their research output "Anti-staling enzymes" matches your need "Keep rye bread fresh" (score 50).',
      'You share an interest in Manufacturing.',
    ]);
    expect(suggestedReason(ranked!, titles, label)).toBe('Your research output "Anti-staling enzymes" could answer our need "Keep rye bread fresh".');
    const [interestOnly] = rankCandidates(me, [profile('d', { interests: ['C'] })], scores, () => true);
    expect(suggestedReason(interestOnly!, titles, label)).toMatch(/^We share an interest in Manufacturing/);
  });
});
