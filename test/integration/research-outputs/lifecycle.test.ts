import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, outputBody, userWithOrganization } from '../../helpers/api';

describe('research outputs: create, edit, publish, archive', () => {
  let ctx: TestApp;
  const changes: string[] = [];
  beforeAll(async () => {
    ctx = await startTestApp();
    // The search hook: record what the services announce.
    const services = ctx.app.services as unknown as { researchOutputs: { deps: { onListingChanged?: unknown } } };
    services.researchOutputs.deps.onListingChanged = (kind: string, id: string) => void changes.push(`${kind}:${id}`);
  });
  afterAll(async () => ctx.close());

  it('creates a draft with the organization country copied on it, without confidential details', async () => {
    const uni = await userWithOrganization(ctx.app, 'university');
    const response = await uni.post('/api/research-outputs', outputBody(uni.organizationId));
    expect(response.statusCode).toBe(201);
    const output = response.json();
    expect(output).toMatchObject({ status: 'draft', country: 'LT', organizationId: uni.organizationId, trl: 4, patentNumber: 'EP 4 123 456 A1' });
    expect(output).not.toHaveProperty('confidentialDetails');
    expect(output).not.toHaveProperty('createdBy');
    expect(changes).toContain(`output:${output.id}`);
  });

  it('lets a government lab create too, and a plain member of the organization', async () => {
    const lab = await userWithOrganization(ctx.app, 'government');
    expect((await lab.post('/api/research-outputs', outputBody(lab.organizationId))).statusCode).toBe(201);
    const member = await addMember(ctx.app, lab, lab.organizationId);
    const response = await member.post('/api/research-outputs', outputBody(lab.organizationId, { ipStatus: 'open', patentNumber: undefined }));
    expect(response.statusCode).toBe(201);
    expect(response.json().country).toBe('FR');
  });

  it('walks draft → published → archived → published again, announcing each change', async () => {
    const uni = await userWithOrganization(ctx.app, 'university');
    const id = (await uni.post('/api/research-outputs', outputBody(uni.organizationId))).json().id;
    changes.length = 0;
    const published = await uni.post(`/api/research-outputs/${id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    expect(published.json().publishedAt).toBeTypeOf('string');
    expect((await uni.post(`/api/research-outputs/${id}/publish`)).statusCode).toBe(409);
    expect((await uni.post(`/api/research-outputs/${id}/archive`)).json().status).toBe('archived');
    expect((await uni.post(`/api/research-outputs/${id}/archive`)).json().error.code).toBe('already_archived');
    expect((await uni.post(`/api/research-outputs/${id}/publish`)).json().status).toBe('published');
    expect(changes).toEqual([`output:${id}`, `output:${id}`, `output:${id}`]);
  });

  it('edits as a member; clears a stale patent number when the IP status changes', async () => {
    const uni = await userWithOrganization(ctx.app, 'university');
    const member = await addMember(ctx.app, uni, uni.organizationId);
    const id = (await uni.post('/api/research-outputs', outputBody(uni.organizationId))).json().id;
    changes.length = 0;
    const edited = await member.patch(`/api/research-outputs/${id}`, { title: 'Silver inks sintered at 90 °C', ipStatus: 'trade_secret' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Silver inks sintered at 90 °C', ipStatus: 'trade_secret' });
    expect(edited.json()).not.toHaveProperty('patentNumber');
    const unfunded = await member.patch(`/api/research-outputs/${id}`, { governmentFunded: false });
    expect(unfunded.json()).not.toHaveProperty('fundingProgramme');
    expect(changes).toEqual([`output:${id}`, `output:${id}`]);
  });

  it('hides drafts and archived outputs from everyone outside the owning organization (404)', async () => {
    const uni = await userWithOrganization(ctx.app, 'university');
    const sme = await userWithOrganization(ctx.app, 'sme');
    const id = (await uni.post('/api/research-outputs', outputBody(uni.organizationId))).json().id;
    expect((await sme.get(`/api/research-outputs/${id}`)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/research-outputs/${id}` })).statusCode).toBe(404);
    expect((await uni.get(`/api/research-outputs/${id}`)).statusCode).toBe(200);
    await uni.post(`/api/research-outputs/${id}/publish`);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/research-outputs/${id}` })).statusCode).toBe(200);
    await uni.post(`/api/research-outputs/${id}/archive`);
    expect((await sme.get(`/api/research-outputs/${id}`)).statusCode).toBe(404);
    expect((await uni.get(`/api/research-outputs/${id}`)).json().status).toBe('archived');
  });

  it('answers 400 for a malformed id and 404 for a well-formed unknown one', async () => {
    const uni = await userWithOrganization(ctx.app, 'university');
    for (const [method, suffix] of [['GET', ''], ['PATCH', ''], ['POST', '/publish'], ['POST', '/archive']] as const) {
      const payload = method === 'PATCH' ? { title: 'A new title' } : undefined;
      const malformed = await uni.request({ method, url: `/api/research-outputs/nothex${suffix}`, ...(payload ? { payload } : {}) });
      expect(malformed.statusCode, `${method} ${suffix}`).toBe(400);
      const unknown = await uni.request({ method, url: `/api/research-outputs/0123456789abcdef01234567${suffix}`, ...(payload ? { payload } : {}) });
      expect(unknown.statusCode, `${method} ${suffix}`).toBe(404);
    }
  });
});
