import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAdmin } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { testConfig } from '../../helpers/config';

/** Every absolute http(s) address a page or stylesheet would make the browser fetch. */
function externalFetches(text: string): string[] {
  const references = [
    ...text.matchAll(/<(?:link|script|img|iframe|source)\b[^>]*?\b(?:href|src)\s*=\s*["']?([^"' >]+)/gi),
    ...text.matchAll(/@import\s+(?:url\()?\s*["']?([^"') ;]+)/gi),
    ...text.matchAll(/url\(\s*["']?([^"')]+)/gi),
  ].map((match) => match[1]!);
  return references.filter((reference) => /^(https?:)?\/\//i.test(reference));
}

describe('https-only headers and a dashboard that fetches nothing from elsewhere', () => {
  let plain: TestApp;
  let secure: TestApp;
  beforeAll(async () => {
    plain = await startTestApp(testConfig({ PUBLIC_URL: 'http://matchbridge.lan:3000' }));
    secure = await startTestApp(testConfig({ PUBLIC_URL: 'https://matchbridge.example' }));
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it('sends neither upgrade-insecure-requests nor HSTS when PUBLIC_URL is http (the app would load blank)', async () => {
    const response = await plain.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends both when PUBLIC_URL is https', async () => {
    const response = await secure.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('serves /admin/queues whose HTML and stylesheets refer to no other host, under a CSP that allows none', async () => {
    const admin = await platformAdmin(plain.app);
    const page = await admin.get('/admin/queues');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Matchbridge queues');
    expect(externalFetches(page.body)).toEqual([]);
    const stylesheets = [...page.body.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((tag) => /href="([^"]+)"/.exec(tag[0])![1]!);
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const href of stylesheets) {
      const css = await admin.get(`/admin/queues/${href}`);
      expect(css.statusCode, href).toBe(200);
      expect(externalFetches(css.body), href).toEqual([]);
    }
    const policy = page.headers['content-security-policy'] as string;
    expect(policy).not.toMatch(/https:|\*/);
  });
});
