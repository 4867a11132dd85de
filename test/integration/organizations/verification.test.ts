import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, platformAdmin, registerUser, userWithOrganization, type Client } from '../../helpers/api';

type Role = 'anonymous' | 'platform admin' | 'applicant admin' | 'applicant member' | 'verified university admin';

/** The platform admins' queue: evidence, the e-mail-domain hint, decisions and who is told. */
describe('organization verification by platform admins', () => {
  let ctx: TestApp;
  let admin: Client;
  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await platformAdmin(ctx.app);
  });
  afterAll(async () => ctx.close());

  /** Registered users have @test.example addresses (helpers/api.ts uniqueEmail). */
  /** A pending university; its name gets a random suffix, so a retried test does not collide with its first attempt. */
  async function applicant(baseName: string, webDomain: string) {
    const user = await registerUser(ctx.app, 'applicant');
    const name = `${baseName} ${randomBytes(3).toString('hex')}`;
    const created = await user.post('/api/organizations', { kind: 'university', name, country: 'PL', evidence: { webDomain, contact: 'Rector’s office, +48 22 000 00 00' } });
    expect(created.statusCode).toBe(201);
    return { ...user, name, organizationId: created.json().id as string };
  }

  it('lets only platform admins read the queue and decide', async () => {
    const uni = await applicant('Warsaw Matrix University', 'test.example');
    const member = await addMember(ctx.app, uni, uni.organizationId, 'member');
    const verifiedAdmin = await userWithOrganization(ctx.app, 'university');
    const clients: Record<Role, Client> = { anonymous: anonymous(ctx.app), 'platform admin': admin, 'applicant admin': uni, 'applicant member': member, 'verified university admin': verifiedAdmin };
    const statuses = async (call: (client: Client) => Promise<{ statusCode: number }>, roles: Role[]) => {
      const result: Partial<Record<Role, number>> = {};
      for (const role of roles) result[role] = (await call(clients[role])).statusCode;
      return result;
    };
    const others: Role[] = ['anonymous', 'applicant admin', 'applicant member', 'verified university admin'];
    expect(await statuses((c) => c.get('/api/admin/organizations'), [...others, 'platform admin'])).toEqual({
      anonymous: 401, 'applicant admin': 403, 'applicant member': 403, 'verified university admin': 403, 'platform admin': 200,
    });
    for (const decision of ['verify', 'reject']) {
      expect(await statuses((c) => c.post(`/api/admin/organizations/${uni.organizationId}/${decision}`, {}), others)).toEqual({
        anonymous: 401, 'applicant admin': 403, 'applicant member': 403, 'verified university admin': 403,
      });
    }
    expect((await uni.get(`/api/organizations/${uni.organizationId}`)).json().verificationStatus).toBe('pending');
  });

  it('shows the evidence and whether the creator’s e-mail domain matches the web domain, oldest first', async () => {
    const matching = await applicant('Gdańsk University of Evidence', 'https://www.test.example/about');
    const other = await applicant('Kraków Institute of Evidence', 'uek.example');
    const items = (await admin.get('/api/admin/organizations?limit=100')).json().items as { organization: { id: string }; emailDomainMatch: boolean | null; evidence: unknown; creator: unknown }[];
    const ids = items.map((item) => item.organization.id);
    expect(ids.indexOf(matching.organizationId)).toBeLessThan(ids.indexOf(other.organizationId));
    expect(items.find((i) => i.organization.id === matching.organizationId)).toMatchObject({
      emailDomainMatch: true,
      evidence: { webDomain: 'https://www.test.example/about', contact: 'Rector’s office, +48 22 000 00 00' },
      creator: { email: matching.email },
    });
    expect(items.find((i) => i.organization.id === other.organizationId)?.emailDomainMatch).toBe(false);
  });

  it('verifies once, tells every member in the app and the admins by mail, and leaves the queue', async () => {
    const uni = await applicant('Poznań University of Outcomes', 'test.example');
    const member = await addMember(ctx.app, uni, uni.organizationId, 'member');
    const verified = await admin.post(`/api/admin/organizations/${uni.organizationId}/verify`); // a bare POST: the note is optional
    expect(verified.statusCode).toBe(200);
    expect(verified.json().organization.verificationStatus).toBe('verified');
    for (const client of [uni, member]) {
      expect((await client.get('/api/notifications')).json().items).toContainEqual(expect.objectContaining({ type: 'organization_verification', title: `${uni.name} is verified` }));
    }
    const [mail] = await ctx.app.services.mailbox.list(1, uni.email);
    expect(mail?.subject).toBe(`${uni.name} is verified`);
    const again = await admin.post(`/api/admin/organizations/${uni.organizationId}/reject`, {});
    expect(again.statusCode).toBe(409);
    const queue = (await admin.get('/api/admin/organizations?limit=100')).json().items.map((i: { organization: { id: string } }) => i.organization.id);
    expect(queue).not.toContain(uni.organizationId);
    const done = (await admin.get('/api/admin/organizations?status=verified&limit=100')).json().items.map((i: { organization: { id: string } }) => i.organization.id);
    expect(done).toContain(uni.organizationId);
  });

  it('rejects with a note the organization reads, frees the name, and refuses SMEs and unknown ids', async () => {
    const impostor = await applicant('Wrocław University of Science', 'gmail.example');
    const rejected = await admin.post(`/api/admin/organizations/${impostor.organizationId}/reject`, { note: 'The contact did not confirm.' });
    expect(rejected.json()).toMatchObject({ organization: { verificationStatus: 'rejected' }, note: 'The contact did not confirm.' });
    const [notification] = (await impostor.get('/api/notifications')).json().items;
    expect(notification).toMatchObject({ title: `${impostor.name} was not verified` });
    expect(notification.body).toContain('The contact did not confirm.');
    const real = await registerUser(ctx.app, 'real');
    const sameName = impostor.name.replace('Wrocław', 'Wroclaw');
    expect((await real.post('/api/organizations', { kind: 'university', name: sameName, country: 'PL' })).statusCode).toBe(201);

    const sme = await userWithOrganization(ctx.app, 'sme');
    expect((await admin.post(`/api/admin/organizations/${sme.organizationId}/verify`, {})).statusCode).toBe(409);
    expect((await admin.post('/api/admin/organizations/0123456789abcdef01234567/verify', {})).statusCode).toBe(404);
    expect((await admin.post('/api/admin/organizations/nope/verify', {})).statusCode).toBe(400);
    expect((await admin.get('/api/admin/organizations?status=bogus')).statusCode).toBe(400);
  });
});
