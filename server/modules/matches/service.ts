import { HttpError } from '../../plugins/errors';
import { roleIn, type CurrentUser } from '../accounts/current-user';
import { commonSignals, explainMatch, type MatchExplanation, type Reader, type SignalName } from '../../../matching';
import type { NeedView } from '../needs/schema';
import { needProfile, type NeedService } from '../needs/service';
import type { ResearchOutputView } from '../research-outputs/schema';
import { outputProfile, type ResearchOutputService } from '../research-outputs/service';
import { feedbackId, pairKey, type FeedbackDoc, type FeedbackModel, type FeedbackStatus, type MatchEntry } from './model';
import type { MatchListQuery, NeedMatchView, OutputMatchView } from './schema';
import type { MatchSide, MatchStore } from './store';

export interface MatchServiceDeps {
  store: MatchStore;
  feedback: FeedbackModel;
  needs: NeedService;
  researchOutputs: ResearchOutputService;
}

const PAIR_KEY = /^([0-9a-f]{24}):([0-9a-f]{24})$/i;

/** Reading matches and recording feedback. Only the owning organization sees an item's matches. */
export class MatchService {
  constructor(private readonly deps: MatchServiceDeps) {}

  /** The need's matches, and when they were computed (null: not yet, the worker is on it). */
  async forNeed(user: CurrentUser, needId: string, query: MatchListQuery): Promise<{ items: NeedMatchView[]; computedAt: Date | null }> {
    const need = await this.deps.needs.get(user, needId);
    requireOwner(user, need.organizationId, 'need');
    const { rows, computedAt } = await this.ranked('need', needId, user, query);
    const outputs = await this.deps.researchOutputs.publishedViews(rows.map(({ entry }) => entry.outputId));
    const found = rows.flatMap((row) => {
      const output = outputs.get(row.entry.outputId);
      return output ? [{ ...row, need, output }] : [];
    });
    const common = commonSignals(found.map(({ output }) => [needProfile(need), outputProfile(output)] as const));
    const items = found.map(({ entry, status, output }) => ({ ...baseView(entry, status, need, output, 'need', common), output }));
    return { items, computedAt };
  }

  async forOutput(user: CurrentUser, outputId: string, query: MatchListQuery): Promise<{ items: OutputMatchView[]; computedAt: Date | null }> {
    const output = await this.deps.researchOutputs.get(user, outputId);
    requireOwner(user, output.organizationId, 'research output');
    const { rows, computedAt } = await this.ranked('output', outputId, user, query);
    const needs = await this.deps.needs.publishedViews(rows.map(({ entry }) => entry.needId));
    const found = rows.flatMap((row) => {
      const need = needs.get(row.entry.needId);
      return need ? [{ ...row, need }] : [];
    });
    const common = commonSignals(found.map(({ need }) => [needProfile(need), outputProfile(output)] as const));
    const items = found.map(({ entry, status, need }) => ({ ...baseView(entry, status, need, output, 'output', common), need }));
    return { items, computedAt };
  }

  /** Saves, dismisses or marks contacted, for this user only. Either side's owners may do it. */
  async giveFeedback(user: CurrentUser, matchId: string, status: FeedbackStatus) {
    const [, needId, outputId] = PAIR_KEY.exec(matchId) ?? [];
    if (!needId || !outputId) throw new HttpError(404, 'not_found', `No match with id ${matchId}.`);
    for (const side of ['need', 'output'] as const) {
      const itemId = side === 'need' ? needId : outputId;
      const matches = await this.deps.store.matchesOf(side, itemId);
      const index = matches.findIndex((entry) => pairKey(entry) === matchId);
      const entry = matches[index];
      if (!entry || !roleIn(user, side === 'need' ? entry.needOrganizationId : entry.outputOrganizationId)) continue;
      await this.deps.feedback.updateOne(
        { _id: feedbackId(user.id, side, itemId) },
        {
          $set: { [`verdicts.${matchId}`]: { status, rank: index + 1, at: new Date() } },
          $setOnInsert: { userId: user.id, side, itemId },
        },
        { upsert: true },
      );
      return { id: matchId, status };
    }
    throw new HttpError(404, 'not_found', `No match with id ${matchId}.`);
  }

  /** Feedback totals and precision at k: of the judged matches ranked ≤ k, the share kept (saved or contacted). */
  async feedbackStats() {
    const verdicts = (await this.deps.feedback.find().lean<FeedbackDoc[]>()).flatMap((doc) => Object.values(doc.verdicts ?? {}));
    const counts = { saved: 0, dismissed: 0, contacted: 0 };
    for (const verdict of verdicts) counts[verdict.status] += 1;
    const precisionAt = (k: number) => {
      const judged = verdicts.filter((verdict) => verdict.rank <= k);
      if (judged.length === 0) return null;
      return judged.filter((verdict) => verdict.status !== 'dismissed').length / judged.length;
    };
    return { counts, precisionAt5: precisionAt(5), precisionAt10: precisionAt(10) };
  }

  private async ranked(side: MatchSide, itemId: string, user: CurrentUser, query: MatchListQuery) {
    const [list, feedback] = await Promise.all([
      this.deps.store.listOf(side, itemId),
      this.deps.feedback.findById(feedbackId(user.id, side, itemId)).lean<FeedbackDoc>(),
    ]);
    const wanted = query.status;
    const rows = (list?.entries ?? [])
      .filter((entry) => query.minScore === undefined || entry.score >= query.minScore)
      .map((entry) => ({ entry, status: feedback?.verdicts?.[pairKey(entry)]?.status ?? ('new' as const) }))
      .filter(({ status }) => (wanted ? status === wanted : status !== 'dismissed'))
      .slice(0, query.limit ?? 20);
    return { rows, computedAt: list?.computedAt ?? null };
  }
}

function requireOwner(user: CurrentUser, organizationId: string, what: string): void {
  if (!roleIn(user, organizationId)) {
    throw new HttpError(403, 'forbidden', `Only members of the organization that owns this ${what} see its matches.`);
  }
}

/**
 * The stored pair with its explanation for the reader's side: evidence as stored, facts from both
 * listings now, with no sentence for facts (almost) every listed match shares (`common`).
 */
function baseView(
  entry: MatchEntry, status: 'new' | FeedbackStatus, need: NeedView, output: ResearchOutputView, reader: Reader, common: ReadonlySet<SignalName>,
) {
  const text = { similarity: entry.textSimilarity, evidence: entry.evidence ?? [] };
  const explanation = explainMatch(text, needProfile(need), outputProfile(output), { reader, common });
  return {
    id: pairKey(entry),
    needId: entry.needId,
    outputId: entry.outputId,
    score: entry.score,
    status,
    explanation: { ...explanation, sharedTerms: sharedTermsFor(explanation, reader) },
  };
}

/** Evidence as the reader sees it: the other listing's word, and their own when it differs. */
function sharedTermsFor({ evidence }: MatchExplanation, reader: Reader) {
  return evidence.map((e) => {
    const [yours, theirs] = reader === 'need' ? [e.need, e.output] : [e.output, e.need];
    const differs = yours.toLowerCase() !== theirs.toLowerCase();
    return { word: theirs, contribution: e.contribution, kind: e.kind, ...(differs ? { via: yours } : {}) };
  });
}
