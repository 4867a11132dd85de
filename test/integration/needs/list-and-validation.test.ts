import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_LINES, HOSTILE_LONG_TEXTS } from '../../helpers/hostile-text';
import { startTestApp, type TestApp } from '../../helpers/app';
import { anonymous, createPublishedNeed, fieldsNamed, needBody, userWithOrganization, type Client } from '../../helpers/api';

describe('needs: list filters, pages, validation and operator injection', () => {
  let ctx: TestApp;
  let sme: Client & { organizationId: string };
  let otherSme: Client & { organizationId: string };
  let draftId: string;
  beforeAll(async () => {
    ctx = await startTestApp();
    sme = await userWithOrganization(ctx.app, 'sme'); // DE
    otherSme = await userWithOrganization(ctx.app, 'sme');
    await otherSme.patch(`/api/organizations/${otherSme.organizationId}`, { country: 'PT' });
    await createPublishedNeed(sme, sme.organizationId, { title: 'Bread stays fresh', sectors: ['C'], minTrl: 5, collaborationTypes: ['contract_research'] });
    await createPublishedNeed(sme, sme.organizationId, { title: 'Solar dryer for herbs', sectors: ['A', 'D'], minTrl: 7, budgetBand: 'under_25k', collaborationTypes: ['licensing'] });
    await createPublishedNeed(otherSme, otherSme.organizationId, { title: 'Cork waste into panels', sectors: ['F', 'C'], minTrl: 3, budgetBand: 'over_500k', collaborationTypes: ['joint_development'] });
    draftId = (await sme.post('/api/needs', needBody(sme.organizationId, { title: 'Draft need here' }))).json().id;
  });
  afterAll(async () => ctx.close());

  async function titles(url: string, client: Client = anonymous(ctx.app)): Promise<string[]> {
    const response = await client.get(url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json().items.map((item: { title: string }) => item.title).sort();
  }

  it.each([
    ['', ['Bread stays fresh', 'Cork waste into panels', 'Solar dryer for herbs']],
    ['sector=C', ['Bread stays fresh', 'Cork waste into panels']],
    ['sector=A', ['Solar dryer for herbs']],
    ['trlMin=5', ['Bread stays fresh', 'Solar dryer for herbs']],
    ['trlMax=5', ['Bread stays fresh', 'Cork waste into panels']],
    ['collaborationType=licensing', ['Solar dryer for herbs']],
    ['country=PT', ['Cork waste into panels']],
    ['budgetBand=over_500k', ['Cork waste into panels']],
    ['budgetBand=25k_100k&sector=C', ['Bread stays fresh']],
  ])('filters by "%s"', async (query, expected) => {
    expect(await titles(`/api/needs?${query}`)).toEqual(expected);
  });

  it('filters by organization, lists drafts with mine=true, and pages with a cursor', async () => {
    expect(await titles(`/api/needs?organizationId=${otherSme.organizationId}`)).toEqual(['Cork waste into panels']);
    expect(await titles('/api/needs?mine=true', sme)).toEqual(['Bread stays fresh', 'Draft need here', 'Solar dryer for herbs']);
    const first = (await anonymous(ctx.app).get('/api/needs?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await anonymous(ctx.app).get(`/api/needs?limit=2&cursor=${first.next}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
  });

  it.each([
    ['no sectors', { sectors: [] }, 'sectors'],
    ['a minimum TRL of 11', { minTrl: 11 }, 'minTrl'],
    ['an unknown budget band', { budgetBand: 'a lot' }, 'budgetBand'],
    ['an unknown timeline', { timeline: 'soon' }, 'timeline'],
    ['a short problem', { problem: 'too short' }, 'problem'],
    ['a missing desired outcome', { desiredOutcome: undefined }, 'desiredOutcome'],
  ])('refuses %s with a 400 naming the field', async (_label, overrides, field) => {
    const response = await sme.post('/api/needs', needBody(sme.organizationId, overrides));
    expect(response.statusCode).toBe(400);
    expect(fieldsNamed(response).join(' ')).toContain(field);
  });

  it('refuses operators in bodies and query strings with 400, writing nothing', async () => {
    const before = (await sme.get('/api/needs?mine=true&limit=100')).json().items.length;
    for (const overrides of [{ title: { $gt: '' } }, { $where: '1' }, { sectors: [{ $ne: 'C' }] }]) {
      expect((await sme.post('/api/needs', needBody(sme.organizationId, overrides))).statusCode).toBe(400);
      expect((await sme.patch(`/api/needs/${draftId}`, overrides)).statusCode).toBe(400);
    }
    expect((await sme.get('/api/needs?mine=true&limit=100')).json().items.length).toBe(before);
    expect((await sme.get(`/api/needs/${draftId}`)).json().title).toBe('Draft need here');
    for (const query of ['sector[$ne]=C', 'trlMin[$gt]=0', '$where=1', 'budgetBand[$in]=x', 'field=materials', 'trlMin=8&trlMax=2']) {
      expect((await sme.get(`/api/needs?${query}`)).statusCode, query).toBe(400);
    }
  });

  it.each(HOSTILE_LINES)('refuses a title with %s (400 naming it, never 500) on create and edit, and writes nothing', async (_label, title) => {
    const before = (await sme.get('/api/needs?mine=true&limit=100')).json().items.length;
    const created = await sme.post('/api/needs', needBody(sme.organizationId, { title }));
    expect(created.statusCode, created.body).toBe(400);
    expect(fieldsNamed(created)).toEqual(['title']);
    const patched = await sme.patch(`/api/needs/${draftId}`, { title });
    expect(patched.statusCode, patched.body).toBe(400);
    expect(fieldsNamed(patched)).toEqual(['title']);
    expect((await sme.get('/api/needs?mine=true&limit=100')).json().items.length).toBe(before);
    expect((await sme.get(`/api/needs/${draftId}`)).json().title).toBe('Draft need here');
  });

  it.each(HOSTILE_LONG_TEXTS)('refuses %s in the problem and the desired outcome', async (_label, text) => {
    for (const field of ['problem', 'desiredOutcome']) {
      const response = await sme.patch(`/api/needs/${draftId}`, { [field]: text });
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(fieldsNamed(response)).toEqual([field]);
    }
  });

  it('refuses control characters in a search query with 400', async () => {
    for (const q of ['bread\u0000', 'bread \u202Eslaw', '   ']) {
      const response = await anonymous(ctx.app).get(`/api/search/needs?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, JSON.stringify(q)).toBe(400);
    }
  });
});
