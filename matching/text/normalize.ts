// Normalisation and tokenisation. Everything is folded to lower case without diacritics
// (Unicode NFKD, combining marks dropped) so "Énergie" and "energie" meet, and quantities
// such as "5 kW", "20 µm" or "3.5%" survive as one term ("5kw", "20um", "3.5%") because the
// number alone means little and the unit alone means even less.

const COMBINING_MARKS = /\p{M}+/gu;

// Longest first so "kwh" wins over "kw" and "mm" over "m".
const UNITS = [
  'kwh', 'mwh', 'gwh', 'wh', 'kw', 'mw', 'gw', 'w', 'kva', 'kv', 'mv', 'v', 'mah', 'ah', 'ma',
  'ghz', 'mhz', 'khz', 'hz', 'nm', 'um', 'mm', 'cm', 'km', 'm', 'kg', 'mg', 'ug', 'g', 't',
  'ml', 'l', 'mbar', 'bar', 'kpa', 'mpa', 'gpa', 'pa', '°c', '°f', 'k', 'ppm', 'ppb', 'db',
  'rpm', 'ms', 's', 'min', 'h', 'kn', 'n', 'nm2', 'm2', 'm3', 'cm2', 'mm2', 'lm', 'lx', '%',
];
const UNIT_PATTERN = UNITS.join('|');

// 1. number + unit, 2. decimal number, 3. any run of letters and digits.
const TOKEN = new RegExp(
  `(\\d+(?:[.,]\\d+)?)\\s?(${UNIT_PATTERN})(?![\\p{L}\\p{N}])|\\d+[.,]\\d+(?![\\p{L}\\p{N}])|[\\p{L}\\p{N}]+`,
  'gu',
);

export interface Token {
  /** Folded token text (lower case, no diacritics). */
  text: string;
  /** True for number-with-unit terms, which bypass stop words and stemming. */
  quantity: boolean;
}

// Anything above U+007F: such text needs Unicode normalisation and the Unicode word pattern.
const NON_ASCII = /[\u0080-\uffff]/;
const DIGIT = /\d/;
// Text without digits needs no quantity handling: a plain word pattern is much faster.
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, compatibility decomposition, diacritics removed; micro sign becomes "u". */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(/μ/g, 'u');
}

/**
 * Calls `visit` for each token of the text in order (folded; quantities as one term).
 * The callback form avoids allocating a token object per word while indexing.
 */
export function forEachToken(text: string, visit: (token: string, quantity: boolean) => void): void {
  const folded = foldText(text);
  if (!DIGIT.test(folded)) {
    if (NON_ASCII.test(folded)) for (const match of folded.matchAll(WORD)) visit(match[0], false);
    else scanAsciiWords(folded, visit);
    return;
  }
  for (const match of folded.matchAll(TOKEN)) {
    const unit = match[2];
    if (unit !== undefined) visit((match[1] ?? '').replace(',', '.') + unit, true);
    else visit(match[0].replace(',', '.'), false);
  }
}

/** Plain ASCII without digits: runs of a–z, found by char codes (no regex match objects). */
function scanAsciiWords(text: string, visit: (token: string, quantity: boolean) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(text.slice(start, i), false);
      start = -1;
    }
  }
}

/** Splits text into folded tokens; punctuation separates tokens and is dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (token, quantity) => tokens.push({ text: token, quantity }));
  return tokens;
}
