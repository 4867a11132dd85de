// Readers for the bilingual dictionaries Debian ships. Each yields (source phrase, English phrase)
// pairs in dictionary order (first sense first), as written; build.ts folds, stems and counts them.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface Pair {
  source: string;
  english: string;
}

const DICTD = '/usr/share/dictd';

/** dictd's base64 numbers (offsets and lengths in the .index file). */
function b64(value: string): number {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let n = 0;
  for (const ch of value) n = n * 64 + alphabet.indexOf(ch);
  return n;
}

/** Brackets hold grammar, domains and notes ("{f}", "[techn.]", "(of a building)", "<n>"). */
export function cleanPhrase(text: string): string {
  return text
    .replace(/\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|\/[^/]*\//g, ' ')
    .replace(/[‐-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Entries of one FreeDict dictionary: headword and its translation phrases. */
function* freedictEntries(name: string): Generator<{ headword: string; translations: string[] }> {
  const data = gunzipSync(readFileSync(`${DICTD}/freedict-${name}.dict.dz`));
  for (const line of readFileSync(`${DICTD}/freedict-${name}.index`, 'utf8').split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00-database')) continue;
    const body = data.subarray(b64(offset), b64(offset) + b64(length)).toString('utf8').split('\n');
    const translations: string[] = [];
    for (const raw of body.slice(1)) {
      const text = raw.trim();
      // Cross references, synonyms, notes and examples are not translations.
      if (!text || /^(see|synonym|antonym|note|example|usage|plural|\d+\.\s*$)/i.test(text.replace(/^\d+\.\s*/, ''))) continue;
      for (const part of text.replace(/^\d+\.\s*/, '').split(/[,;]/)) {
        const phrase = cleanPhrase(part);
        if (phrase) translations.push(phrase);
      }
    }
    yield { headword: cleanPhrase(headword), translations };
  }
}

/** FreeDict xxx-eng (headword in xxx) and eng-xxx read backwards. */
export function* freedictPairs(iso3: string): Generator<Pair> {
  for (const { headword, translations } of freedictEntries(`${iso3}-eng`)) {
    for (const english of translations) yield { source: headword, english };
  }
  for (const { headword, translations } of freedictEntries(`eng-${iso3}`)) {
    for (const source of translations) yield { source, english: headword };
  }
}

/** TU Chemnitz's German–English list (trans-de-en): "de | de :: en | en", ";" between synonyms. */
export function* transDeEnPairs(): Generator<Pair> {
  for (const line of readFileSync('/usr/share/trans/de-en', 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.includes(' :: ')) continue;
    const [de, en] = line.split(' :: ');
    const deParts = de!.split(' | ');
    const enParts = en!.split(' | ');
    // Sub-entries are aligned; the first is the headword sense, the rest are compounds/phrases.
    for (const [i, dePart] of deParts.entries()) {
      const english = (enParts[i] ?? '').split(';').map(cleanPhrase).filter(Boolean);
      for (const source of dePart.split(';').map(cleanPhrase).filter(Boolean)) {
        for (const e of english) yield { source, english: e };
      }
    }
  }
}

/**
 * Apertium's Spanish→English bilingual transducer, printed by `lt-print` (AT&T format:
 * "from to input output weight"; a line with one state marks it final). Every path spells a
 * Spanish lemma and its English lemma, followed by grammar tags that are dropped.
 */
const LEMMA_SYMBOL = /^[\p{L}_' -]?$/u;

export function* apertiumPairs(att: string): Generator<Pair> {
  // Sections ("--") are separate transducers; the bidix has its entries in each.
  for (const section of att.split(/^--$/m)) {
    const arcs = new Map<number, Array<[number, string, string]>>();
    for (const line of section.split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 4) continue;
      const from = Number(cols[0]);
      if (!arcs.has(from)) arcs.set(from, []);
      arcs.get(from)!.push([Number(cols[1]), cols[2]!, cols[3]!]);
    }
    const symbol = (s: string) => (s === 'ε' || s === '@0@' ? '' : s === '@_SPACE_@' ? ' ' : s);
    // Depth-first walk; each side is complete at its first tag, and the pair when both are.
    // States on the current path are not entered again: pattern entries (acronyms) loop.
    const seen = new Set<string>();
    const onPath = new Set<number>();
    const found: Pair[] = [];
    const walk = (state: number, input: string, output: string, inDone: boolean, outDone: boolean) => {
      if (onPath.has(state) || onPath.size > 60) return;
      onPath.add(state);
      for (const [to, rawIn, rawOut] of arcs.get(state) ?? []) {
        const inSym = symbol(rawIn);
        const outSym = symbol(rawOut);
        const inTag = inDone || inSym.startsWith('<');
        const outTag = outDone || outSym.startsWith('<');
        if (inTag && outTag) {
          const key = `${input}\t${output}`;
          if (input && output && !seen.has(key)) {
            seen.add(key);
            found.push({ source: input.replace(/_/g, ' '), english: output.replace(/_/g, ' ') });
          }
          continue;
        }
        // Only words: the bidix also holds patterns for numbers and punctuation.
        if ((!inTag && !LEMMA_SYMBOL.test(inSym)) || (!outTag && !LEMMA_SYMBOL.test(outSym))) continue;
        walk(to, inTag ? input : input + inSym, outTag ? output : output + outSym, inTag, outTag);
      }
      onPath.delete(state);
    };
    walk(0, '', '', false, false);
    yield* found;
  }
}
