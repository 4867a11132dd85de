import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { OUTAGE_RETRY_AFTER_SECONDS, outageOf } from '../modules/shared/outage';
import { databaseErrorForClient } from './database-errors';

/** An error a route or service throws on purpose: it becomes `{ error: { code, message, details } }`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Sent as Retry-After (429 and 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

/** One error shape for every response: validation, thrown HttpErrors, Fastify's own and unexpected ones. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
      if (error instanceof HttpError) {
        if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
        return reply.code(error.statusCode).send({
          error: { code: error.code, message: error.message, details: error.details },
        });
      }
      if (error.validation) {
        const details = error.validation.map((issue) => ({
          field: fieldName(issue.instancePath, issue.params),
          message: issue.message ?? 'is invalid',
        }));
        return reply.code(400).send({
          error: {
            code: 'validation_failed',
            message: `Invalid ${error.validationContext ?? 'request'}: ${details.map((d) => `${d.field || 'value'} ${d.message}`).join('; ')}`,
            details,
          },
        });
      }
      const dependency = outageOf(error);
      if (dependency) {
        // Not a bug of ours and not the client's fault: tell it to come back, in the usual shape.
        request.log.warn({ err: error, dependency }, 'dependency unavailable');
        return reply
          .code(503)
          .header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS))
          .send({ error: { code: 'unavailable', message: 'Matchbridge is briefly unavailable. Try again in a few seconds.', details: { dependency } } });
      }
      const fromDatabase = databaseErrorForClient(error);
      if (fromDatabase) {
        request.log.warn({ err: error }, 'database refused what the schema let through');
        const { statusCode, ...body } = fromDatabase;
        return reply.code(statusCode).send({ error: body });
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'unexpected error');
        return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
      }
      return reply.code(status).send({
        error: { code: CODES_BY_STATUS[status] ?? 'error', message: error.message },
      });
    });

    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}` } });
    });
  },
  { name: 'errors' },
);

/** "/title" → "title"; a missing or unknown property names the property itself. */
function fieldName(instancePath: string, params: Record<string, unknown>): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const named = params['missingProperty'] ?? params['additionalProperty'];
  if (typeof named === 'string') return path ? `${path}.${named}` : named;
  return path;
}
