// Stemming with natural's Porter stemmers (English, French, Spanish), cached per word.
import type { Language } from '../taxonomy';
import { stemOf, wordInfo } from './word-cache';

export function stem(word: string, lang: Language = 'en'): string {
  return stemOf(word, wordInfo(word), lang);
}
