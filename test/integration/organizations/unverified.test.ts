import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { anonymous, createPublishedNeed, needBody, outputBody, platformAdmin, registerUser, userWithOrganization, type Client } from '../../helpers/api';
import { eventBody } from '../events/fixtures';

/** What an organization awaiting verification may and may not do, and where it does not appear. */
describe('organizations awaiting verification', () => {
  let ctx: TestApp;
  let admin: Client;
  let sme: Client & { organizationId: string };
  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await platformAdmin(ctx.app);
    sme = await userWithOrganization(ctx.app, 'sme');
  });
  afterAll(async () => ctx.close());

  /** A pending organization; its name ends in a random token, so a retried test does not collide with its first attempt. */
  async function pending(kind: string, name: string, extra: Record<string, unknown> = {}): Promise<Client & { organizationId: string }> {
    const user = await registerUser(ctx.app, `${kind}-applicant`);
    const created = await user.post('/api/organizations', { kind, name: `${name} ${randomBytes(3).toString('hex')}`, country: 'LT', sectors: ['C'], ...extra });
    expect(created.statusCode).toBe(201);
    return { ...user, organizationId: created.json().id };
  }

  it('starts universities, government labs, intermediaries and organizers pending; SMEs are not subject to it', async () => {
    for (const kind of ['university', 'government', 'intermediary', 'organizer']) {
      const org = await pending(kind, `Pending ${kind} of Kaunas`);
      expect((await org.get(`/api/organizations/${org.organizationId}`)).json().verificationStatus).toBe('pending');
    }
    expect((await sme.get(`/api/organizations/${sme.organizationId}`)).json().verificationStatus).toBe('not_required');
    await createPublishedNeed(sme, sme.organizationId); // SMEs publish at once
  });

  it('prepares drafts but cannot publish research outputs; an SME cannot ask for access to them', async () => {
    const uni = await pending('university', 'Kaunas Institute of Draft Research');
    const draft = await uni.post('/api/research-outputs', outputBody(uni.organizationId));
    expect(draft.statusCode).toBe(201);
    const published = await uni.post(`/api/research-outputs/${draft.json().id}/publish`);
    expect(published.statusCode).toBe(403);
    expect(published.json().error.code).toBe('organization_unverified');
    const asked = await sme.post(`/api/research-outputs/${draft.json().id}/access-requests`, { organizationId: sme.organizationId, message: 'We would like to license this.' });
    expect(asked.statusCode).toBe(404);
    expect((await uni.get('/api/access-requests?direction=incoming')).json().items).toEqual([]);

    await admin.post(`/api/admin/organizations/${uni.organizationId}/verify`, {});
    expect((await uni.post(`/api/research-outputs/${draft.json().id}/publish`)).statusCode).toBe(200);
    expect((await sme.post(`/api/research-outputs/${draft.json().id}/access-requests`, { organizationId: sme.organizationId, message: 'We would like to license this.' })).statusCode).toBe(201);
  });

  it('cannot create events until verified, nor after a rejection', async () => {
    const organizer = await pending('organizer', 'Kaunas Brokerage Days');
    const refused = await organizer.post('/api/events', eventBody(organizer.organizationId));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'organization_unverified' });
    await admin.post(`/api/admin/organizations/${organizer.organizationId}/reject`, { note: 'No evidence.' });
    expect((await organizer.post('/api/events', eventBody(organizer.organizationId))).statusCode).toBe(403);

    const verified = await pending('organizer', 'Vilnius Brokerage Days');
    await admin.post(`/api/admin/organizations/${verified.organizationId}/verify`, {});
    expect((await verified.post('/api/events', eventBody(verified.organizationId))).statusCode).toBe(201);
  });

  it('does not appear in the organizations list, the intermediaries directory or sector pages until verified', async () => {
    const office = await pending('intermediary', 'Kaunas Patent Office', { sectors: ['Q'] });
    const uni = await pending('university', 'Kaunas University of Listings', { sectors: ['Q'] });
    const visitor = anonymous(ctx.app);
    const listed = async () => {
      const organizations = (await visitor.get('/api/organizations?country=LT&limit=100')).json().items.map((o: { id: string }) => o.id);
      const directory = (await visitor.get('/api/intermediaries?limit=100')).json().items.map((h: { intermediary: { organizationId: string } }) => h.intermediary.organizationId);
      const sector = (await visitor.get('/api/sectors/Q')).json();
      return {
        office: [organizations.includes(office.organizationId), directory.includes(office.organizationId), sector.intermediaries.some((i: { organizationId: string }) => i.organizationId === office.organizationId)],
        uni: organizations.includes(uni.organizationId),
        sectorCount: sector.counts.intermediaries,
      };
    };
    const before = await listed();
    expect(before).toMatchObject({ office: [false, false, false], uni: false });
    await admin.post(`/api/admin/organizations/${office.organizationId}/verify`, {});
    await admin.post(`/api/admin/organizations/${uni.organizationId}/verify`, {});
    expect(await listed()).toEqual({ office: [true, true, true], uni: true, sectorCount: before.sectorCount + 1 });
  });

  it('receives no help requests and drafts no needs on behalf of SMEs until verified', async () => {
    const office = await pending('intermediary', 'Kaunas Innovation Helpdesk');
    const needId = (await sme.post('/api/needs', needBody(sme.organizationId))).json().id;
    const ask = () => sme.post(`/api/intermediaries/${office.organizationId}/help-requests`, { smeOrganizationId: sme.organizationId, needId, message: 'Who could test our rye bread shelf life?' });
    const draft = () => office.post('/api/needs', needBody(sme.organizationId, { postedByOrganizationId: office.organizationId }));
    expect([(await ask()).statusCode, (await draft()).statusCode]).toEqual([403, 403]);
    expect((await ask()).json().error.code).toBe('organization_unverified');
    await admin.post(`/api/admin/organizations/${office.organizationId}/verify`);
    expect([(await ask()).statusCode, (await draft()).statusCode]).toEqual([201, 201]);
  });
});
