// The languages bridged to English: each keeps its own stemmer (natural's Porter stemmers, see
// text/word-cache.ts) and its own stop words; their terms are mapped into English terms through
// the term table, so every listing meets every other in one (English) term space.
import { words as italian } from 'natural/lib/natural/util/stopwords_it';
import { words as portuguese } from 'natural/lib/natural/util/stopwords_pt';
import { words as spanish } from 'natural/lib/natural/util/stopwords_es';
import { words as french } from 'natural/lib/natural/util/stopwords_fr';
import type { Language } from '../taxonomy';
import { foldText } from '../text/normalize';
import { ENGLISH_FUNCTION_WORDS, DOMAIN_STOP_WORDS } from '../text/stopwords';

export type BridgedLanguage = Exclude<Language, 'en'>;
export const BRIDGED_LANGUAGES: readonly BridgedLanguage[] = ['de', 'es', 'fr', 'pt', 'it'];

export function isBridged(lang: Language): lang is BridgedLanguage {
  return lang !== 'en';
}

// natural ships no German list; these are German function words plus the words German needs and
// abstracts use the way English ones use "novel" or "method".
const GERMAN = `aber alle allem allen aller alles als also am an ander andere anderen anderer anderes
auch auf aus bei beim bin bis bist da dabei damit dann das dass dein deine dem den denn der deren
des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem
einen einer eines einige er es etwa euch euer f\u00fcr gegen gewesen hab habe haben hat hatte hier hin
hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in indem ins ist jede jedem jeden jeder jedes
jetzt kann kein keine k\u00f6nnen k\u00f6nnte machen man manche mehr mein meine mit muss m\u00fcssen nach nicht
nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sollen sollte sondern
sonst \u00fcber um und uns unser unsere unter viel vom von vor war waren warum was weil weiter welche
welchem welchen welcher welches wenn wer werden wie wieder will wir wird wo wollen w\u00fcrde zu zum zur
zwar zwischen neu neue neuen neuer neues bereits derzeit heute etwa suchen sucht daher wurde wurden
ca bzw z b`;

const OWN: Record<BridgedLanguage, readonly string[]> = {
  de: GERMAN.split(/\s+/),
  es: spanish,
  fr: french,
  pt: portuguese,
  it: italian,
};

const STOP: Record<BridgedLanguage, ReadonlySet<string>> = Object.fromEntries(
  BRIDGED_LANGUAGES.map((lang) => [
    lang,
    // English function words too: loan words and mixed sentences are common in technical text.
    new Set([...OWN[lang].map(foldText), ...ENGLISH_FUNCTION_WORDS, ...DOMAIN_STOP_WORDS]),
  ]),
) as unknown as Record<BridgedLanguage, ReadonlySet<string>>;

const OWN_FOLDED: Record<BridgedLanguage, ReadonlySet<string>> = Object.fromEntries(
  BRIDGED_LANGUAGES.map((lang) => [lang, new Set(OWN[lang].map(foldText))]),
) as unknown as Record<BridgedLanguage, ReadonlySet<string>>;

/** Function words of one language only (no English ones), for telling languages apart. */
export function isOwnFunctionWord(lang: BridgedLanguage, folded: string): boolean {
  return OWN_FOLDED[lang].has(folded);
}

/** Whether a folded word is a stop word of the language. */
export function isStopWordIn(lang: BridgedLanguage, folded: string): boolean {
  return STOP[lang].has(folded);
}
