import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';

// The test command builds the client before vitest runs, so client/dist exists here.
describe('the server serves the web app', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('serves index.html at the root', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<div id="app"></div>');
  });

  it('falls back to index.html for client routes so deep links work', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/outputs/6650f0c2a1b2c3d4e5f60718?tab=matches' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="app"></div>');
  });

  it('keeps unknown API routes and missing files as JSON 404s', async () => {
    for (const url of ['/api/nothing-here', '/assets/missing.js']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });
});
