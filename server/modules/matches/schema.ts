import { Type, type Static } from '@sinclair/typebox';
import { NeedView } from '../needs/schema';
import { ResearchOutputView } from '../research-outputs/schema';
import { ObjectIdString, StringEnum } from '../shared/schema';
import { FEEDBACK_STATUSES } from './model';

export const MATCH_STATUSES = ['new', ...FEEDBACK_STATUSES] as const;
export const MatchStatusSchema = StringEnum(MATCH_STATUSES, { description: 'new until you save, dismiss or mark it contacted' });

/** One piece of evidence (matching/evidence.ts) seen from the reader's side. */
const SharedTermView = Type.Object({
  word: Type.String({ description: 'the word or phrase as the other listing writes it' }),
  contribution: Type.Number({ description: 'similarity points this word brings' }),
  via: Type.Optional(Type.String({ description: 'your own word, as your listing writes it, when it differs (a synonym or another form)' })),
  kind: StringEnum(['same', 'synonym', 'translation'] as const),
});

const SignalView = Type.Object({
  name: Type.String(),
  value: Type.Number(),
  weight: Type.Number(),
  contribution: Type.Number({ description: 'score points, negative when it counts against' }),
  effect: StringEnum(['positive', 'neutral', 'negative'] as const),
  sentence: Type.String(),
});

export const ExplanationView = Type.Object({
  score: Type.Number(),
  band: StringEnum(['strong', 'possible', 'weak'] as const, { description: 'strong ≥ 70, possible ≥ 45, else weak (the same for every listing)' }),
  reader: StringEnum(['need', 'output'] as const, { description: 'whose side the sentences are written for: the need owner or the output owner' }),
  textSimilarity: Type.Number(),
  textContribution: Type.Number(),
  sharedTerms: Type.Array(SharedTermView),
  signals: Type.Array(SignalView),
  sentences: Type.Array(Type.String()),
});

export const MatchId = Type.String({ pattern: '^[0-9a-fA-F]{24}:[0-9a-fA-F]{24}$', description: '<needId>:<outputId>' });

const matchBase = {
  id: MatchId,
  needId: ObjectIdString,
  outputId: ObjectIdString,
  score: Type.Number({ minimum: 0, maximum: 100 }),
  status: MatchStatusSchema,
  explanation: ExplanationView,
};

/** A need's match: the research output's public view, never its confidential details. */
export const NeedMatchView = Type.Object({ ...matchBase, output: ResearchOutputView });
/** An output's match: the need's public view. */
export const OutputMatchView = Type.Object({ ...matchBase, need: NeedView });
export type NeedMatchView = Static<typeof NeedMatchView>;
export type OutputMatchView = Static<typeof OutputMatchView>;

export const MatchListQuery = Type.Object(
  {
    minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    status: Type.Optional(MatchStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type MatchListQuery = Static<typeof MatchListQuery>;

export const FeedbackBody = Type.Object({ status: StringEnum(FEEDBACK_STATUSES) }, { additionalProperties: false });

export const FeedbackResult = Type.Object({ id: MatchId, status: MatchStatusSchema });
export const MatchIdParams = Type.Object({ id: MatchId }, { additionalProperties: false });
