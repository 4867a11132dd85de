import { HttpError } from '../../plugins/errors';

/**
 * Opaque pagination cursors. A cursor is base64url JSON; a tampered or foreign cursor is a 400,
 * never a query with attacker-chosen values.
 */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string, keys: (keyof T)[]): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const key of keys) {
      const part = value[key as string];
      if (typeof part !== 'string' && typeof part !== 'number') throw new Error('bad cursor');
    }
    return value as T;
  } catch {
    throw new HttpError(400, 'bad_cursor', 'The cursor is not valid; start again from the first page.');
  }
}
