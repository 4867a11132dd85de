// Explanation evidence that holds: words and phrases as each text writes them, never stems.
import type { SharedTerm } from './index/similarity';
import { compoundOf, isCompoundHead } from './text/compounds';
import { analyzeDoc, type TextDoc } from './text/document';
import { foldText } from './text/normalize';
import type { Language } from './taxonomy';
import { stemOf, wordInfo } from './text/word-cache';

/**
 * One piece of evidence that a need and a research output talk about the same thing, with each
 * side's word or phrase exactly as written in its own text. It is the one shape for every bridge
 * between the two texts, so the client can show "their word ≈ your word" from either side:
 * - `same`: both texts use the word (perhaps inflected differently): need "bakery", output "bakeries";
 * - `synonym`: members of one synonym group (matching/synonym-groups.ts): need "rust", output "corrosion";
 * - `translation`: a word and its translation, for cross-lingual bridges: need "Haltbarkeit",
 *   output "shelf life" — built with the same fields.
 * Invariant (test/unit/matching/evidence-property.test.ts, and `explanations.unsupportedTerms` in
 * bench:matching): `need` occurs in the need's text and `output` in the output's, as written.
 */
export interface Evidence {
  /** The word or phrase as written in the need's text (title, problem or desired outcome). */
  need: string;
  /** The word or phrase as written in the research output's text (title or summary). */
  output: string;
  /** Similarity points (0–100 scale) this evidence brings. */
  contribution: number;
  kind: 'same' | 'synonym' | 'translation';
}

/**
 * Number words and units say how much or how long, not what about ("after two days" is no common
 * ground with "three more days"); digits never reach evidence at all.
 */
const NUMBER_WORDS = new Set(`zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty
fifty hundred hundreds thousand thousands million millions first second third half double twice
minute minutes hour hours day days week weeks month months year years percent kg km cm mm ml kw kwh mw`.split(/\s+/));

/** A token of the original text: its span, and its term (undefined for stop words and numbers). */
interface Located {
  start: number;
  end: number;
  term: string | undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The text's tokens with positions, analysed as the index analyses them (same stems, compounds). */
function locate(text: string, lang: Language): Located[] {
  const tokens: Located[] = [];
  let head: { folded: string; start: number } | undefined;
  for (const match of text.matchAll(WORD)) {
    const start = match.index!;
    const end = start + match[0].length;
    const folded = foldText(match[0]);
    const compound = head && compoundOf(head.folded, folded);
    if (compound && head) {
      tokens.pop();
      tokens.push({ start: head.start, end, term: stemOf(compound, wordInfo(compound), lang) });
      head = undefined;
      continue;
    }
    head = isCompoundHead(folded) ? { folded, start } : undefined;
    const info = wordInfo(folded);
    const meaningless = folded.length < 2 || info.stop || /\d/.test(folded) || NUMBER_WORDS.has(folded);
    tokens.push({ start, end, term: meaningless ? undefined : stemOf(folded, info, lang) });
  }
  return tokens;
}

/**
 * The first place the terms occur in this order, as adjacent words (stop words may sit between,
 * as in "internet of things"), returned as written; undefined when the text does not have them.
 */
function find(text: string, tokens: readonly Located[], terms: readonly string[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.term !== terms[0]) continue;
    let j = i;
    let matched = 1;
    while (matched < terms.length) {
      j++;
      while (j < tokens.length && tokens[j]!.term === undefined && !/\d/.test(text.slice(tokens[j]!.start, tokens[j]!.end))) j++;
      if (j >= tokens.length || tokens[j]!.term !== terms[matched]) break;
      matched++;
    }
    if (matched === terms.length) return text.slice(tokens[i]!.start, tokens[j]!.end);
  }
  return undefined;
}

/** A bridge word counts only where the text really has it (a bridge is never shown for the other side). */
function bridgedWord(word: string | undefined, text: string): string | undefined {
  return word !== undefined && occursIn(text, word) ? word : undefined;
}

/** Both fields as one text, so evidence from the title and from the body are found alike. */
const whole = (doc: TextDoc) => `${doc.title}\n${doc.body}`;

/**
 * The worker explains one listing against each of its (up to 20) matches in a row, and search one
 * query against every hit: each text is analysed and located once, not once per pair. A few recent
 * texts are enough for that.
 */
const recentlyLocated = new Map<string, { text: string; tokens: Located[] }>();
const RECENT_TEXTS = 32;

function located(doc: TextDoc): { text: string; tokens: Located[] } {
  const text = whole(doc);
  const key = `${doc.lang ?? ''}\u0000${text}`;
  let entry = recentlyLocated.get(key);
  if (!entry) {
    entry = { text, tokens: locate(text, analyzeDoc(doc).lang) };
    if (recentlyLocated.size >= RECENT_TEXTS) recentlyLocated.delete(recentlyLocated.keys().next().value!);
    recentlyLocated.set(key, entry);
  }
  return entry;
}

/**
 * Evidence for a need–output pair from the shared terms of `textMatch(need, output)` (the need
 * first): each term is looked up in both texts; a term that is not found as written in each is
 * left out rather than shown as a stem or a loose half of a phrase. Pairs found twice are merged,
 * and each word appears in at most one piece of evidence.
 */
export function evidenceFor(shared: readonly SharedTerm[], need: TextDoc, output: TextDoc): Evidence[] {
  const { text: needText, tokens: needTokens } = located(need);
  const { text: outputText, tokens: outputTokens } = located(output);
  const byPair = new Map<string, Evidence>();
  for (const term of shared) {
    const synonym = term.synonym;
    const needTerms = synonym ? (synonym.viaSide === 'a' ? synonym.via : synonym.member) : [term.term];
    const outputTerms = synonym ? (synonym.viaSide === 'a' ? synonym.member : synonym.via) : [term.term];
    // A bridged side shows its source word as written; an English side is located as usual.
    const needWord = bridgedWord(term.bridges?.a, needText) ?? find(needText, needTokens, needTerms);
    const outputWord = bridgedWord(term.bridges?.b, outputText) ?? find(outputText, outputTokens, outputTerms);
    if (needWord === undefined || outputWord === undefined) continue;
    const kind = term.bridges ? 'translation' : synonym ? 'synonym' : 'same';
    const key = `${foldText(needWord)}|${foldText(outputWord)}`;
    const known = byPair.get(key);
    if (known) known.contribution += term.contribution;
    else byPair.set(key, { need: needWord, output: outputWord, contribution: term.contribution, kind });
  }
  // One piece of evidence per word on either side, the strongest: "customers" shown once, not
  // also as "customers ≈ clients" and "customers ≈ users".
  const usedNeed = new Set<string>();
  const usedOutput = new Set<string>();
  return [...byPair.values()].sort((a, b) => b.contribution - a.contribution).filter((e) => {
    const [needKey, outputKey] = [foldText(e.need), foldText(e.output)];
    if (usedNeed.has(needKey) || usedOutput.has(outputKey)) return false;
    usedNeed.add(needKey);
    usedOutput.add(outputKey);
    return true;
  });
}

/**
 * Whether a word or phrase occurs in a text as written (case and accents aside), as whole words.
 * The independent check behind the property test and the benchmark's unsupported-term count.
 */
export function occursIn(text: string, phrase: string): boolean {
  const words = foldText(phrase).match(WORD) ?? [];
  if (words.length === 0) return false;
  const tokens = foldText(text).match(WORD) ?? [];
  return tokens.some((_, i) => words.every((w, k) => tokens[i + k] === w));
}
