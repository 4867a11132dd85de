// Stemming with natural's Porter stemmers (English, French, Spanish). Stems are cached per
// language: real text repeats words heavily, and the cache makes indexing several times faster.
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer';
import porterEs from 'natural/lib/natural/stemmers/porter_stemmer_es';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr';
import type { Language } from '../taxonomy';

const STEMMERS: Record<Language, { stem(token: string): string }> = {
  en: porterEn,
  fr: porterFr,
  es: porterEs,
};
const MAX_CACHE = 200_000;
const caches: Record<Language, Map<string, string>> = { en: new Map(), fr: new Map(), es: new Map() };

export function stem(word: string, lang: Language = 'en'): string {
  const cache = caches[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    // Digits-only tokens and very short words are left alone; stemmers mangle them.
    stemmed = word.length <= 2 || /^\d/.test(word) ? word : STEMMERS[lang].stem(word);
    if (stemmed.length === 0) stemmed = word;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}
