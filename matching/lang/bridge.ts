// Analysis of a non-English text into the shared English term space. Each content word is
// stemmed with its language's stemmer and looked up in the term table (an adjacent pair first,
// so "vida útil" can become "shelf life"); German compounds missing from the table are split
// into two known parts; Romance words missing from it are tried as cognates. Every English
// stem a word reaches carries the word's share of weight and the word as written, so an
// explanation can show the bridge ("Haltbarkeit ≈ shelf life"). Words with no bridge keep their
// own stem: names and codes still match, and so do two texts in the same language.
import { forEachToken, foldText } from '../text/normalize';
import { stemOf, wordInfo } from '../text/word-cache';
import { Cognates } from './cognates';
import { isStopWordIn, type BridgedLanguage } from './languages';
import { termTable } from './table-file';
import type { Alternative, TermTable } from './term-table';

export interface BridgedTerm {
  term: string;
  /** Fraction of one occurrence (the alternative's weight split over its words). */
  weight: number;
  /** The source word(s) as written, when the term is a translation. */
  bridge?: string;
}

export interface BridgedText {
  terms: BridgedTerm[];
  /** Content words of the source text (its length for BM25). */
  length: number;
}

/** How a source word reached English, for the coverage report. */
export type BridgeKind = 'dictionary' | 'compound' | 'cognate' | 'none';

const COMPOUND_MIN = 8;
let cognates: { table: TermTable; finder: Cognates } | undefined;

function cognatesOf(table: TermTable): Cognates {
  if (cognates?.table !== table) cognates = { table, finder: new Cognates(table.englishWords) };
  return cognates.finder;
}

const englishStem = (word: string) => stemOf(word, wordInfo(word), 'en');
const sourceKey = (lang: BridgedLanguage, word: string) => stemOf(word, wordInfo(word), lang);

/** Whether the text can be bridged at all (a table with this language is installed). */
export function canBridge(lang: BridgedLanguage): boolean {
  return (termTable()?.size(lang) ?? 0) > 0;
}

/** Looks one folded word up: table, then compound split (German), then cognate. */
export function bridgeWord(table: TermTable, lang: BridgedLanguage, word: string): { kind: BridgeKind; alternatives: Alternative[] } {
  const direct = table.lookup(lang, sourceKey(lang, word));
  if (direct) return { kind: 'dictionary', alternatives: direct };
  if (lang === 'de' && word.length >= COMPOUND_MIN) {
    const parts = splitCompound(table, word);
    if (parts) return { kind: 'compound', alternatives: parts };
  }
  const cognate = cognatesOf(table).find(lang, word);
  if (cognate) return { kind: 'cognate', alternatives: [{ terms: [englishStem(cognate)], weight: 1 }] };
  return { kind: 'none', alternatives: [] };
}

/**
 * "Roggenbrot" → "Roggen" + "brot": the longest known head with a known modifier (linking
 * "s"/"n"/"en"/"es" dropped). Each part's alternatives carry half the word's weight.
 */
function splitCompound(table: TermTable, word: string): Alternative[] | undefined {
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const head = table.lookup('de', sourceKey('de', word.slice(cut)));
    if (!head) continue;
    const modifier = word.slice(0, cut);
    for (const form of [modifier, modifier.replace(/(es|en|s|n)$/, '')]) {
      if (form.length < 3) continue;
      const mod = table.lookup('de', sourceKey('de', form));
      if (mod) return [...mod, ...head].map((a) => ({ terms: a.terms, weight: a.weight / 2 }));
    }
  }
  return undefined;
}

/** Folded word → the word as written (first occurrence), for explanations. */
function writtenForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = foldText(match[0]);
    if (!forms.has(folded)) forms.set(folded, match[0]);
  }
  return forms;
}

/** The text's terms in the English space (see the file comment). */
export function bridgeText(text: string, lang: BridgedLanguage): BridgedText {
  const table = termTable();
  const written = writtenForms(text);
  const tokens: Array<{ word: string; quantity: boolean }> = [];
  forEachToken(text, (word, quantity) => {
    if (quantity || (word.length >= 2 && !isStopWordIn(lang, word))) tokens.push({ word, quantity });
    else tokens.push({ word: '', quantity: false }); // a stop word breaks pairs
  });
  const terms: BridgedTerm[] = [];
  let length = 0;
  const emit = (alternatives: Alternative[], bridge: string) => {
    for (const alt of alternatives) {
      for (const term of alt.terms) terms.push({ term, weight: alt.weight / alt.terms.length, bridge });
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const { word, quantity } = tokens[i]!;
    if (!word) continue;
    length++;
    if (quantity || !table) {
      terms.push({ term: quantity ? word : sourceKey(lang, word), weight: 1 });
      continue;
    }
    const next = tokens[i + 1];
    if (next?.word && !next.quantity) {
      const pair = table.lookup(lang, `${sourceKey(lang, word)} ${sourceKey(lang, next.word)}`);
      if (pair) {
        emit(pair, `${written.get(word) ?? word} ${written.get(next.word) ?? next.word}`);
        length++;
        i++;
        continue;
      }
    }
    const { alternatives } = bridgeWord(table, lang, word);
    if (alternatives.length > 0) emit(alternatives, written.get(word) ?? word);
    else terms.push({ term: sourceKey(lang, word), weight: 1 });
  }
  return { terms, length };
}
