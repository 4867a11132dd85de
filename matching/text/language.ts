// A small language guess for choosing a stemmer: count function words that mark exactly one
// language. Good enough for abstracts and needs of a few sentences; defaults to English.
import type { Language } from '../taxonomy';
import { voteLanguage, wordInfo } from './word-cache';

export function guessLanguage(foldedTokens: readonly string[]): Language {
  return voteLanguage(foldedTokens.map(wordInfo));
}
