import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, fieldsNamed, platformAdmin, userWithOrganization, type Client } from '../../helpers/api';
import { intermediaryWithProfile, profileBody, putProfile } from './setup';

interface Hit { intermediary: { organizationId: string; name: string; hasProfile: boolean; sectors: string[] }; similarity?: number; matchedWords: string[] }

describe('intermediaries directory: profiles, search, filters and pages', () => {
  let ctx: TestApp;
  let minho: Client & { organizationId: string };
  let tyrol: Client & { organizationId: string };
  let aragon: Client & { organizationId: string };
  let bare: Client & { organizationId: string };
  const names = (hits: Hit[]) => hits.map((hit) => hit.intermediary.name);
  const search = async (query: string) => {
    const response = await anonymous(ctx.app).get(`/api/intermediaries?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Hit[]; next: string | null };
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    minho = await intermediaryWithProfile(
      ctx.app,
      { name: 'Minho Valley Knowledge Transfer Office', country: 'PT', region: 'Norte', description: 'We connect textile and footwear companies with university labs.' },
      {},
    );
    tyrol = await intermediaryWithProfile(
      ctx.app,
      { name: 'Chamber of Commerce Tyrol – Innovation Service', country: 'AT', region: 'Tyrol', description: 'Innovation checks and vouchers for crafts and tourism firms.' },
      { institutionType: 'chamber_of_commerce', services: ['innovation vouchers', 'energy efficiency advice'], sectors: ['I', 'F'], regions: ['Tyrol', 'Vorarlberg'], languages: ['de', 'en'], contactEmail: 'innovation@wk-tyrol.example' },
    );
    aragon = await intermediaryWithProfile(
      ctx.app,
      { name: 'Aragón Patent Information Desk', country: 'ES', region: 'Aragón', description: 'Patent searches and IP audits for small firms.' },
      { institutionType: 'ip_office', services: ['patent search', 'IP audit', 'trademark filing guidance'], sectors: ['C', 'M'], regions: ['Aragón', 'Navarra'], languages: ['es', 'en'], contactEmail: 'pymes@aragon-pti.example' },
    );
    bare = await intermediaryWithProfile(ctx.app, { name: 'Brand-new Incubator', country: 'LT', sectors: ['J'] }, null);
  });
  afterAll(async () => ctx.close());

  it('lists every intermediary A–Z, with or without a profile, and nothing else', async () => {
    await userWithOrganization(ctx.app, 'sme');
    const { items } = await search('limit=50');
    expect(names(items)).toEqual(['Aragón Patent Information Desk', 'Brand-new Incubator', 'Chamber of Commerce Tyrol – Innovation Service', 'Minho Valley Knowledge Transfer Office']);
    const newcomer = items.find((hit) => hit.intermediary.organizationId === bare.organizationId)!;
    expect(newcomer.intermediary.hasProfile).toBe(false);
    expect(newcomer.intermediary.sectors).toEqual(['J']);
  });

  it('filters by institution type, sector, region (accents and case ignored), language and country', async () => {
    expect(names((await search('type=ip_office')).items)).toEqual(['Aragón Patent Information Desk']);
    expect(names((await search('sector=C')).items)).toEqual(['Aragón Patent Information Desk', 'Minho Valley Knowledge Transfer Office']);
    expect(names((await search('region=vorarl')).items)).toEqual(['Chamber of Commerce Tyrol – Innovation Service']);
    expect(names((await search('region=ARAGON')).items)).toEqual(['Aragón Patent Information Desk']);
    expect(names((await search('language=pt')).items)).toEqual(['Minho Valley Knowledge Transfer Office']);
    expect(names((await search('country=at')).items)).toEqual(['Chamber of Commerce Tyrol – Innovation Service']);
    expect(names((await search('sector=C&language=de')).items)).toEqual([]);
  });

  it('ranks free text by relevance and names the shared words; filters still apply', async () => {
    const patents = (await search('q=patent%20searches')).items;
    expect(names(patents)[0]).toBe('Aragón Patent Information Desk');
    expect(names(patents)).toContain('Minho Valley Knowledge Transfer Office');
    expect(names(patents)).not.toContain('Chamber of Commerce Tyrol – Innovation Service');
    expect(patents[0]!.matchedWords.join(' ')).toMatch(/patent/);
    expect(patents[0]!.similarity).toBeGreaterThan(0);
    expect(names((await search('q=patent&country=PT')).items)).toEqual(['Minho Valley Knowledge Transfer Office']);
    expect((await search('q=vouchers')).items.map((hit) => hit.intermediary.organizationId)).toEqual([tyrol.organizationId]);
    expect((await search('q=submarine%20welding')).items).toEqual([]);
  });

  it('pages with a cursor, without repeats or gaps, with and without text', async () => {
    for (const query of ['', 'q=patent%20search%20innovation%20companies']) {
      const all = (await search(`${query}&limit=50`)).items.map((hit) => hit.intermediary.organizationId);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Hit[]; next: string | null } = await search(`${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items.map((hit) => hit.intermediary.organizationId));
        cursor = page.next;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(all.length).toBeGreaterThan(1);
    }
    const bad = await anonymous(ctx.app).get('/api/intermediaries?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_cursor');
  });

  it('rejects bad filters with a 400 that names the field', async () => {
    for (const [query, field] of [['type=bank', 'type'], ['sector=Z', 'sector'], ['language=Portuguese', 'language'], ['q=a', 'q'], ['colour=red', 'colour']] as const) {
      const response = await anonymous(ctx.app).get(`/api/intermediaries?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(fieldsNamed(response), query).toContain(field);
    }
  });

  it('shows one intermediary with its profile; other kinds and unknown ids are 404', async () => {
    const response = await anonymous(ctx.app).get(`/api/intermediaries/${aragon.organizationId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Aragón Patent Information Desk', institutionType: 'ip_office', languages: ['es', 'en'], contactEmail: 'pymes@aragon-pti.example', hasProfile: true });
    const sme = await userWithOrganization(ctx.app, 'sme');
    expect((await anonymous(ctx.app).get(`/api/intermediaries/${sme.organizationId}`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get('/api/intermediaries/0123456789abcdef01234567')).statusCode).toBe(404);
  });

  it('only the intermediary’s admins (and platform admins) write its profile', async () => {
    const member = await addMember(ctx.app, minho, minho.organizationId, 'member');
    const sme = await userWithOrganization(ctx.app, 'sme');
    const attempts = [
      [anonymous(ctx.app), 401],
      [member, 403],
      [sme, 403],
      [tyrol, 403],
    ] as const;
    for (const [client, status] of attempts) {
      expect((await putProfile(client, minho.organizationId, profileBody({ services: ['hijacked'] }))).statusCode).toBe(status);
    }
    expect((await anonymous(ctx.app).get(`/api/intermediaries/${minho.organizationId}`)).json().services).not.toContain('hijacked');

    const saved = await putProfile(minho, minho.organizationId, profileBody({ services: [' patent search ', 'patent search', 'spin-off coaching'] }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json().services).toEqual(['patent search', 'spin-off coaching']);
    const admin = await platformAdmin(ctx.app);
    expect((await putProfile(admin, minho.organizationId, profileBody({ contactEmail: 'desk@minho-kto.example' }))).json().contactEmail).toBe('desk@minho-kto.example');
    // A profile for an organization that is not an intermediary does not exist.
    expect((await putProfile(sme, sme.organizationId, profileBody())).statusCode).toBe(404);
  });

  it('validates the profile and names every bad field', async () => {
    const response = await putProfile(minho, minho.organizationId, profileBody({ institutionType: 'bank', sectors: [], languages: ['Portuguese'], contactEmail: 'not-an-email', services: [] }));
    expect(response.statusCode).toBe(400);
    expect(fieldsNamed(response)).toEqual(expect.arrayContaining(['institutionType', 'sectors', 'languages.0', 'contactEmail', 'services']));
    expect((await anonymous(ctx.app).get(`/api/intermediaries/${minho.organizationId}`)).json().institutionType).toBe('tech_transfer_office');
  });
});
