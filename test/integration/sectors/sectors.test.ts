import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { anonymous, createPublishedNeed, createPublishedOutput, needBody, outputBody, userWithOrganization, type Client } from '../../helpers/api';
import { eventBody, publishedEvent } from '../events/fixtures';
import { intermediaryWithProfile } from '../intermediaries/setup';

type Org = Client & { organizationId: string };
interface Summary { code: string; label: string; counts: { outputs: number; governmentFundedOutputs: number; needs: number; intermediaries: number } }

describe('sectors: an index with counts and a page per NACE sector', () => {
  let ctx: TestApp;
  let university: Org;
  let sme: Org;
  let ids: Record<string, string>;

  beforeAll(async () => {
    ctx = await startTestApp();
    university = await userWithOrganization(ctx.app, 'university');
    sme = await userWithOrganization(ctx.app, 'sme');
    ids = {
      fundedC: await createPublishedOutput(university, university.organizationId, { title: 'Printed silver conductors at 90 °C', sectors: ['C', 'J'] }),
      privateC: await createPublishedOutput(university, university.organizationId, { title: 'Laser-cut ceramic filters', sectors: ['C'], governmentFunded: false, fundingProgramme: undefined }),
      draftC: (await university.post('/api/research-outputs', outputBody(university.organizationId, { title: 'A draft in manufacturing' }))).json().id,
      needC: await createPublishedNeed(sme, sme.organizationId, { sectors: ['C'] }),
      needA: await createPublishedNeed(sme, sme.organizationId, { title: 'Detect mildew in vineyards early', sectors: ['A'] }),
      draftNeedC: (await sme.post('/api/needs', needBody(sme.organizationId, { title: 'A draft need in manufacturing' }))).json().id,
    };
    await intermediaryWithProfile(ctx.app, { name: 'Emilia Knowledge Transfer Network', country: 'IT' }, { sectors: ['C', 'M'] });
    await intermediaryWithProfile(ctx.app, { name: 'Banat Agritech Incubator', country: 'RO' }, { institutionType: 'incubator', sectors: ['A'] });
  });
  afterAll(async () => ctx.close());

  it('lists all 21 sections with published outputs, publicly funded ones, needs and intermediaries counted', async () => {
    const response = await anonymous(ctx.app).get('/api/sectors');
    expect(response.statusCode).toBe(200);
    const sectors = response.json() as Summary[];
    expect(sectors.map((sector) => sector.code)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    const byCode = new Map(sectors.map((sector) => [sector.code, sector]));
    expect(byCode.get('C')).toEqual({ code: 'C', label: 'Manufacturing', counts: { outputs: 2, governmentFundedOutputs: 1, needs: 1, intermediaries: 1 } });
    expect(byCode.get('A')!.counts).toEqual({ outputs: 0, governmentFundedOutputs: 0, needs: 1, intermediaries: 1 });
    expect(byCode.get('J')!.counts).toEqual({ outputs: 1, governmentFundedOutputs: 1, needs: 0, intermediaries: 0 });
    expect(byCode.get('U')!.counts).toEqual({ outputs: 0, governmentFundedOutputs: 0, needs: 0, intermediaries: 0 });
  });

  it("a sector's page has its published outputs, funded ones, needs and intermediaries", async () => {
    const response = await anonymous(ctx.app).get('/api/sectors/C');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.label).toBe('Manufacturing');
    expect(page.outputs.map((o: { id: string }) => o.id).sort()).toEqual([ids['fundedC'], ids['privateC']].sort());
    expect(page.governmentFundedOutputs.map((o: { id: string }) => o.id)).toEqual([ids['fundedC']]);
    expect(page.governmentFundedOutputs[0].fundingProgramme).toBe('Horizon Europe');
    expect(page.needs.map((n: { id: string }) => n.id)).toEqual([ids['needC']]);
    expect(page.intermediaries.map((i: { name: string }) => i.name)).toEqual(['Emilia Knowledge Transfer Network']);
    // Confidential details never reach a sector page.
    expect(response.body).not.toContain('lab notebook');
  });

  it("lists a sector's upcoming published events, soonest first, and no drafts", async () => {
    const { organizer, event } = await publishedEvent(ctx.app, { title: 'Manufacturing brokerage day', sectors: ['C', 'M'] });
    const draft = await organizer.post('/api/events', eventBody(organizer.organizationId, { title: 'Draft event in manufacturing', sectors: ['C'] }));
    expect(draft.statusCode).toBe(201);
    const manufacturing = (await anonymous(ctx.app).get('/api/sectors/C')).json();
    expect(manufacturing.events).toEqual([expect.objectContaining({ id: event.id, title: 'Manufacturing brokerage day', format: 'brokerage' })]);
    expect(Date.parse(manufacturing.events[0].startsAt)).toBeGreaterThan(Date.now());
    expect((await anonymous(ctx.app).get('/api/sectors/A')).json().events).toEqual([]);
  });

  it('rejects codes that are not NACE sections', async () => {
    for (const code of ['Z', 'c', 'CC']) {
      const response = await anonymous(ctx.app).get(`/api/sectors/${code}`);
      expect(response.statusCode, code).toBe(400);
      expect(response.json().error.message).toMatch(/code/);
    }
  });
});
