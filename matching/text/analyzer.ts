// Text → terms: tokenise, drop stop words, stem per language, optionally add phrase terms.
import type { Language } from '../taxonomy';
import { compoundOf, isCompoundHead } from './compounds';
import { forEachToken } from './normalize';
import type { SurfaceForms } from './surface-forms';
import { stemOf, voteLanguage, wordInfo, type WordInfo } from './word-cache';

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

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
  const terms: string[] = [];
  // Phrase pairs only join terms that were adjacent apart from stop words, and never across
  // a quantity, which is its own unit of meaning.
  const phraseable: boolean[] | undefined = options.phrases ? [] : undefined;
  const surfaces = options.surfaces;
  let head: string | undefined;
  const emit = (token: string, tokenInfo: WordInfo | undefined, lang: Language) => {
    // A compound's head is a stop word: remember it, and join it with the next word if they form one.
    const compound = head !== undefined && tokenInfo !== undefined ? compoundOf(head, token) : undefined;
    head = tokenInfo !== undefined && isCompoundHead(token) ? token : undefined;
    const word = compound ?? token;
    const info = compound === undefined ? tokenInfo : wordInfo(compound);
    if (info === undefined) {
      terms.push(word);
      phraseable?.push(false);
      return;
    }
    // A bare number ("15", "2.5") says how much, not what about; quantities with units stay.
    if (word.length < 2 || info.stop || BARE_NUMBER.test(word)) return;
    const term = stemOf(word, info, lang);
    if (surfaces) surfaces.record(term, word, info);
    terms.push(term);
    phraseable?.push(true);
  };
  let lang = options.lang;
  if (lang !== undefined) {
    // Known language: one pass, no intermediate arrays (the indexing hot path).
    const known = lang;
    forEachToken(text, (token, quantity) => emit(token, quantity ? undefined : wordInfo(token), known));
  } else {
    // Unknown language: collect tokens, vote (stop words included), then stem.
    const words: string[] = [];
    const infos: Array<WordInfo | undefined> = [];
    forEachToken(text, (token, quantity) => {
      words.push(token);
      infos.push(quantity ? undefined : wordInfo(token));
    });
    const guessed = voteLanguage(infos.filter((i) => i !== undefined));
    lang = guessed;
    words.forEach((word, i) => emit(word, infos[i], guessed));
  }
  if (phraseable) {
    const singles = terms.length;
    for (let i = 1; i < singles; i++) {
      if (phraseable[i - 1] && phraseable[i]) terms.push(`${terms[i - 1]} ${terms[i]}`);
    }
  }
  return { lang, terms };
}
