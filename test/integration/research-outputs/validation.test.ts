import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_LINES, HOSTILE_LONG_TEXTS } from '../../helpers/hostile-text';
import { startTestApp, type TestApp } from '../../helpers/app';
import { fieldsNamed, outputBody, userWithOrganization, type Client } from '../../helpers/api';

describe('research outputs: validation and operator injection', () => {
  let ctx: TestApp;
  let uni: Client & { organizationId: string };
  let draftId: string;
  beforeAll(async () => {
    ctx = await startTestApp();
    uni = await userWithOrganization(ctx.app, 'university');
    draftId = (await uni.post('/api/research-outputs', outputBody(uni.organizationId))).json().id;
  });
  afterAll(async () => ctx.close());

  const count = async () => (await uni.get('/api/research-outputs?mine=true&limit=100')).json().items.length;

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['a TRL of 10', { trl: 10 }, 'trl'],
    ['a TRL of 0', { trl: 0 }, 'trl'],
    ['an unknown field', { fields: ['alchemy'] }, 'fields.0'],
    ['an unknown sector', { sectors: ['Z'] }, 'sectors.0'],
    ['no collaboration types', { collaborationTypes: [] }, 'collaborationTypes'],
    ['an unknown IP status', { ipStatus: 'secret_sauce' }, 'ipStatus'],
    ['a patent without its number', { ipStatus: 'patent_granted', patentNumber: undefined }, 'patentNumber'],
    ['a utility model without its number', { ipStatus: 'utility_model', patentNumber: undefined }, 'patentNumber'],
    ['a patent number on open IP', { ipStatus: 'open', patentNumber: 'EP 1' }, 'patentNumber'],
    ['a funding programme without government funding', { governmentFunded: false }, 'fundingProgramme'],
    ['a malformed organization id', { organizationId: 'nothex' }, 'organizationId'],
  ])('refuses %s with a 400 naming the field', async (_label, overrides, field) => {
    const before = await count();
    const response = await uni.post('/api/research-outputs', outputBody(uni.organizationId, overrides));
    expect(response.statusCode).toBe(400);
    expect(fieldsNamed(response).join(' ')).toContain(field);
    expect(await count()).toBe(before);
  });

  it('refuses an unknown property with a 400', async () => {
    const response = await uni.post('/api/research-outputs', outputBody(uni.organizationId, { price: 100 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/additional properties/);
  });

  it('keeps fields a patch leaves out (no schema defaults sneak into a PATCH)', async () => {
    const response = await uni.patch(`/api/research-outputs/${draftId}`, { trl: 5 });
    expect(response.json()).toMatchObject({ trl: 5, governmentFunded: true, fundingProgramme: 'Horizon Europe' });
  });

  it('names the field on an edit that breaks a cross-field rule, and changes nothing', async () => {
    const response = await uni.patch(`/api/research-outputs/${draftId}`, { patentNumber: 'EP 9', ipStatus: 'copyright' });
    expect(response.statusCode).toBe(400);
    expect(fieldsNamed(response)).toEqual(['patentNumber']);
    expect((await uni.patch(`/api/research-outputs/${draftId}`, {})).statusCode).toBe(400);
    expect((await uni.get(`/api/research-outputs/${draftId}`)).json().ipStatus).toBe('patent_pending');
  });

  it('refuses list filters that are out of range or unknown', async () => {
    for (const query of ['trlMin=0', 'trlMax=12', 'trlMin=7&trlMax=3', 'sector=ZZ', 'q=silver', 'limit=1000', 'cursor=garbage', 'status=draft']) {
      const response = await uni.get(`/api/research-outputs?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.message, query).toBeTruthy();
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/research-outputs?mine=true' })).statusCode).toBe(401);
  });

  it('refuses a create for an organization that does not exist (404) or for one the user is not in (403)', async () => {
    expect((await uni.post('/api/research-outputs', outputBody('0123456789abcdef01234567'))).statusCode).toBe(404);
    const other = await userWithOrganization(ctx.app, 'university');
    expect((await uni.post('/api/research-outputs', outputBody(other.organizationId))).statusCode).toBe(403);
  });

  it.each([
    ['an operator in a field', { title: { $gt: '' } }],
    ['a top-level $where', { $where: '1' }],
    ['a nested operator', { sectors: [{ $ne: 'C' }] }],
    ['a dotted key', { 'title.x': 'a' }],
  ])('refuses %s in a body with 400 and writes nothing', async (_label, overrides) => {
    const before = await count();
    const created = await uni.post('/api/research-outputs', outputBody(uni.organizationId, overrides));
    expect(created.statusCode).toBe(400);
    const patched = await uni.patch(`/api/research-outputs/${draftId}`, overrides);
    expect(patched.statusCode).toBe(400);
    expect(await count()).toBe(before);
    expect((await uni.get(`/api/research-outputs/${draftId}`)).json().title).toBe(outputBody('').title);
  });

  it('refuses operators in query strings with 400, never 500', async () => {
    for (const query of ['sector[$ne]=C', 'trlMin[$gt]=0', '$where=1', 'organizationId[$ne]=x', 'country[$regex]=.*', 'sector=C&sector=D']) {
      const response = await uni.get(`/api/research-outputs?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it.each(HOSTILE_LINES)('refuses a title with %s (400 naming it, never 500) on create and edit, and writes nothing', async (_label, title) => {
    const before = await count();
    const created = await uni.post('/api/research-outputs', outputBody(uni.organizationId, { title }));
    expect(created.statusCode, created.body).toBe(400);
    expect(fieldsNamed(created)).toEqual(['title']);
    const patched = await uni.patch(`/api/research-outputs/${draftId}`, { title });
    expect(patched.statusCode, patched.body).toBe(400);
    expect(fieldsNamed(patched)).toEqual(['title']);
    expect(await count()).toBe(before);
    expect((await uni.get(`/api/research-outputs/${draftId}`)).json().title).toBe(outputBody('').title);
  });

  it.each(HOSTILE_LONG_TEXTS)('refuses %s in the summary, the confidential details and the patent number', async (_label, text) => {
    for (const field of ['summary', 'confidentialDetails', 'patentNumber', 'fundingProgramme']) {
      const value = field === 'patentNumber' ? text.slice(0, 40) : text;
      const response = await uni.patch(`/api/research-outputs/${draftId}`, { [field]: value });
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(fieldsNamed(response)).toEqual([field]);
    }
  });

  it('trims one-line and long texts and keeps line breaks and tabs in long texts', async () => {
    const response = await uni.patch(`/api/research-outputs/${draftId}`, {
      title: '  Printed silver conductors \t',
      summary: '\n  First paragraph of the summary.\n\n\tSecond paragraph, indented.  \n',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      title: 'Printed silver conductors',
      summary: 'First paragraph of the summary.\n\n\tSecond paragraph, indented.',
    });
    expect((await uni.patch(`/api/research-outputs/${draftId}`, { title: outputBody('').title })).statusCode).toBe(200);
  });
});
