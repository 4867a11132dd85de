import fp from 'fastify-plugin';
import { HttpError } from './errors';

/**
 * Refuses any request whose body, query or params hold a key that starts with `$` or contains
 * `.`: such keys are MongoDB operators or paths and must never reach a query. Schemas already
 * forbid unknown keys; this is the belt to their braces, and it gives a clear message.
 */
export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      for (const [part, value] of [
        ['body', request.body],
        ['query', request.query],
        ['params', request.params],
      ] as const) {
        const bad = findOperatorKey(value, part);
        if (bad) {
          throw new HttpError(400, 'forbidden_key', `The key "${bad}" is not allowed: keys may not start with "$" or contain ".".`, {
            field: bad,
          });
        }
      }
    });
  },
  { name: 'sanitize' },
);

export function findOperatorKey(value: unknown, path: string, depth = 0): string | null {
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (key.startsWith('$') || key.includes('.')) return childPath;
    const nested = findOperatorKey(child, childPath, depth + 1);
    if (nested) return nested;
  }
  return null;
}
