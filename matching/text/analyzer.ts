// Text → terms: tokenise, drop stop words, stem per language, optionally add phrase terms.
import type { Language } from '../taxonomy';
import { guessLanguage } from './language';
import { tokenize } from './normalize';
import { stem } from './stem';
import { isStopWord } from './stopwords';
import type { SurfaceForms } from './surface-forms';

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
  const tokens = tokenize(text);
  const lang = options.lang ?? guessLanguage(tokens.map((t) => t.text));
  const terms: string[] = [];
  // Phrase pairs only join terms that were adjacent apart from stop words, and never across
  // a quantity, which is its own unit of meaning.
  const phraseable: boolean[] = [];
  for (const token of tokens) {
    if (token.quantity) {
      terms.push(token.text);
      phraseable.push(false);
      continue;
    }
    const word = token.text;
    if (word.length < 2 || isStopWord(word)) continue;
    const term = stem(word, lang);
    options.surfaces?.record(term, word);
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
