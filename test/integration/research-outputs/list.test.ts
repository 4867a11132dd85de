import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedOutput, outputBody, userWithOrganization, type Client } from '../../helpers/api';

describe('research outputs: list filters, mine and cursor pages', () => {
  let ctx: TestApp;
  let uni: Client & { organizationId: string };
  let lab: Client & { organizationId: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await startTestApp();
    uni = await userWithOrganization(ctx.app, 'university'); // LT
    lab = await userWithOrganization(ctx.app, 'government'); // FR
    ids['sensor'] = await createPublishedOutput(uni, uni.organizationId, {
      title: 'Printed humidity sensor', fields: ['electronics'], sectors: ['C', 'J'], trl: 6, ipStatus: 'design', patentNumber: undefined,
      collaborationTypes: ['licensing'], governmentFunded: false, fundingProgramme: undefined,
    });
    ids['enzyme'] = await createPublishedOutput(uni, uni.organizationId, {
      title: 'Enzyme for cold washing', fields: ['biotechnology'], sectors: ['C'], trl: 3, ipStatus: 'patent_granted', patentNumber: 'LT 6543',
      collaborationTypes: ['contract_research'], governmentFunded: true,
    });
    ids['concrete'] = await createPublishedOutput(lab, lab.organizationId, {
      title: 'Self-healing concrete admixture', fields: ['construction', 'materials'], sectors: ['F'], trl: 8, ipStatus: 'trade_secret',
      patentNumber: undefined, collaborationTypes: ['joint_development', 'licensing'], governmentFunded: true,
    });
    ids['draft'] = (await uni.post('/api/research-outputs', outputBody(uni.organizationId, { title: 'Unfinished draft' }))).json().id;
  });
  afterAll(async () => ctx.close());

  async function titles(url: string, client?: Client): Promise<string[]> {
    const response = client ? await client.get(url) : await ctx.app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json().items.map((item: { title: string }) => item.title).sort();
  }

  it('lists published outputs only, newest first, to anyone', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/research-outputs' });
    expect(response.json().items.map((o: { id: string }) => o.id)).toEqual([ids['concrete'], ids['enzyme'], ids['sensor']]);
    expect(response.json().next).toBeNull();
  });

  it.each([
    ['sector=F', ['Self-healing concrete admixture']],
    ['sector=J', ['Printed humidity sensor']],
    ['field=materials', ['Self-healing concrete admixture']],
    ['trlMin=6', ['Printed humidity sensor', 'Self-healing concrete admixture']],
    ['trlMax=6', ['Enzyme for cold washing', 'Printed humidity sensor']],
    ['trlMin=4&trlMax=7', ['Printed humidity sensor']],
    ['ipStatus=patent_granted', ['Enzyme for cold washing']],
    ['collaborationType=licensing', ['Printed humidity sensor', 'Self-healing concrete admixture']],
    ['country=fr', ['Self-healing concrete admixture']],
    ['country=LT', ['Enzyme for cold washing', 'Printed humidity sensor']],
    ['governmentFunded=false', ['Printed humidity sensor']],
    ['governmentFunded=true&sector=C', ['Enzyme for cold washing']],
  ])('filters by %s', async (query, expected) => {
    expect(await titles(`/api/research-outputs?${query}`)).toEqual(expected);
  });

  it('filters by organization', async () => {
    expect(await titles(`/api/research-outputs?organizationId=${lab.organizationId}`)).toEqual(['Self-healing concrete admixture']);
  });

  it("lists the caller's organizations' outputs in every status with mine=true", async () => {
    expect(await titles('/api/research-outputs?mine=true', uni)).toEqual(['Enzyme for cold washing', 'Printed humidity sensor', 'Unfinished draft']);
    expect(await titles('/api/research-outputs?mine=true&status=draft', uni)).toEqual(['Unfinished draft']);
    expect(await titles(`/api/research-outputs?mine=true&organizationId=${lab.organizationId}`, uni)).toEqual([]);
    const sme = await userWithOrganization(ctx.app, 'sme');
    expect(await titles('/api/research-outputs?mine=true', sme)).toEqual([]);
  });

  it('pages with a cursor until next is null', async () => {
    const seen: string[] = [];
    let url = '/api/research-outputs?limit=2';
    for (let page = 0; page < 5; page += 1) {
      const body = (await ctx.app.inject({ method: 'GET', url })).json();
      seen.push(...body.items.map((o: { id: string }) => o.id));
      if (!body.next) break;
      expect(body.items).toHaveLength(2);
      url = `/api/research-outputs?limit=2&cursor=${body.next}`;
    }
    expect(seen).toEqual([ids['concrete'], ids['enzyme'], ids['sensor']]);
  });

  it('gives other modules public views of published outputs only (publishedViews)', async () => {
    const views = await ctx.app.services.researchOutputs.publishedViews([ids['sensor']!, ids['draft']!, 'nothex', '0123456789abcdef01234567']);
    expect([...views.keys()]).toEqual([ids['sensor']]);
    expect(views.get(ids['sensor']!)).not.toHaveProperty('confidentialDetails');
  });
});
