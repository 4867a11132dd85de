// Language of a listing text. Two witnesses: function words (reliable on a sentence or two,
// where character statistics are not: franc took "Our rye bread goes stale after two days" for
// German) and franc-min (character trigram profiles, maintained by wooorm), restricted to the
// languages the matcher can analyse. A clear function-word majority decides; otherwise franc
// does; text too short for both counts as English.
import { franc } from 'franc-min';
import { LANGUAGES, type Language } from '../taxonomy';
import { forEachToken } from '../text/normalize';
import { ENGLISH_FUNCTION_WORDS } from '../text/stopwords';
import { BRIDGED_LANGUAGES, isOwnFunctionWord } from './languages';

const ISO3: Record<string, Language> = { eng: 'en', fra: 'fr', spa: 'es', deu: 'de', por: 'pt', ita: 'it' };
const ONLY = Object.keys(ISO3);

/** The language of a text (ISO 639-1), among LANGUAGES; English when nothing tells. */
export function detectLanguage(text: string): Language {
  const votes = new Map<Language, number>();
  forEachToken(text, (word, quantity) => {
    if (quantity) return;
    if (ENGLISH_FUNCTION_WORDS.has(word)) votes.set('en', (votes.get('en') ?? 0) + 1);
    for (const lang of BRIDGED_LANGUAGES) if (isOwnFunctionWord(lang, word)) votes.set(lang, (votes.get(lang) ?? 0) + 1);
  });
  const [first, second] = [...votes].sort((a, b) => b[1] - a[1]);
  if (first && first[1] >= 2 && first[1] >= 2 * (second?.[1] ?? 0)) return first[0];
  return ISO3[franc(text, { only: ONLY, minLength: 20 })] ?? first?.[0] ?? 'en';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
