import { Type, type StringOptions } from '@sinclair/typebox';
import type { Plugin as AjvPlugin, SchemaValidateFunction } from 'ajv';

/**
 * Free text people type: trimmed, and free of characters that forge or hide content wherever the
 * text is shown or written out (agenda feeds, CSV exports, mails, the chat). Refused everywhere:
 * C0 and C1 control characters (NUL, ESC, …), line and paragraph separators, and the bidi
 * embeddings, overrides and isolates that make text read differently from what it is ("Trojan
 * Source"). Long texts keep their tabs and line breaks; one-line texts (titles, names) do not.
 */
export type TextKind = 'line' | 'long';

const ALWAYS_FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';
const FORBIDDEN: Record<TextKind, RegExp> = {
  line: new RegExp(`[${ALWAYS_FORBIDDEN}\\t\\n\\r]`, 'u'),
  long: new RegExp(`[${ALWAYS_FORBIDDEN}]`, 'u'),
};

/** The first character a text of this kind may not hold, as "U+0000 at position 3", or null. */
export function forbiddenCharacter(text: string, kind: TextKind): string | null {
  const found = FORBIDDEN[kind].exec(text);
  if (!found) return null;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at position ${found.index + 1}`;
}

/** The schema keyword that trims and checks a string property (see textKeyword). */
const KEYWORD = 'x-text';

/** A one-line text (title, name, label): trimmed, no control characters, no line breaks. */
export function Line(options: StringOptions = {}) {
  return Type.String({ ...options, [KEYWORD]: 'line' });
}

/** A long text (summary, description, message): trimmed, tabs and line breaks allowed. */
export function LongText(options: StringOptions = {}) {
  return Type.String({ ...options, [KEYWORD]: 'long' });
}

/**
 * Teaches Fastify's Ajv the `x-text` keyword. It runs before minLength and maxLength and replaces
 * the value with its trimmed form, so "   " fails minLength with a 400 instead of passing the
 * schema and failing the database's own validation (a 500). The `x-` prefix marks it as an
 * extension in the OpenAPI document.
 */
export const textKeyword: AjvPlugin<unknown> = (ajv) => {
  const checkText: SchemaValidateFunction = (kind: TextKind, value: string, _parentSchema, context) => {
    const trimmed = value.trim();
    if (context?.parentData && trimmed !== value) context.parentData[context.parentDataProperty] = trimmed;
    const bad = forbiddenCharacter(trimmed, kind);
    if (bad === null) return true;
    checkText.errors = [
      {
        keyword: KEYWORD,
        params: { character: bad },
        message: `must not contain control or bidi-override characters${kind === 'line' ? ' or line breaks' : ''} (${bad})`,
      },
    ];
    return false;
  };
  ajv.addKeyword({ keyword: KEYWORD, type: 'string', schemaType: 'string', modifying: true, errors: true, before: 'maxLength', validate: checkText });
  return ajv;
};
