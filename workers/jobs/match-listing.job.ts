import type { ComputedMatch } from '../../server/modules/matches/store';
import { enqueue, type JobPayloads, type JobResults } from '../queues';
import type { JobContext } from './context';
import { recordTouched } from './touched-listings';

/**
 * A need or output changed: re-read it, then write its top K matches in both directions (or
 * delete them when it is no longer published, and recompute the counterparts that listed it).
 * Idempotent: running it twice leaves the same lists and scores.
 */
export async function runMatchListing(ctx: JobContext, { kind, id }: JobPayloads['match-listing']): Promise<JobResults['match-listing']> {
  await recordTouched(ctx, kind, id);
  const live = await ctx.engine.refresh(kind, id);
  if (!live) {
    const affected = await ctx.store.removeItem(kind, id);
    const otherKind = kind === 'need' ? 'output' : 'need';
    for (const counterpart of affected) await enqueue(ctx.queues, 'match-listing', { kind: otherKind, id: counterpart });
    return { live, matches: 0, created: 0 };
  }
  const matches = ctx.engine.matchesFor(kind, id);
  const created = await ctx.store.replaceOwn(kind, id, matches);
  await notifyNewMatches(ctx, created);
  return { live, matches: matches.length, created: created.length };
}

/** One notification per new pair and side; the dedupe key makes a retried job notify once. */
export async function notifyNewMatches(ctx: JobContext, created: ComputedMatch[]): Promise<void> {
  for (const match of created) {
    if (match.score < ctx.notifyMinScore) continue;
    const score = Math.round(match.score);
    const top = match.evidence.slice(0, 3);
    const needWords = top.map((e) => e.output).join(', ');
    const outputWords = top.map((e) => e.need).join(', ');
    await ctx.services.notifications.notifyOrganization(match.needOrganizationId, {
      type: 'new_match',
      title: `New match (${score}/100) for one of your needs`,
      body: needWords ? `It talks about: ${needWords}.` : '',
      link: `/needs/${match.needId}/matches`,
      dedupeKey: `match:${match.needId}:${match.outputId}:need`,
    });
    await ctx.services.notifications.notifyOrganization(match.outputOrganizationId, {
      type: 'new_match',
      title: `New match (${score}/100) for one of your research outputs`,
      body: outputWords ? `It talks about: ${outputWords}.` : '',
      link: `/outputs/${match.outputId}/matches`,
      dedupeKey: `match:${match.needId}:${match.outputId}:output`,
    });
  }
}
