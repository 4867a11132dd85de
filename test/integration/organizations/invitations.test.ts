import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { registerUser, uniqueEmail, userWithOrganization } from '../../helpers/api';

describe('organization invitations', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  async function tokenMailedTo(email: string): Promise<string> {
    const mail = (await ctx.app.services.mailbox.list(20, email)).find((m) => m.subject.includes('invites you'));
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error(`no invitation mail for ${email}`);
    return token;
  }

  it('an admin invites by e-mail; the invitee joins with the mailed token, once', async () => {
    const admin = await userWithOrganization(ctx.app, 'university');
    const email = uniqueEmail('invitee');
    const invited = await admin.post(`/api/organizations/${admin.organizationId}/invitations`, { email, role: 'member' });
    expect(invited.statusCode).toBe(201);

    const invitee = await registerUser(ctx.app, 'invitee', email);
    const token = await tokenMailedTo(email);
    expect((await invitee.post('/api/invitations/accept', { token })).statusCode).toBe(200);
    expect((await invitee.get('/api/auth/me')).json().user.memberships).toEqual([{ organizationId: admin.organizationId, role: 'member' }]);
    expect((await invitee.post('/api/invitations/accept', { token })).statusCode).toBe(400);

    const members = (await admin.get(`/api/organizations/${admin.organizationId}/members`)).json();
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role]).sort()).toEqual([[admin.email, 'admin'], [email, 'member']].sort());
  });

  it('only the addressee can accept, and only admins can invite', async () => {
    const admin = await userWithOrganization(ctx.app, 'sme');
    const email = uniqueEmail('addressee');
    await admin.post(`/api/organizations/${admin.organizationId}/invitations`, { email, role: 'admin' });
    const someoneElse = await registerUser(ctx.app, 'else');
    expect((await someoneElse.post('/api/invitations/accept', { token: await tokenMailedTo(email) })).statusCode).toBe(403);
    expect((await someoneElse.post(`/api/organizations/${admin.organizationId}/invitations`, { email: uniqueEmail(), role: 'member' })).statusCode).toBe(403);
    expect((await someoneElse.get(`/api/organizations/${admin.organizationId}/members`)).statusCode).toBe(403);
  });
});
