import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, needBody, userWithOrganization, type Client } from '../../helpers/api';
import { intermediaryWithProfile } from './setup';

type Org = Client & { organizationId: string };

describe('needs an intermediary posts on an SME’s behalf, with the SME’s consent', () => {
  let ctx: TestApp;
  let sme: Org;
  let smeMember: Client;
  let intermediary: Org;
  let intermediaryMember: Client;
  let otherSme: Org;
  let university: Org;

  const draft = (client: Client, overrides: Record<string, unknown> = {}) =>
    client.post('/api/needs', needBody(sme.organizationId, { postedByOrganizationId: intermediary.organizationId, title: 'Shelf-life testing for rye bread', ...overrides }));
  const publicIds = async () => ((await anonymous(ctx.app).get('/api/needs?limit=100')).json().items as { id: string }[]).map((need) => need.id);
  const notificationTitles = async (client: Client) =>
    ((await client.get('/api/notifications')).json().items as { type: string; title: string }[]).filter((n) => n.type === 'on_behalf_need').map((n) => n.title);

  beforeAll(async () => {
    ctx = await startTestApp();
    sme = await userWithOrganization(ctx.app, 'sme');
    smeMember = await addMember(ctx.app, sme, sme.organizationId, 'member');
    intermediary = await intermediaryWithProfile(ctx.app, { name: 'Minho Valley Knowledge Transfer Office', country: 'PT' });
    intermediaryMember = await addMember(ctx.app, intermediary, intermediary.organizationId, 'member');
    otherSme = await userWithOrganization(ctx.app, 'sme');
    university = await userWithOrganization(ctx.app, 'university');
  });
  afterAll(async () => ctx.close());

  it('is a private draft until an SME admin consents; consent publishes it, shown as posted on behalf', async () => {
    const created = await draft(intermediaryMember);
    expect(created.statusCode, created.body).toBe(201);
    const need = created.json();
    expect(need).toMatchObject({ status: 'draft', organizationId: sme.organizationId, postedByOrganizationId: intermediary.organizationId, consent: 'pending' });
    expect(await notificationTitles(smeMember)).toEqual(['Minho Valley Knowledge Transfer Office drafted a need on your behalf: “Shelf-life testing for rye bread”']);

    // Not public, not for outsiders; both sides see it.
    expect(await publicIds()).not.toContain(need.id);
    for (const outsider of [anonymous(ctx.app), otherSme, university]) expect((await outsider.get(`/api/needs/${need.id}`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(`/api/search/needs?q=${encodeURIComponent('shelf-life rye bread')}`)).json()).toEqual([]);
    for (const insider of [sme, smeMember, intermediary, intermediaryMember]) expect((await insider.get(`/api/needs/${need.id}`)).json().consent).toBe('pending');
    const awaiting = (await sme.get('/api/needs?mine=true&consent=pending')).json().items.map((n: { id: string }) => n.id);
    expect(awaiting).toEqual([need.id]);
    expect((await intermediaryMember.get('/api/needs?mine=true')).json().items.map((n: { id: string }) => n.id)).toEqual([need.id]);

    // Nobody publishes it around the consent: the SME's members are told to consent, the intermediary may not.
    const smePublish = await smeMember.post(`/api/needs/${need.id}/publish`);
    expect(smePublish.statusCode).toBe(409);
    expect(smePublish.json().error.code).toBe('consent_required');
    expect((await intermediary.post(`/api/needs/${need.id}/publish`)).statusCode).toBe(403);
    expect(await publicIds()).not.toContain(need.id);

    // Only an admin of the SME decides.
    expect((await smeMember.post(`/api/needs/${need.id}/consent`, { decision: 'give' })).statusCode).toBe(403);
    expect((await intermediary.post(`/api/needs/${need.id}/consent`, { decision: 'give' })).statusCode).toBe(403);
    expect((await otherSme.post(`/api/needs/${need.id}/consent`, { decision: 'give' })).statusCode).toBe(404);
    expect((await anonymous(ctx.app).post(`/api/needs/${need.id}/consent`, { decision: 'give' })).statusCode).toBe(401);
    expect((await sme.post(`/api/needs/${need.id}/consent`, { decision: 'maybe' })).statusCode).toBe(400);

    const consented = await sme.post(`/api/needs/${need.id}/consent`, { decision: 'give' });
    expect(consented.statusCode, consented.body).toBe(200);
    expect(consented.json()).toMatchObject({ status: 'published', consent: 'given', postedByOrganizationId: intermediary.organizationId });
    const publicView = (await anonymous(ctx.app).get(`/api/needs/${need.id}`)).json();
    expect(publicView).toMatchObject({ status: 'published', organizationId: sme.organizationId, postedByOrganizationId: intermediary.organizationId });
    expect(await publicIds()).toContain(need.id);
    const found = (await anonymous(ctx.app).get(`/api/search/needs?q=${encodeURIComponent('shelf-life rye bread')}`)).json();
    expect(found.map((hit: { item: { id: string } }) => hit.item.id)).toContain(need.id);
    expect(await notificationTitles(intermediaryMember)).toContain('Ostsee Backstube GmbH consented: “Shelf-life testing for rye bread” is published');

    // Decided once; the SME owns it now and the intermediary no longer edits it.
    expect((await sme.post(`/api/needs/${need.id}/consent`, { decision: 'refuse' })).statusCode).toBe(409);
    expect((await intermediary.patch(`/api/needs/${need.id}`, { title: 'Edited by the intermediary' })).statusCode).toBe(403);
    expect((await smeMember.patch(`/api/needs/${need.id}`, { title: 'Shelf-life testing for rye and spelt bread' })).statusCode).toBe(200);
  });

  it('a refusal keeps it private; a revision by the intermediary asks again', async () => {
    const need = (await draft(intermediary, { title: 'Automated dough proofing control' })).json();
    const refused = await sme.post(`/api/needs/${need.id}/consent`, { decision: 'refuse', note: 'Please leave out our supplier names.' });
    expect(refused.json()).toMatchObject({ status: 'draft', consent: 'refused', consentNote: 'Please leave out our supplier names.' });
    expect(await publicIds()).not.toContain(need.id);
    expect(await notificationTitles(intermediary)).toContain('Ostsee Backstube GmbH refused to publish “Automated dough proofing control”');
    expect((await intermediaryMember.get(`/api/needs/${need.id}`)).json().consentNote).toBe('Please leave out our supplier names.');
    expect((await sme.post(`/api/needs/${need.id}/publish`)).statusCode).toBe(409);

    const revised = await intermediaryMember.patch(`/api/needs/${need.id}`, { problem: 'Our proofing cabinets over-proof dough on warm days, and we throw away whole batches.' });
    expect(revised.json().consent).toBe('pending');
    expect((await sme.post(`/api/needs/${need.id}/consent`, { decision: 'give', note: 'Thanks, much better.' })).json().status).toBe('published');
    // The note is for the intermediary: the public view and lists leave it out.
    const publicView = (await anonymous(ctx.app).get(`/api/needs/${need.id}`)).json();
    expect(publicView.consent).toBe('given');
    expect(publicView.consentNote).toBeUndefined();
    expect((await intermediary.get(`/api/needs/${need.id}`)).json().consentNote).toBe('Thanks, much better.');
    expect(JSON.stringify((await anonymous(ctx.app).get('/api/needs?limit=100')).json())).not.toContain('Thanks, much better.');
  });

  it('only members of an intermediary draft on behalf, and only for SMEs', async () => {
    const cases: [Client, Record<string, unknown>, number][] = [
      [anonymous(ctx.app), {}, 401],
      [otherSme, {}, 403], // not a member of the intermediary it names
      [university, { postedByOrganizationId: university.organizationId }, 403], // a university is no intermediary
      [intermediary, { organizationId: university.organizationId }, 403], // needs belong to SMEs
      [intermediary, { postedByOrganizationId: '0123456789abcdef01234567' }, 404],
      [intermediary, { postedByOrganizationId: 'nope' }, 400],
    ];
    for (const [client, overrides, status] of cases) {
      const response = await draft(client, overrides);
      expect(response.statusCode, `${JSON.stringify(overrides)}: ${response.body}`).toBe(status);
    }
    // An SME's own need has no consent to give.
    const own = (await sme.post('/api/needs', needBody(sme.organizationId))).json();
    expect(own.consent).toBeUndefined();
    const consent = await sme.post(`/api/needs/${own.id}/consent`, { decision: 'give' });
    expect(consent.statusCode).toBe(409);
    expect(consent.json().error.code).toBe('not_on_behalf');
  });
});
