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

  /** The item's top K counterparts, best first; empty when the item is not live. */
  matchesFor(side: MatchSide, id: string): ComputedMatch[] {
    const { topK, candidates } = this.options;
    if (side === 'need') {
      const need = this.needInfo.get(id);
      if (!need) return [];
      const hits = this.outputs.search(need.text, { k: candidates, explain: false });
      return best(hits.flatMap((hit) => this.pair(need, this.outputInfo.get(hit.id))), topK);
    }
    const output = this.outputInfo.get(id);
    if (!output) return [];
    const hits = this.needs.search(output.text, { k: candidates, explain: false });
    return best(hits.flatMap((hit) => this.pair(this.needInfo.get(hit.id), output)), topK);
  }

  /** The pair's entry, or null when either side is gone or they do not match. */
  entryFor(needId: string, outputId: string): ComputedMatch | null {
    return this.pair(this.needInfo.get(needId), this.outputInfo.get(outputId))[0] ?? null;
  }

  private pair(need: MatchableNeed | undefined, output: MatchableOutput | undefined): ComputedMatch[] {
    if (!need || !output || !this.outputs.has(output.id)) return [];
    const text = this.outputs.textMatch(this.prepared(need), { id: output.id });
    if (text.similarity < this.options.minTextSimilarity) return [];
    const { score } = combine(text.similarity, compatibility(need.profile, output.profile));
    return [
      {
        needId: need.id,
        outputId: output.id,
        needOrganizationId: need.organizationId,
        outputOrganizationId: output.organizationId,
        score: round(score, 1),
        textSimilarity: round(text.similarity, 2),
        sharedTerms: text.sharedTerms.map(({ word, contribution, via }) => ({ word, contribution: round(contribution, 2), ...(via ? { via } : {}) })),
      },
    ];
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

/** Highest score first; ties broken by ids so the same data always gives the same list. */
function best(matches: ComputedMatch[], k: number): ComputedMatch[] {
  return matches
    .sort((a, b) => b.score - a.score || a.needId.localeCompare(b.needId) || a.outputId.localeCompare(b.outputId))
    .slice(0, k);
}
