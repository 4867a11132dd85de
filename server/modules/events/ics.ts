/**
 * The few pieces of RFC 5545 the agenda feed needs, written here so that every value goes through
 * one escaping and one folding function. (ical-generator, used before, wrote the calendar name
 * raw: a title with line breaks added forged events to every subscriber's calendar.)
 */

/** A property whose value is TEXT (RFC 5545 §3.3.11): escaped, then the whole line folded. */
export function textLine(name: string, value: string): string {
  return foldLine(`${name}:${escapeText(value)}`);
}

/** A property whose value is not TEXT (numbers, dates, URIs we build): only folded. */
export function rawLine(name: string, value: string): string {
  return foldLine(`${name}:${value.replace(CONTROL, '')}`);
}

// RFC 5545 CONTROL: every US-ASCII control character except HTAB; TEXT may not contain them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

/**
 * Backslash, semicolon and comma are escaped, a line break (CRLF, CR or LF) becomes the two
 * characters `\n`, and any other control character is dropped: nothing in a value can end its
 * line and start a property or component of its own.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r/g, '\n')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n')
    .replace(CONTROL, '');
}

const MAX_OCTETS = 75;

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 §3.1): CRLF and one space
 * before each continuation, never inside a UTF-8 sequence (code points are kept whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    // A continuation line starts with a space, which counts towards its 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A UTC date-time, e.g. 20261204T090000Z. */
export function utcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
