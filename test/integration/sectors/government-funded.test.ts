import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, createPublishedOutput, outputBody, userWithOrganization, type Client } from '../../helpers/api';

type Org = Client & { organizationId: string };

describe('government-funded innovation: filter, funding programme and government publishers', () => {
  let ctx: TestApp;
  let government: Org;
  let university: Org;

  beforeAll(async () => {
    ctx = await startTestApp();
    government = await userWithOrganization(ctx.app, 'government');
    university = await userWithOrganization(ctx.app, 'university');
  });
  afterAll(async () => ctx.close());

  it('a government organization’s members publish research outputs, like a university’s', async () => {
    const member = await addMember(ctx.app, government, government.organizationId, 'member');
    const created = await member.post('/api/research-outputs', outputBody(government.organizationId, { title: 'Rapid Listeria screening for small dairies', fundingProgramme: 'National Food Safety Programme 2021–2027' }));
    expect(created.statusCode, created.body).toBe(201);
    const published = await member.post(`/api/research-outputs/${created.json().id}/publish`);
    expect(published.statusCode).toBe(200);
    expect((await anonymous(ctx.app).get(`/api/research-outputs/${created.json().id}`)).json()).toMatchObject({
      organizationId: government.organizationId,
      status: 'published',
      governmentFunded: true,
      fundingProgramme: 'National Food Safety Programme 2021–2027',
    });
    // Other kinds still may not.
    for (const kind of ['sme', 'intermediary', 'organizer'] as const) {
      const other = await userWithOrganization(ctx.app, kind);
      expect((await other.post('/api/research-outputs', outputBody(other.organizationId))).statusCode, kind).toBe(403);
    }
  });

  it('filters published outputs by governmentFunded, and shows each funded one with its programme', async () => {
    const funded = await createPublishedOutput(university, university.organizationId, { title: 'Funded: printed silver conductors', fundingProgramme: 'Horizon Europe' });
    const unfunded = await createPublishedOutput(university, university.organizationId, { title: 'Unfunded: ceramic filters', governmentFunded: false, fundingProgramme: undefined });
    const list = async (query: string) => (await anonymous(ctx.app).get(`/api/research-outputs?limit=100&${query}`)).json().items as { id: string; governmentFunded: boolean; fundingProgramme?: string }[];

    const onlyFunded = await list('governmentFunded=true');
    expect(onlyFunded.map((o) => o.id)).toContain(funded);
    expect(onlyFunded.map((o) => o.id)).not.toContain(unfunded);
    expect(onlyFunded.every((o) => o.governmentFunded && o.fundingProgramme)).toBe(true);
    const notFunded = await list('governmentFunded=false');
    expect(notFunded.map((o) => o.id)).toEqual([unfunded]);
    expect(notFunded[0]!.fundingProgramme).toBeUndefined();
    expect((await list('')).length).toBe(onlyFunded.length + notFunded.length);
    expect((await anonymous(ctx.app).get('/api/research-outputs?governmentFunded=perhaps')).statusCode).toBe(400);
  });

  it('a funding programme without the government-funded flag is refused', async () => {
    const response = await university.post('/api/research-outputs', outputBody(university.organizationId, { governmentFunded: false, fundingProgramme: 'Horizon Europe' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('fundingProgramme');
  });
});
