import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needBody, platformAdmin, userWithOrganization, type Client } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';

const OWN = 'http://127.0.0.1:3000'; // testConfig's PUBLIC_URL

describe('cross-site request forgery: Origin/Referer and JSON-only bodies on every state-changing route', () => {
  let ctx: TestApp;
  let sme: Client & { organizationId: string };
  let draftId: string;
  beforeAll(async () => {
    ctx = await startTestApp();
    expect(ctx.config.PUBLIC_URL).toBe(OWN);
    sme = await userWithOrganization(ctx.app, 'sme');
    draftId = (await sme.post('/api/needs', needBody(sme.organizationId, { title: 'Draft that must stay a draft' }))).json().id;
  });
  afterAll(async () => ctx.close());

  const status = async () => (await sme.get(`/api/needs/${draftId}`)).json().status;

  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['another port of the same host (same site)', { origin: 'http://127.0.0.1:4444' }],
    ['a sibling subdomain', { origin: 'http://evil.127.0.0.1.nip.io:3000' }],
    ['an opaque origin ("null")', { origin: 'null' }],
    ['no Origin and a foreign Referer', { referer: 'http://127.0.0.1:4444/attack.html' }],
    ['own Referer but a foreign Origin', { origin: 'http://evil.example', referer: `${OWN}/needs` }],
  ])('refuses a bodyless POST from %s with 403 in the standard shape, changing nothing', async (_label, headers) => {
    const response = await sme.request({ method: 'POST', url: `/api/needs/${draftId}/publish`, headers });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'cross_origin_request', message: expect.stringContaining(OWN) });
    expect(await status()).toBe('draft');
  });

  it('refuses PATCH, DELETE and an admin action from a foreign origin; reads from anywhere still work', async () => {
    const evil = { origin: 'http://evil.example' };
    expect((await sme.request({ method: 'PATCH', url: `/api/needs/${draftId}`, headers: evil, payload: { title: 'Forged title here' } })).statusCode).toBe(403);
    expect((await sme.request({ method: 'POST', url: '/api/auth/logout', headers: evil })).statusCode).toBe(403);
    const admin = await platformAdmin(ctx.app);
    expect((await admin.request({ method: 'POST', url: '/api/admin/rescore', headers: evil })).statusCode).toBe(403);
    expect((await sme.request({ method: 'DELETE', url: `/api/events/${draftId}/registrations/me`, headers: evil })).statusCode).toBe(403);
    expect((await sme.request({ method: 'GET', url: `/api/needs/${draftId}`, headers: evil })).json().title).toBe('Draft that must stay a draft');
  });

  it.each([
    ['text/plain', 'x=1'],
    ['text/plain; charset=utf-8', '{"title":"Forged title here"}'],
    ['application/x-www-form-urlencoded', 'x=1'],
    ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n'],
  ])('refuses a %s body with 415, even from its own origin or from a script', async (contentType, payload) => {
    for (const headers of [{ origin: OWN }, {}]) {
      const response = await sme.request({ method: 'POST', url: `/api/needs/${draftId}/publish`, headers: { ...headers, 'content-type': contentType }, payload });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
    }
    expect(await status()).toBe('draft');
  });

  it('accepts its own origin (also reached by another name for the same host) and scripts that send neither header', async () => {
    const edit = (headers: Record<string, string>, title: string) =>
      sme.request({ method: 'PATCH', url: `/api/needs/${draftId}`, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, payload: JSON.stringify({ title }) });
    expect((await edit({ origin: OWN }, 'Edited from the app')).statusCode).toBe(200);
    expect((await edit({ referer: `${OWN}/needs/${draftId}/edit` }, 'Edited with a Referer')).statusCode).toBe(200);
    expect((await edit({ origin: 'http://localhost:3000', host: 'localhost:3000' }, 'Edited via localhost')).statusCode).toBe(200);
    expect((await edit({}, 'Edited from a script')).statusCode).toBe(200);
    const published = await sme.request({ method: 'POST', url: `/api/needs/${draftId}/publish`, headers: { origin: OWN } });
    expect(published.statusCode).toBe(200);
    expect(await status()).toBe('published');
  });
});
