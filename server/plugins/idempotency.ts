import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

export interface IdempotencyOptions {
  redisKeyPrefix: string;
}

interface Claim {
  key: string;
  fingerprint: string;
}

type Entry = { state: 'pending'; fingerprint: string } | { state: 'done'; fingerprint: string; status: number; contentType: string; body: string };

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a finished create answers repeats of its key. */
const DONE_TTL_SECONDS = 24 * 3600;
// A claim that outlives any request: if the answer can never be recorded (Redis went away
// mid-request), the key frees itself instead of blocking its retries for a day.
const PENDING_TTL_SECONDS = 60;
const KEY_PATTERN = /^[\w.:-]{8,200}$/;

/**
 * `Idempotency-Key` on create routes (every POST that answers 201), so a client may retry a create
 * whose answer it never saw without making a second document. Keys are scoped to the signed-in
 * user; the first request claims the key, its answer (anything below 500, except 429) is replayed
 * to repeats for a day, a repeat with another body or path is refused with 422, and a repeat while
 * the first is still running gets 409. A 5xx frees the key so the retry really runs.
 */
export default fp<IdempotencyOptions>(
  async (app, { redisKeyPrefix }) => {
    app.decorateRequest('idempotencyClaim', null);

    app.addHook('preHandler', async (request, reply) => {
      const header = request.headers[IDEMPOTENCY_HEADER];
      if (header === undefined || !isCreateRoute(request) || !request.user) return;
      if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
        throw new HttpError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 8 to 200 letters, digits or ._:- characters.', { field: 'Idempotency-Key' });
      }
      const key = `${redisKeyPrefix}:idempotency:${request.user.id}:${digest(header)}`;
      const fingerprint = digest(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
      const pending: Entry = { state: 'pending', fingerprint };
      if (await app.redis.set(key, JSON.stringify(pending), 'EX', PENDING_TTL_SECONDS, 'NX')) {
        request.idempotencyClaim = { key, fingerprint };
        return;
      }
      const stored = await app.redis.get(key);
      // Expired between the two commands: let the client retry rather than guess.
      const entry = stored ? (JSON.parse(stored) as Entry) : pending;
      if (entry.fingerprint !== fingerprint) {
        throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.', { field: 'Idempotency-Key' });
      }
      if (entry.state === 'pending') {
        throw new HttpError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still running. Try again shortly.', undefined, 1);
      }
      return reply.code(entry.status).header('content-type', entry.contentType).header('idempotent-replayed', 'true').send(entry.body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotencyClaim;
      if (!claim) return payload;
      request.idempotencyClaim = null;
      try {
        if (reply.statusCode >= 500 || reply.statusCode === 429) {
          await app.redis.del(claim.key);
        } else if (typeof payload === 'string') {
          const done: Entry = { state: 'done', fingerprint: claim.fingerprint, status: reply.statusCode, contentType: String(reply.getHeader('content-type') ?? 'application/json'), body: payload };
          await app.redis.set(claim.key, JSON.stringify(done), 'EX', DONE_TTL_SECONDS);
        }
      } catch (error) {
        // The answer still goes out; the pending claim expires by itself.
        request.log.warn({ err: error }, 'could not record the idempotent answer');
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['redis', 'auth'] },
);

/** A create route: POST with a 201 answer in its schema. */
function isCreateRoute(request: FastifyRequest): boolean {
  const response = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
  return request.method === 'POST' && response !== undefined && '201' in response;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
