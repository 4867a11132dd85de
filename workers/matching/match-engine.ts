import { evidenceFor, MatchIndex, rankMatches, type PreparedText, type RankedMatch, type RankingOptions } from '../../matching';
import type { MatchableNeed } from '../../server/modules/needs/service';
import type { MatchableOutput } from '../../server/modules/research-outputs/service';
import type { ComputedMatch, MatchSide } from '../../server/modules/matches/store';

export type { MatchableNeed, MatchableOutput };

/** Where the engine reads listings from (the need and research-output services). */
export interface MatchableSource {
  allNeeds(): AsyncIterable<MatchableNeed>;
  allOutputs(): AsyncIterable<MatchableOutput>;
  /** The listing when it is published, else null. */
  need(id: string): Promise<MatchableNeed | null>;
  output(id: string): Promise<MatchableOutput | null>;
}

/** The ranking options (server/config.ts, defaults in matching/rank.ts DEFAULT_RANKING). */
export type MatchEngineOptions = RankingOptions;

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * The worker's in-memory view of every published listing. Pairs are always scored against the
 * research-output index's statistics, so a pair gets the same score whether the need's job or the
 * output's job computed it.
 */
export class MatchEngine {
  private outputs = new MatchIndex();
  private needs = new MatchIndex();
  private needInfo = new Map<string, MatchableNeed>();
  private outputInfo = new Map<string, MatchableOutput>();
  /** Needs weighted with the output index's statistics; cleared whenever those change. */
  private readonly preparedNeeds = new Map<string, PreparedText>();

  constructor(
    private readonly source: MatchableSource,
    private readonly options: MatchEngineOptions,
  ) {}

  /** Ids of every live listing of a side, in a stable order. */
  ids(side: MatchSide): string[] {
    return [...(side === 'need' ? this.needInfo : this.outputInfo).keys()].sort();
  }

  get counts() {
    return { needs: this.needInfo.size, outputs: this.outputInfo.size };
  }

  /**
   * Loads every published listing into fresh indexes and swaps them in at the end, so work in
   * progress (a full rescore while a reconnect triggers a reload) never sees a half-loaded engine.
   */
  async loadAll(onProgress?: (loaded: number) => void | Promise<void>): Promise<void> {
    const outputs = new MatchIndex();
    const needs = new MatchIndex();
    const outputInfo = new Map<string, MatchableOutput>();
    const needInfo = new Map<string, MatchableNeed>();
    let loaded = 0;
    for await (const output of this.source.allOutputs()) {
      outputs.update(output.id, output.text);
      outputInfo.set(output.id, output);
      if (++loaded % 1000 === 0) await onProgress?.(loaded);
    }
    for await (const need of this.source.allNeeds()) {
      needs.update(need.id, need.text);
      needInfo.set(need.id, need);
      if (++loaded % 1000 === 0) await onProgress?.(loaded);
    }
    this.outputs = outputs;
    this.needs = needs;
    this.outputInfo = outputInfo;
    this.needInfo = needInfo;
    this.preparedNeeds.clear();
  }

  /** Re-reads one listing: indexed when published, dropped otherwise. Returns whether it is live. */
  async refresh(side: MatchSide, id: string): Promise<boolean> {
    if (side === 'need') {
      const need = await this.source.need(id);
      if (need) this.putNeed(need);
      else this.dropNeed(id);
      return need !== null;
    }
    const output = await this.source.output(id);
    if (output) this.putOutput(output);
    else this.dropOutput(id);
    return output !== null;
  }

  /**
   * The item's top K counterparts, best first; empty when the item is not live. Ranked by
   * rankMatches (the one ranking path); only the K kept are explained (building explanations
   * costs several times more than the similarity).
   */
  matchesFor(side: MatchSide, id: string): ComputedMatch[] {
    if (side === 'need') {
      const need = this.needInfo.get(id);
      if (!need) return [];
      const ranked = rankMatches(
        (k) => this.outputs.search(need.text, { k, explain: false }).map((hit) => hit.id),
        (outputId) => this.candidate(need, this.outputInfo.get(outputId)),
        this.options,
      );
      return ranked.map((match) => this.explain(need, this.outputInfo.get(match.id)!, match));
    }
    const output = this.outputInfo.get(id);
    if (!output) return [];
    const ranked = rankMatches(
      (k) => this.needs.search(output.text, { k, explain: false }).map((hit) => hit.id),
      (needId) => this.candidate(this.needInfo.get(needId), output),
      this.options,
    );
    return ranked.map((match) => this.explain(this.needInfo.get(match.id)!, output, match));
  }

  /** A pair's similarity, always against the research-output index's statistics, and both profiles. */
  private candidate(need: MatchableNeed | undefined, output: MatchableOutput | undefined) {
    if (!need || !output || !this.outputs.has(output.id)) return undefined;
    const similarity = this.outputs.similarity(this.prepared(need), { id: output.id });
    return { similarity, profiles: [need.profile, output.profile] as const };
  }

  private explain(need: MatchableNeed, output: MatchableOutput, { similarity, score }: RankedMatch): ComputedMatch {
    const { sharedTerms } = this.outputs.textMatch(this.prepared(need), { id: output.id });
    return {
      needId: need.id,
      outputId: output.id,
      needOrganizationId: need.organizationId,
      outputOrganizationId: output.organizationId,
      score,
      textSimilarity: round(similarity, 2),
      evidence: evidenceFor(sharedTerms, need.text, output.text).map((e) => ({ ...e, contribution: round(e.contribution, 2) })),
    };
  }

  private prepared(need: MatchableNeed): PreparedText {
    let prepared = this.preparedNeeds.get(need.id);
    if (!prepared) {
      prepared = this.outputs.prepare(need.text);
      this.preparedNeeds.set(need.id, prepared);
    }
    return prepared;
  }

  private putNeed(need: MatchableNeed): void {
    this.needs.update(need.id, need.text);
    this.needInfo.set(need.id, need);
    this.preparedNeeds.delete(need.id);
  }

  private dropNeed(id: string): void {
    this.needs.remove(id);
    this.needInfo.delete(id);
    this.preparedNeeds.delete(id);
  }

  private putOutput(output: MatchableOutput): void {
    this.outputs.update(output.id, output.text);
    this.outputInfo.set(output.id, output);
    this.preparedNeeds.clear();
  }

  private dropOutput(id: string): void {
    if (this.outputs.remove(id)) this.preparedNeeds.clear();
    this.outputInfo.delete(id);
  }
}
