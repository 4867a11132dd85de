// A small language guess for choosing a stemmer: count function words of each language.
// Good enough for abstracts and needs of a few sentences; ties and silence default to English.
import type { Language } from '../taxonomy';
import { ENGLISH_FUNCTION_WORDS, FRENCH_FUNCTION_WORDS, SPANISH_FUNCTION_WORDS } from './stopwords';

// Words shared by two languages ("de", "en", "la", "se") would blur the vote; count only
// words that mark one language.
const MARKERS: Record<Language, ReadonlySet<string>> = {
  en: ENGLISH_FUNCTION_WORDS,
  fr: FRENCH_FUNCTION_WORDS,
  es: SPANISH_FUNCTION_WORDS,
};
const SHARED = new Set(['de', 'en', 'la', 'le', 'les', 'se', 'te', 'a', 'on', 'son', 'me', 'un', 'o', 'es', 'y', 'no']);

export function guessLanguage(foldedTokens: readonly string[]): Language {
  const votes: Record<Language, number> = { en: 0, fr: 0, es: 0 };
  for (const token of foldedTokens) {
    if (SHARED.has(token)) continue;
    if (MARKERS.en.has(token)) votes.en++;
    if (MARKERS.fr.has(token)) votes.fr++;
    if (MARKERS.es.has(token)) votes.es++;
  }
  if (votes.fr > votes.en && votes.fr > votes.es) return 'fr';
  if (votes.es > votes.en && votes.es > votes.fr) return 'es';
  return 'en';
}
