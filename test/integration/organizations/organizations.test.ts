import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { ORGANIZATION_SAMPLES, registerUser, userWithOrganization, verifyOrganization } from '../../helpers/api';

describe('organizations', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('makes the creator its admin and derives an SME size class with its definition', async () => {
    const owner = await userWithOrganization(ctx.app, 'sme');
    const org = (await owner.get(`/api/organizations/${owner.organizationId}`)).json();
    expect(org).toMatchObject({ kind: 'sme', headcount: 9, annualTurnoverEur: 1_500_000, sizeClass: 'micro' });
    expect(org.sizeClassDefinition).toContain('micro < 10 staff');
    const me = (await owner.get('/api/auth/me')).json().user;
    expect(me.memberships).toEqual([{ organizationId: owner.organizationId, role: 'admin' }]);
  });

  it('re-derives the size class when the figures change and never accepts one typed in', async () => {
    const owner = await userWithOrganization(ctx.app, 'sme');
    const grown = await owner.patch(`/api/organizations/${owner.organizationId}`, { headcount: 60, annualTurnoverEur: 12_000_000 });
    expect(grown.json().sizeClass).toBe('medium');
    const typed = await owner.patch(`/api/organizations/${owner.organizationId}`, { sizeClass: 'micro' });
    expect(typed.statusCode).toBe(400);
  });

  it('requires SME figures and refuses them for other kinds, naming the field', async () => {
    const user = await registerUser(ctx.app, 'figures');
    const { headcount: _h, ...smeWithoutHeadcount } = ORGANIZATION_SAMPLES.sme;
    const missing = await user.post('/api/organizations', smeWithoutHeadcount);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual({ field: 'headcount' });
    const university = await user.post('/api/organizations', { ...ORGANIZATION_SAMPLES.university, annualTurnoverEur: 5 });
    expect(university.statusCode).toBe(400);
    expect(university.json().error.details).toEqual({ field: 'annualTurnoverEur' });
  });

  it('lists with filters and cursor pagination, without duplicates or gaps', async () => {
    const user = await registerUser(ctx.app, 'lister');
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await user.post('/api/organizations', { ...ORGANIZATION_SAMPLES.intermediary, name: `Paging Office ${i}`, country: 'IS' });
      created.push(response.json().id);
      await verifyOrganization(ctx.app, response.json().id); // pending ones are not listed
    }
    const seen: string[] = [];
    let url = '/api/organizations?country=IS&kind=intermediary&limit=2';
    for (let page = 0; page < 5; page += 1) {
      const body = (await user.get(url)).json();
      seen.push(...body.items.map((o: { id: string }) => o.id));
      if (!body.next) break;
      url = `/api/organizations?country=IS&kind=intermediary&limit=2&cursor=${body.next}`;
    }
    expect(seen.sort()).toEqual(created.sort());
    const bad = await user.get('/api/organizations?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
  });

  it('lets only its admins (or a platform admin) edit it', async () => {
    const owner = await userWithOrganization(ctx.app, 'university');
    const stranger = await registerUser(ctx.app, 'stranger');
    const anonymous = await ctx.app.inject({ method: 'PATCH', url: `/api/organizations/${owner.organizationId}`, payload: { region: 'X' } });
    expect(anonymous.statusCode).toBe(401);
    expect((await stranger.patch(`/api/organizations/${owner.organizationId}`, { region: 'X' })).statusCode).toBe(403);
    expect((await owner.patch(`/api/organizations/${owner.organizationId}`, { region: 'Kaunas' })).json().region).toBe('Kaunas');
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const user = await registerUser(ctx.app, 'ids');
    expect((await user.get('/api/organizations/not-an-id')).statusCode).toBe(400);
    expect((await user.get('/api/organizations/0123456789abcdef01234567')).statusCode).toBe(404);
  });
});
