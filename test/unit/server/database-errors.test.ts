import Fastify from 'fastify';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import errorsPlugin from '../../../server/plugins/errors';

// A model that is never connected: validateSync and casting need no database.
const Sample = mongoose.model('DatabaseErrorsSample', new mongoose.Schema({ title: { type: String, required: true, trim: true }, count: Number }));

describe('the error handler: database errors never reach the client raw', () => {
  const app = Fastify({ logger: false });
  const thrown: Record<string, () => unknown> = {
    validation: () => new Sample({ title: '   ' }).validateSync(),
    cast: () => new Sample({ title: 'ok', count: 'many' }).validateSync()!.errors['count'],
    duplicate: () => new mongoose.mongo.MongoServerError({ message: 'E11000 duplicate key error collection: mb.users index: email_1 dup key: { email: "a@b.example" }', code: 11000 }),
    other: () => new mongoose.mongo.MongoServerError({ message: 'E2 secret internals', code: 2 }),
  };
  afterAll(() => app.close());

  async function answer(kind: string) {
    if (!app.hasRoute({ method: 'GET', url: '/boom/:kind' })) {
      await app.register(errorsPlugin);
      app.get<{ Params: { kind: string } }>('/boom/:kind', async (request) => {
        throw thrown[request.params.kind]!();
      });
    }
    return app.inject({ method: 'GET', url: `/boom/${kind}` });
  }

  it.each([
    ['validation', 400, 'validation_failed', [{ field: 'title', message: 'is invalid' }]],
    ['cast', 400, 'validation_failed', [{ field: 'count', message: 'is invalid' }]],
    ['duplicate', 409, 'conflict', undefined],
    ['other', 500, 'internal', undefined],
  ])('maps a mongoose/driver %s error to %i %s without its own text', async (kind, status, code, details) => {
    const response = await answer(kind);
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, ...(details ? { details } : {}) });
    expect(response.body).not.toMatch(/Path `|E11000|dup key|a@b\.example|secret internals|Cast to/);
  });
});
