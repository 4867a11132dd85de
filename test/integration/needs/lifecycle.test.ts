import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, needBody, userWithOrganization } from '../../helpers/api';

describe('needs: create, edit, publish, archive, visibility', () => {
  let ctx: TestApp;
  const changes: string[] = [];
  beforeAll(async () => {
    ctx = await startTestApp();
    // The search hook: record what the service announces.
    const services = ctx.app.services as unknown as { needs: { deps: { onListingChanged?: unknown } } };
    services.needs.deps.onListingChanged = (kind: string, id: string) => void changes.push(`${kind}:${id}`);
  });
  afterAll(async () => ctx.close());

  it('lets an SME member create a draft with the SME country copied on it', async () => {
    const sme = await userWithOrganization(ctx.app, 'sme');
    const member = await addMember(ctx.app, sme, sme.organizationId);
    const response = await member.post('/api/needs', needBody(sme.organizationId));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'draft', country: 'DE', sectors: ['C', 'G'], minTrl: 5, budgetBand: '25k_100k' });
    expect(changes).toContain(`need:${response.json().id}`);
  });

  it('refuses needs from universities, government labs and intermediaries (403)', async () => {
    for (const kind of ['university', 'government', 'intermediary'] as const) {
      const user = await userWithOrganization(ctx.app, kind);
      const response = await user.post('/api/needs', needBody(user.organizationId));
      expect(response.statusCode, kind).toBe(403);
      expect(response.json().error.message).toMatch(/Only SMEs/);
    }
  });

  it('walks draft → published → archived → published, announcing each change, and edits in any status', async () => {
    const sme = await userWithOrganization(ctx.app, 'sme');
    const id = (await sme.post('/api/needs', needBody(sme.organizationId))).json().id;
    changes.length = 0;
    expect((await sme.post(`/api/needs/${id}/publish`)).json().status).toBe('published');
    expect((await sme.post(`/api/needs/${id}/publish`)).statusCode).toBe(409);
    expect((await sme.post(`/api/needs/${id}/archive`)).json().status).toBe('archived');
    const edited = await sme.patch(`/api/needs/${id}`, { budgetBand: 'over_500k', sectors: ['D'] });
    expect(edited.json()).toMatchObject({ budgetBand: 'over_500k', sectors: ['D'], status: 'archived', minTrl: 5 });
    expect((await sme.post(`/api/needs/${id}/publish`)).json().status).toBe('published');
    expect(changes).toEqual(Array(4).fill(`need:${id}`));
  });

  it('hides drafts and archived needs from everyone outside the SME (404)', async () => {
    const sme = await userWithOrganization(ctx.app, 'sme');
    const uni = await userWithOrganization(ctx.app, 'university');
    const id = (await sme.post('/api/needs', needBody(sme.organizationId))).json().id;
    expect((await uni.get(`/api/needs/${id}`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(`/api/needs/${id}`)).statusCode).toBe(404);
    await sme.post(`/api/needs/${id}/publish`);
    expect((await anonymous(ctx.app).get(`/api/needs/${id}`)).statusCode).toBe(200);
    await sme.post(`/api/needs/${id}/archive`);
    expect((await uni.get(`/api/needs/${id}`)).statusCode).toBe(404);
    expect((await sme.get(`/api/needs/${id}`)).json().status).toBe('archived');
  });

  it('answers 400 for a malformed id and 404 for a well-formed unknown one', async () => {
    const sme = await userWithOrganization(ctx.app, 'sme');
    for (const [method, suffix] of [['GET', ''], ['PATCH', ''], ['POST', '/publish'], ['POST', '/archive']] as const) {
      const payload = method === 'PATCH' ? { title: 'A new title' } : undefined;
      const malformed = await sme.request({ method, url: `/api/needs/nothex${suffix}`, ...(payload ? { payload } : {}) });
      expect(malformed.statusCode, `${method} ${suffix}`).toBe(400);
      const unknown = await sme.request({ method, url: `/api/needs/0123456789abcdef01234567${suffix}`, ...(payload ? { payload } : {}) });
      expect(unknown.statusCode, `${method} ${suffix}`).toBe(404);
    }
  });
});
