// Builds data/term-table/term-table.json from Debian's bilingual dictionaries (see ensure.sh for
// the packages): FreeDict xxx-eng and eng-xxx for German, Spanish, French, Portuguese and
// Italian, TU Chemnitz's trans-de-en for German, Apertium's Spanish–English bilingual
// dictionary (printed by lt-print). Source words are folded and stemmed exactly as the matcher
// does at run time; English sides become English stems. Usage: tsx build.ts <out.json> [apertium.att]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isStopWordIn, BRIDGED_LANGUAGES, type BridgedLanguage } from '../../matching/lang/languages';
import { encodeAlternatives, type TermTableData } from '../../matching/lang/term-table';
import { analyze } from '../../matching/text/analyzer';
import { forEachToken } from '../../matching/text/normalize';
import { stemOf, wordInfo } from '../../matching/text/word-cache';
import { apertiumPairs, freedictPairs, transDeEnPairs, type Pair } from './sources';

/** Alternatives kept per source key: the most attested senses; the rest would only add noise. */
const MAX_ALTERNATIVES = 4;
/** English sides longer than this (in content words) are definitions, not translations. */
const MAX_ENGLISH_TERMS = 3;

const ISO3: Record<BridgedLanguage, string> = { de: 'deu', es: 'spa', fr: 'fra', pt: 'por', it: 'ita' };

const [out, apertiumFile] = process.argv.slice(2);
if (!out) throw new Error('usage: tsx scripts/term-table/build.ts <out.json> [spa-eng.att]');

function* sourcesOf(lang: BridgedLanguage): Generator<Pair> {
  yield* freedictPairs(ISO3[lang]);
  if (lang === 'de') yield* transDeEnPairs();
  if (lang === 'es' && apertiumFile) yield* apertiumPairs(readFileSync(apertiumFile, 'utf8'));
}

const englishWords = new Set<string>();
const englishCache = new Map<string, string | undefined>();

/** An English phrase as space-joined stems; undefined when empty or a definition. */
function englishAlternative(english: string): string | undefined {
  if (englishCache.has(english)) return englishCache.get(english);
  const terms = analyze(english, { lang: 'en' }).terms.filter((t) => !/^\d/.test(t));
  let alternative: string | undefined;
  if (terms.length > 0 && terms.length <= MAX_ENGLISH_TERMS) {
    alternative = terms.join(' ');
    forEachToken(english, (word, quantity) => {
      if (!quantity && /^[a-z]{4,}$/.test(word)) englishWords.add(word);
    });
  }
  englishCache.set(english, alternative);
  return alternative;
}
const data: TermTableData = { format: 1, languages: {}, englishWords: '' };
const report: Record<string, number> = {};

for (const lang of BRIDGED_LANGUAGES) {
  // key → alternative → [times attested, first position]
  const counts = new Map<string, Map<string, [number, number]>>();
  let position = 0;
  let pairs = 0;
  const started = Date.now();
  for (const { source, english } of sourcesOf(lang)) {
    if (++pairs % 200_000 === 0) process.stderr.write(`${lang}: ${pairs} pairs, ${Math.round((Date.now() - started) / 1000)} s\n`);
    const words: string[] = [];
    forEachToken(source, (word, quantity) => {
      if (!quantity && word.length >= 2 && !isStopWordIn(lang, word)) words.push(word);
    });
    if (words.length === 0 || words.length > 2) continue;
    const key = words.map((w) => stemOf(w, wordInfo(w), lang)).join(' ');
    const alternative = englishAlternative(english);
    if (alternative === undefined) continue;
    let alternatives = counts.get(key);
    if (!alternatives) counts.set(key, (alternatives = new Map()));
    const seen = alternatives.get(alternative);
    if (seen) seen[0]++;
    else alternatives.set(alternative, [1, position++]);
  }
  const entries: Record<string, string> = {};
  for (const [key, alternatives] of counts) {
    const kept = [...alternatives].sort((a, b) => b[1][0] - a[1][0] || a[1][1] - b[1][1]).slice(0, MAX_ALTERNATIVES);
    const total = kept.reduce((sum, [, [n]]) => sum + n, 0);
    entries[key] = encodeAlternatives(kept.map(([alt, [n]]) => ({ terms: alt.split(' '), weight: n / total })));
  }
  data.languages[lang] = entries;
  report[lang] = counts.size;
}
data.englishWords = [...englishWords].sort().join(' ');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(data));
process.stderr.write(`term table: ${JSON.stringify({ keys: report, englishWords: englishWords.size })} → ${out}\n`);
