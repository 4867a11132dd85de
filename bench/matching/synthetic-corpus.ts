// Deterministic synthetic corpora for the scale benchmark: a Zipf-distributed vocabulary whose
// most frequent ranks are real English function words (as in real text, where the pipeline
// drops them) followed by pronounceable pseudo-words; documents of 150–250 words.

/** mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = `the of and to in a is that for it as with was on be by this are from at or an which
have has not but were been their its also can these more such than other into between our we may
use both used using two how most all only over one when they there each some new under`.split(/\s+/);

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'tr', 'st', 'pl', 'cr', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'io', 'ea', 'ou'];
const CODAS = ['', 'n', 'r', 's', 'l', 'x', 'nt', 'st', 'ct', 'm'];

function pseudoWord(rank: number): string {
  // Mixed-radix spelling of the rank: unique, deterministic, word-like.
  let n = rank;
  let word = '';
  do {
    word += ONSETS[n % ONSETS.length]! + VOWELS[Math.floor(n / ONSETS.length) % VOWELS.length]!;
    n = Math.floor(n / (ONSETS.length * VOWELS.length));
  } while (n > 0);
  return word + CODAS[rank % CODAS.length]!;
}

export class ZipfVocabulary {
  readonly words: string[];
  private readonly cdf: Float64Array;

  constructor(size: number, exponent = 1.0) {
    this.words = Array.from({ length: size }, (_, r) => (r < FUNCTION_WORDS.length ? FUNCTION_WORDS[r]! : pseudoWord(r)));
    this.cdf = new Float64Array(size);
    let sum = 0;
    for (let r = 0; r < size; r++) this.cdf[r] = sum += 1 / (r + 1) ** exponent;
    for (let r = 0; r < size; r++) this.cdf[r]! /= sum;
  }

  sample(random: () => number): string {
    const u = random();
    let low = 0;
    let high = this.cdf.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cdf[mid]! < u) low = mid + 1;
      else high = mid;
    }
    return this.words[low]!;
  }

  text(random: () => number, words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(this.sample(random));
    return out.join(' ');
  }
}

export interface SyntheticDoc {
  id: string;
  title: string;
  body: string;
  /** Raw words generated (title + body), for tokens-per-second. */
  words: number;
}

/** Document i of corpus `seed`: generated on demand so the corpus never sits in memory. */
export function syntheticDoc(vocabulary: ZipfVocabulary, seed: number, i: number): SyntheticDoc {
  const random = seededRandom(seed * 1_000_003 + i);
  const titleWords = 6 + Math.floor(random() * 7);
  const bodyWords = 150 + Math.floor(random() * 101);
  return {
    id: `d${i}`,
    title: vocabulary.text(random, titleWords),
    body: vocabulary.text(random, bodyWords),
    words: titleWords + bodyWords,
  };
}

/** Queries of 5–30 words, like the text of a short need. */
export function syntheticQueries(vocabulary: ZipfVocabulary, seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => vocabulary.text(random, 5 + Math.floor(random() * 26)));
}
