import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { registerUser, TEST_PASSWORD } from '../../helpers/api';

describe('API conventions', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('publishes an OpenAPI 3.1 document and interactive docs', async () => {
    const spec = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toBe('3.1.0');
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/organizations/{id}']));
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('sends security headers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it.each([
    ['a body operator', { email: { $gt: '' }, password: TEST_PASSWORD }],
    ['a top-level operator', { $where: '1', email: 'a@b.example', password: TEST_PASSWORD }],
    ['a dotted key', { 'email.x': 'a', password: TEST_PASSWORD }],
  ])('refuses %s with a 400 that names the key', async (_label, payload) => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/not allowed|must be string/);
  });

  it('refuses operators in query strings', async () => {
    for (const url of ['/api/organizations?kind[$ne]=sme', '/api/organizations?country[$gt]=A', '/api/organizations?$where=1']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
    }
  });

  it('refuses bodies over the size limit with 413', async () => {
    const user = await registerUser(ctx.app, 'big');
    const response = await user.post('/api/organizations', { kind: 'university', name: 'x', country: 'FR', description: 'y'.repeat(300_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('rate-limits sign-in attempts with a 429 that says when to retry', async () => {
    let last = 0;
    for (let i = 0; i < 12; i += 1) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: 'brute@test.example', password: 'guess number ' + i },
      });
      last = response.statusCode;
      if (last === 429) {
        expect(response.json().error.message).toMatch(/Try again in \d+ seconds/);
        break;
      }
    }
    expect(last).toBe(429);
  });
});
