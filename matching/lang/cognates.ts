// Romance–English cognates the dictionaries miss ("fermentación" ≈ "fermentation"): after accent
// folding, regular suffix correspondences are tried first, then character trigram overlap with
// an English dictionary word of the same beginning. A hit must be a word the dictionaries know
// in English, so invented forms never enter the term space.
import type { BridgedLanguage } from './languages';

// [source ending, English ending], longest first per language.
const SUFFIXES: Record<BridgedLanguage, Array<[string, string]>> = {
  es: [['aciones', 'ations'], ['acion', 'ation'], ['ciones', 'tions'], ['cion', 'tion'], ['siones', 'sions'], ['sion', 'sion'], ['idades', 'ities'], ['idad', 'ity'], ['encia', 'ence'], ['ancia', 'ance'], ['mente', 'ly'], ['logia', 'logy'], ['izar', 'ize'], ['ismo', 'ism'], ['ico', 'ic'], ['ica', 'ic'], ['icos', 'ics'], ['oso', 'ous'], ['ivo', 'ive'], ['iva', 'ive'], ['ente', 'ent'], ['ante', 'ant'], ['ura', 'ure'], ['ia', 'y'], ['o', ''], ['a', ''], ['e', ''], ['os', 's'], ['as', 's'], ['es', 's']],
  pt: [['acoes', 'ations'], ['acao', 'ation'], ['coes', 'tions'], ['cao', 'tion'], ['soes', 'sions'], ['sao', 'sion'], ['idades', 'ities'], ['idade', 'ity'], ['encia', 'ence'], ['ancia', 'ance'], ['mente', 'ly'], ['logia', 'logy'], ['izar', 'ize'], ['ismo', 'ism'], ['ico', 'ic'], ['ica', 'ic'], ['oso', 'ous'], ['ivo', 'ive'], ['iva', 'ive'], ['ente', 'ent'], ['ante', 'ant'], ['ura', 'ure'], ['ia', 'y'], ['o', ''], ['a', ''], ['e', ''], ['os', 's'], ['as', 's'], ['es', 's']],
  fr: [['ications', 'ications'], ['ite', 'ity'], ['ites', 'ities'], ['ique', 'ic'], ['iques', 'ics'], ['eur', 'or'], ['eux', 'ous'], ['if', 'ive'], ['ive', 'ive'], ['iser', 'ize'], ['isme', 'ism'], ['ie', 'y'], ['el', 'al'], ['elle', 'al'], ['ement', 'ment'], ['e', ''], ['es', 's']],
  it: [['azioni', 'ations'], ['azione', 'ation'], ['zioni', 'tions'], ['zione', 'tion'], ['sione', 'sion'], ['ita', 'ity'], ['enza', 'ence'], ['anza', 'ance'], ['mente', 'ly'], ['logia', 'logy'], ['izzare', 'ize'], ['ismo', 'ism'], ['ico', 'ic'], ['ica', 'ic'], ['oso', 'ous'], ['ivo', 'ive'], ['iva', 'ive'], ['ente', 'ent'], ['ante', 'ant'], ['ura', 'ure'], ['ia', 'y'], ['o', ''], ['a', ''], ['e', ''], ['i', 's']],
  de: [['ieren', 'ize'], ['ismus', 'ism'], ['tion', 'tion'], ['ik', 'ics'], ['isch', 'ic'], ['ie', 'y'], ['e', ''], ['en', '']],
};

const MIN_LENGTH = 5;
const MIN_DICE = 0.72;

export class Cognates {
  private byPrefix: Map<string, string[]> | undefined;
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly english: ReadonlySet<string>) {}

  /** The English word a folded source word is a cognate of, or undefined. */
  find(lang: BridgedLanguage, word: string): string | undefined {
    if (word.length < MIN_LENGTH || /\d/.test(word)) return undefined;
    const key = `${lang}:${word}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = this.bySuffix(lang, word) ?? (lang === 'de' ? undefined : this.byTrigrams(word)) ?? null;
      this.cache.set(key, hit);
    }
    return hit ?? undefined;
  }

  private bySuffix(lang: BridgedLanguage, word: string): string | undefined {
    if (this.english.has(word)) return word;
    for (const [from, to] of SUFFIXES[lang]) {
      if (!word.endsWith(from) || word.length - from.length < 3) continue;
      const candidate = word.slice(0, word.length - from.length) + to;
      if (this.english.has(candidate)) return candidate;
    }
    return undefined;
  }

  private byTrigrams(word: string): string | undefined {
    this.byPrefix ??= indexByPrefix(this.english);
    const grams = trigrams(word);
    let best: string | undefined;
    let bestDice = MIN_DICE;
    for (const candidate of this.byPrefix.get(word.slice(0, 3)) ?? []) {
      if (Math.abs(candidate.length - word.length) > 3) continue;
      const other = trigrams(candidate);
      let common = 0;
      for (const g of grams) if (other.has(g)) common++;
      const dice = (2 * common) / (grams.size + other.size);
      if (dice > bestDice) {
        bestDice = dice;
        best = candidate;
      }
    }
    return best;
  }
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function indexByPrefix(words: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < MIN_LENGTH) continue;
    const prefix = word.slice(0, 3);
    if (!index.has(prefix)) index.set(prefix, []);
    index.get(prefix)!.push(word);
  }
  return index;
}
