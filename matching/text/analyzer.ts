// Text → terms: tokenise, drop stop words, stem per language, optionally add phrase terms.
import type { Language } from '../taxonomy';
import { forEachToken } from './normalize';
import type { SurfaceForms } from './surface-forms';
import { stemOf, voteLanguage, wordInfo, type WordInfo } from './word-cache';

export interface AnalyzeOptions {
  /** Language of the text; guessed from function words when absent. */
  lang?: Language;
  /** Also emit adjacent-pair terms ("heat transfer" → "heat transf"). Off by default: see README. */
  phrases?: boolean;
  /** Records stem → surface word pairs for readable explanations. */
  surfaces?: SurfaceForms;
}

export interface AnalyzedText {
  lang: Language;
  /** Terms in text order; phrase terms (if any) follow the single terms. */
  terms: string[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalyzedText {
  const words: string[] = [];
  const infos: Array<WordInfo | undefined> = [];
  forEachToken(text, (token, quantity) => {
    words.push(token);
    // Stop words are dropped before stemming; they still vote for the language below.
    infos.push(quantity ? undefined : wordInfo(token));
  });
  const lang = options.lang ?? voteLanguage(infos.filter((i) => i !== undefined));
  const terms: string[] = [];
  // Phrase pairs only join terms that were adjacent apart from stop words, and never across
  // a quantity, which is its own unit of meaning.
  const phraseable: boolean[] = [];
  const surfaces = options.surfaces;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const info = infos[i];
    if (info === undefined) {
      terms.push(word);
      phraseable.push(false);
      continue;
    }
    if (word.length < 2 || info.stop) continue;
    const term = stemOf(word, info, lang);
    if (surfaces) surfaces.record(term, word);
    terms.push(term);
    phraseable.push(true);
  }
  if (options.phrases) {
    const singles = terms.length;
    for (let i = 1; i < singles; i++) {
      if (phraseable[i - 1] && phraseable[i]) terms.push(`${terms[i - 1]} ${terms[i]}`);
    }
  }
  return { lang, terms };
}
