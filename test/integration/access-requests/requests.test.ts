import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, createPublishedOutput, fieldsNamed, outputBody, userWithOrganization, type Client } from '../../helpers/api';

const MESSAGE = 'We bake 40 000 loaves a week and want to license this for our line.';

describe('access requests: ask, list, grant, refuse', () => {
  let ctx: TestApp;
  let uni: Client & { organizationId: string };
  let uniMember: Client;
  let sme: Client & { organizationId: string };
  let smeMember: Client;
  beforeAll(async () => {
    ctx = await startTestApp();
    uni = await userWithOrganization(ctx.app, 'university');
    uniMember = await addMember(ctx.app, uni, uni.organizationId);
    sme = await userWithOrganization(ctx.app, 'sme');
    smeMember = await addMember(ctx.app, sme, sme.organizationId);
  });
  afterAll(async () => ctx.close());

  const mailsTo = async (client: Client) => ctx.app.services.mailbox.list(20, client.email);
  const ask = (client: Client, outputId: string, body: object = { message: MESSAGE }) =>
    client.post(`/api/research-outputs/${outputId}/access-requests`, body);

  it('records a pending request with both organizations and mails the owner admins only', async () => {
    const outputId = await createPublishedOutput(uni, uni.organizationId, { title: 'Sourdough starter stabiliser' });
    const response = await ask(smeMember, outputId);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      outputId,
      outputTitle: 'Sourdough starter stabiliser',
      ownerOrganizationId: uni.organizationId,
      ownerOrganizationName: 'Baltic Technical University',
      requestingOrganizationId: sme.organizationId,
      requestingOrganizationName: 'Ostsee Backstube GmbH',
      requestedBy: { id: smeMember.userId, name: 'Test member' },
      message: MESSAGE,
      status: 'pending',
    });
    expect((await mailsTo(uni)).some((m) => m.subject.includes('Sourdough starter stabiliser') && m.text.includes(MESSAGE))).toBe(true);
    expect((await mailsTo(uniMember)).filter((m) => m.subject.includes('asks to read'))).toEqual([]);
  });

  it('allows one open request per SME and output: 409 while pending or granted, a new one after a refusal', async () => {
    const outputId = await createPublishedOutput(uni, uni.organizationId);
    const first = (await ask(smeMember, outputId)).json();
    expect((await ask(sme, outputId)).statusCode).toBe(409);
    const refused = await uni.post(`/api/access-requests/${first.id}/refuse`, { reason: 'We are negotiating an exclusive licence.' });
    expect(refused.json()).toMatchObject({ status: 'refused', reason: 'We are negotiating an exclusive licence.' });
    const second = await ask(sme, outputId);
    expect(second.statusCode).toBe(201);
    expect((await uni.post(`/api/access-requests/${second.json().id}/grant`)).json().status).toBe('granted');
    expect((await ask(smeMember, outputId)).json().error.code).toBe('request_exists');
  });

  it('decides once, and mails the requester the decision', async () => {
    const outputId = await createPublishedOutput(uni, uni.organizationId, { title: 'Rye crumb moisture model' });
    const id = (await ask(smeMember, outputId)).json().id;
    const granted = await uni.post(`/api/access-requests/${id}/grant`);
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', decidedAt: expect.any(String) });
    expect((await uni.post(`/api/access-requests/${id}/grant`)).statusCode).toBe(409);
    expect((await uni.post(`/api/access-requests/${id}/refuse`, {})).statusCode).toBe(409);
    const mails = await mailsTo(smeMember);
    expect(mails.some((m) => m.subject.includes('granted') && m.subject.includes('Rye crumb moisture model'))).toBe(true);
  });

  it('refuses with or without a body, and says why in the mail', async () => {
    const outputId = await createPublishedOutput(uni, uni.organizationId, { title: 'Oven heat recovery' });
    const a = (await ask(smeMember, outputId)).json().id;
    expect((await uni.post(`/api/access-requests/${a}/refuse`)).json().status).toBe('refused');
    const b = (await ask(smeMember, outputId)).json().id;
    expect((await uni.post(`/api/access-requests/${b}/refuse`, { reason: 'Licensed exclusively since May.' })).statusCode).toBe(200);
    expect((await mailsTo(smeMember)).some((m) => m.text.includes('Licensed exclusively since May.'))).toBe(true);
  });

  it('lists incoming requests to owner-org members and outgoing ones to the SME, nothing to others', async () => {
    const outputId = await createPublishedOutput(uni, uni.organizationId, { title: 'Listed output' });
    const id = (await ask(sme, outputId)).json().id;
    const ids = async (client: Client, query: string) => (await client.get(`/api/access-requests?${query}`)).json().items.map((r: { id: string }) => r.id);
    expect(await ids(uni, 'direction=incoming')).toContain(id);
    expect(await ids(uniMember, 'direction=incoming&status=pending')).toContain(id);
    expect(await ids(uni, 'direction=outgoing')).not.toContain(id);
    expect(await ids(smeMember, 'direction=outgoing')).toContain(id);
    expect(await ids(smeMember, 'direction=incoming')).toEqual([]);
    const stranger = await userWithOrganization(ctx.app, 'sme');
    expect(await ids(stranger, 'direction=outgoing')).toEqual([]);
    expect((await uni.get('/api/access-requests')).statusCode).toBe(400);
    expect((await uni.get('/api/access-requests?direction=sideways')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/access-requests?direction=incoming' })).statusCode).toBe(401);
  });

  it('validates the message, the output id and the output state', async () => {
    const outputId = await createPublishedOutput(uni, uni.organizationId);
    const short = await ask(smeMember, outputId, { message: 'pls' });
    expect(short.statusCode).toBe(400);
    expect(fieldsNamed(short)).toEqual(['message']);
    expect((await ask(smeMember, outputId, { message: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await ask(smeMember, outputId, { message: { $gt: '' } })).statusCode).toBe(400);
    expect((await ask(smeMember, outputId, { message: MESSAGE, $where: '1' })).statusCode).toBe(400);
    expect((await ask(smeMember, 'nothex')).statusCode).toBe(400);
    expect((await ask(smeMember, '0123456789abcdef01234567')).statusCode).toBe(404);
    const draftId = (await uni.post('/api/research-outputs', outputBody(uni.organizationId))).json().id;
    expect((await ask(smeMember, draftId)).statusCode).toBe(404);
    await uni.post(`/api/research-outputs/${outputId}/archive`);
    expect((await ask(smeMember, outputId)).statusCode).toBe(404);
    for (const action of ['grant', 'refuse']) {
      expect((await uni.post(`/api/access-requests/nothex/${action}`)).statusCode).toBe(400);
      expect((await uni.post(`/api/access-requests/0123456789abcdef01234567/${action}`)).statusCode).toBe(404);
    }
    expect((await uni.post('/api/access-requests/0123456789abcdef01234567/refuse', { reason: { $ne: 1 } })).statusCode).toBe(400);
  });

  it('asks a member of several SMEs which one is asking', async () => {
    const outputId = await createPublishedOutput(uni, uni.organizationId);
    const secondSme = await smeMember.post('/api/organizations', { kind: 'sme', name: 'Second Bakery', country: 'DK', headcount: 3, annualTurnoverEur: 200_000 });
    const ambiguous = await ask(smeMember, outputId);
    expect(ambiguous.statusCode).toBe(400);
    expect(fieldsNamed(ambiguous)).toEqual(['organizationId']);
    const chosen = await ask(smeMember, outputId, { message: MESSAGE, organizationId: secondSme.json().id });
    expect(chosen.json().requestingOrganizationName).toBe('Second Bakery');
    expect((await ask(smeMember, outputId, { message: MESSAGE, organizationId: uni.organizationId })).statusCode).toBe(403);
  });
});
