import { combine, compatibility, MatchIndex, type PreparedText } from '../../matching';
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

export interface MatchEngineOptions {
  /** Matches kept per item and side. */
  topK: number;
  /** Text candidates re-scored with the structured signals; more finds more, costs more. */
  candidates: number;
  /**
   * Pairs whose texts are less similar than this (0–100) are no match, whatever their structure:
   * sector and TRL alone would otherwise pair every firm with every output of its sector.
   */
  minTextSimilarity: number;
}

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
   * The item's top K counterparts, best first; empty when the item is not live. Candidates are
   * ranked by score alone; only the K kept are explained (building explanations costs several
   * times more than the similarity).
   */
  matchesFor(side: MatchSide, id: string): ComputedMatch[] {
    const { topK, candidates } = this.options;
    const pairs: [MatchableNeed, MatchableOutput][] = [];
    if (side === 'need') {
      const need = this.needInfo.get(id);
      if (!need) return [];
      for (const hit of this.outputs.search(need.text, { k: candidates, explain: false })) pairs.push([need, this.outputInfo.get(hit.id)!]);
    } else {
      const output = this.outputInfo.get(id);
      if (!output) return [];
      for (const hit of this.needs.search(output.text, { k: candidates, explain: false })) pairs.push([this.needInfo.get(hit.id)!, output]);
    }
    const scored = pairs.flatMap(([need, output]) => this.score(need, output));
    return best(scored, topK).map((pair) => this.explain(pair));
  }

  /** The pair's entry, or null when either side is gone or they do not match. */
  entryFor(needId: string, outputId: string): ComputedMatch | null {
    const [pair] = this.score(this.needInfo.get(needId), this.outputInfo.get(outputId));
    return pair ? this.explain(pair) : null;
  }

  private score(need: MatchableNeed | undefined, output: MatchableOutput | undefined): ScoredPair[] {
    if (!need || !output || !this.outputs.has(output.id)) return [];
    const similarity = this.outputs.similarity(this.prepared(need), { id: output.id });
    if (similarity < this.options.minTextSimilarity) return [];
    const { score } = combine(similarity, compatibility(need.profile, output.profile));
    return [{ need, output, similarity, score: round(score, 1) }];
  }

  private explain({ need, output, similarity, score }: ScoredPair): ComputedMatch {
    const { sharedTerms } = this.outputs.textMatch(this.prepared(need), { id: output.id });
    return {
      needId: need.id,
      outputId: output.id,
      needOrganizationId: need.organizationId,
      outputOrganizationId: output.organizationId,
      score,
      textSimilarity: round(similarity, 2),
      sharedTerms: sharedTerms.map(({ word, contribution, via }) => ({ word, contribution: round(contribution, 2), ...(via ? { via } : {}) })),
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

/** A pair that matches, scored but not yet explained. */
interface ScoredPair {
  need: MatchableNeed;
  output: MatchableOutput;
  similarity: number;
  score: number;
}

/** Highest score first; ties broken by ids so the same data always gives the same list. */
function best(pairs: ScoredPair[], k: number): ScoredPair[] {
  return pairs
    .sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id) || a.output.id.localeCompare(b.output.id))
    .slice(0, k);
}
