/**
 * Text that must never be stored: each case is a label and a value for a one-line field (a
 * title). Long texts refuse the same except the line break.
 */
export const HOSTILE_LINES: [label: string, value: string][] = [
  ['only whitespace', '     \t   '],
  ['a NUL character', 'Silver inks\u0000 for paper'],
  ['an escape sequence', 'Silver inks \u001b[31mfor paper'],
  ['a right-to-left override', 'Silver inks \u202Erepap rof\u202C'],
  ['a bidi isolate', 'Silver inks \u2066for paper\u2069'],
  ['a line break', 'Silver inks\nBEGIN:VEVENT'],
  ['a C1 control character', 'Silver inks \u0085for paper'],
];

/** Long texts: line breaks and tabs are fine, the rest of HOSTILE_LINES is not. */
export const HOSTILE_LONG_TEXTS: [label: string, value: string][] = HOSTILE_LINES.filter(([label]) => label !== 'a line break' && label !== 'only whitespace').map(
  ([label, value]) => [label, `${value}, a text long enough for every minimum length.`],
);
