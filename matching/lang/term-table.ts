// The bilingual term table: for each bridged language, a stemmed source word (or adjacent pair)
// → its English alternatives, each a list of English stems with a weight. The weights of one
// source key sum to 1: all translations of a word form one alternative set, so a word with
// eight senses weighs as much in a query as a word with one. Built at provisioning time by
// scripts/term-table/build.ts from Debian's dictionaries (see matching/README.md).
import type { BridgedLanguage } from './languages';

/** The JSON file: alternatives encoded as "stem stem:weight|stem:weight" per key. */
export interface TermTableData {
  format: 1;
  languages: Partial<Record<BridgedLanguage, Record<string, string>>>;
  /** Folded English single words seen in the dictionaries, space separated (for cognates). */
  englishWords: string;
}

export interface Alternative {
  /** English stems of the translation ("shelf life" → ["shelf", "life"]). */
  terms: string[];
  /** Share of the source word's weight; the alternatives of one word sum to 1. */
  weight: number;
}

export class TermTable {
  private readonly entries: Partial<Record<BridgedLanguage, Map<string, string>>> = {};
  private readonly decoded = new Map<string, Alternative[]>();
  readonly englishWords: ReadonlySet<string>;

  constructor(data: TermTableData) {
    for (const [lang, entries] of Object.entries(data.languages)) {
      this.entries[lang as BridgedLanguage] = new Map(Object.entries(entries));
    }
    this.englishWords = new Set(data.englishWords.split(' '));
  }

  languages(): BridgedLanguage[] {
    return Object.keys(this.entries) as BridgedLanguage[];
  }

  /** The alternatives of a stemmed source key, decoded once and cached. */
  lookup(lang: BridgedLanguage, key: string): Alternative[] | undefined {
    const encoded = this.entries[lang]?.get(key);
    if (encoded === undefined) return undefined;
    const cacheKey = `${lang}:${key}`;
    let alternatives = this.decoded.get(cacheKey);
    if (!alternatives) {
      alternatives = encoded.split('|').map((part) => {
        const colon = part.lastIndexOf(':');
        return { terms: part.slice(0, colon).split(' '), weight: Number(part.slice(colon + 1)) };
      });
      this.decoded.set(cacheKey, alternatives);
    }
    return alternatives;
  }

  size(lang: BridgedLanguage): number {
    return this.entries[lang]?.size ?? 0;
  }
}

/** Encodes alternatives for the JSON file (the build script's side of `lookup`). */
export function encodeAlternatives(alternatives: readonly Alternative[]): string {
  return alternatives.map((a) => `${a.terms.join(' ')}:${Math.round(a.weight * 1000) / 1000}`).join('|');
}
