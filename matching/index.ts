// Public API of the matching engine. See README.md for usage and measured results.
export { MatchIndex, type MatchIndexInit, type MatchIndexOptions, type PreparedText } from './index/match-index';
export type { SearchHit, SearchOptions } from './index/search';
export type { SharedTerm, TextMatch } from './index/similarity';
export { DEFAULT_BM25, type Bm25Params } from './index/bm25';
export { DEFAULT_EXPANSION, type ExpansionOptions } from './index/expansion';
export type { TextDoc } from './text/document';
export { analyze, type AnalyzeOptions, type AnalyzedText } from './text/analyzer';
export { foldText, tokenize, type Token } from './text/normalize';
export { stem } from './text/stem';
export { guessLanguage } from './text/language';
export { isStopWord } from './text/stopwords';
export {
  FACT_WEIGHTS, MATCH_BANDS, TEXT_SCALE, bandOf, combine, compatibility, textScore, sectorSignal, trlSignal,
  collaborationSignal, ipSignal, governmentFundingSignal,
  type NeedProfile, type OutputProfile, type Signal, type SignalName, type CombinedScore, type MatchBand, type Reader,
} from './compatibility';
export { explainMatch, commonSignals, type ExplainOptions, type MatchExplanation } from './explain';
export { evidenceFor, occursIn, type Evidence } from './evidence';
export { rankMatches, DEFAULT_RANKING, type RankingOptions, type RankedMatch } from './rank';
export { ndcgAtK, dcgAtK, reciprocalRank, precisionAtK, recallAtK, mean, type Judgements } from './evaluate';
export * from './taxonomy';
