import { Types } from 'mongoose';
import { HttpError } from '../../plugins/errors';
import { roleIn, type CurrentUser } from '../accounts/current-user';
import type { NeedService } from '../needs/service';
import type { ResearchOutputService } from '../research-outputs/service';
import { toObjectId } from '../shared/ids';
import type { FeedbackDoc, FeedbackModel, FeedbackStatus, MatchDoc, MatchModel } from './model';
import type { MatchListQuery, NeedMatchView, OutputMatchView } from './schema';
import type { MatchSide } from './store';

export interface MatchServiceDeps {
  matches: MatchModel;
  feedback: FeedbackModel;
  needs: NeedService;
  researchOutputs: ResearchOutputService;
}

// Enough candidates to fill a page after the user's dismissed matches are hidden.
const MAX_MATCHES_PER_ITEM = 200;

/** Reading matches and recording feedback. Only the owning organization sees an item's matches. */
export class MatchService {
  constructor(private readonly deps: MatchServiceDeps) {}

  async forNeed(user: CurrentUser, needId: string, query: MatchListQuery): Promise<NeedMatchView[]> {
    const need = await this.deps.needs.get(user, needId);
    requireOwner(user, need.organizationId, 'need');
    const rows = await this.ranked('need', needId, user, query);
    const outputs = await this.deps.researchOutputs.publishedViews(rows.map(({ match }) => String(match.outputId)));
    return rows.flatMap(({ match, status }) => {
      const output = outputs.get(String(match.outputId));
      return output ? [{ ...baseView(match, status), output }] : [];
    });
  }

  async forOutput(user: CurrentUser, outputId: string, query: MatchListQuery): Promise<OutputMatchView[]> {
    const output = await this.deps.researchOutputs.get(user, outputId);
    requireOwner(user, output.organizationId, 'research output');
    const rows = await this.ranked('output', outputId, user, query);
    const needs = await this.deps.needs.publishedViews(rows.map(({ match }) => String(match.needId)));
    return rows.flatMap(({ match, status }) => {
      const need = needs.get(String(match.needId));
      return need ? [{ ...baseView(match, status), need }] : [];
    });
  }

  /** Saves, dismisses or marks contacted, for this user only. Either side's owners may do it. */
  async giveFeedback(user: CurrentUser, matchId: string, status: FeedbackStatus) {
    const match = await this.deps.matches.findById(toObjectId(matchId, 'match')).lean<MatchDoc>();
    if (!match) throw new HttpError(404, 'not_found', `No match with id ${matchId}.`);
    const side: MatchSide | null = roleIn(user, String(match.needOrganizationId))
      ? 'need'
      : roleIn(user, String(match.outputOrganizationId))
        ? 'output'
        : null;
    if (!side) throw new HttpError(404, 'not_found', `No match with id ${matchId}.`);
    const key = side === 'need' ? 'needId' : 'outputId';
    const rank = 1 + (await this.deps.matches.countDocuments({ [key]: match[key], score: { $gt: match.score } }));
    await this.deps.feedback.updateOne(
      { matchId: match._id, userId: toObjectId(user.id) },
      { $set: { status, rank, needId: match.needId, outputId: match.outputId } },
      { upsert: true },
    );
    return { id: matchId, status };
  }

  /** Feedback totals and precision at k: of the judged matches ranked ≤ k, the share kept (saved or contacted). */
  async feedbackStats() {
    const all = await this.deps.feedback.find({}, { status: 1, rank: 1 }).lean<FeedbackDoc[]>();
    const counts = { saved: 0, dismissed: 0, contacted: 0 };
    for (const row of all) counts[row.status] += 1;
    const precisionAt = (k: number) => {
      const judged = all.filter((row) => row.rank <= k);
      if (judged.length === 0) return null;
      return judged.filter((row) => row.status !== 'dismissed').length / judged.length;
    };
    return { counts, precisionAt5: precisionAt(5), precisionAt10: precisionAt(10), matches: await this.deps.matches.estimatedDocumentCount() };
  }

  private async ranked(side: MatchSide, itemId: string, user: CurrentUser, query: MatchListQuery) {
    const key = side === 'need' ? 'needId' : 'outputId';
    const filter: Record<string, unknown> = { [key]: new Types.ObjectId(itemId) };
    if (query.minScore !== undefined) filter['score'] = { $gte: query.minScore };
    const matches = await this.deps.matches.find(filter).sort({ score: -1, _id: 1 }).limit(MAX_MATCHES_PER_ITEM).lean<MatchDoc[]>();
    const feedback = await this.deps.feedback
      .find({ userId: toObjectId(user.id), matchId: { $in: matches.map((match) => match._id) } })
      .lean<FeedbackDoc[]>();
    const statusOf = new Map(feedback.map((row) => [String(row.matchId), row.status]));
    const wanted = query.status;
    return matches
      .map((match) => ({ match, status: statusOf.get(String(match._id)) ?? ('new' as const) }))
      .filter(({ status }) => (wanted ? status === wanted : status !== 'dismissed'))
      .slice(0, query.limit ?? 20);
  }
}

function requireOwner(user: CurrentUser, organizationId: string, what: string): void {
  if (!roleIn(user, organizationId)) {
    throw new HttpError(403, 'forbidden', `Only members of the organization that owns this ${what} see its matches.`);
  }
}

function baseView(match: MatchDoc, status: 'new' | FeedbackStatus) {
  return {
    id: String(match._id),
    needId: String(match.needId),
    outputId: String(match.outputId),
    score: match.score,
    status,
    explanation: match.explanation as NeedMatchView['explanation'],
    computedAt: match.computedAt.toISOString(),
  };
}
