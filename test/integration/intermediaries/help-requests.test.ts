import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, createPublishedNeed, needBody, platformAdmin, userWithOrganization, type Client } from '../../helpers/api';
import { intermediaryWithProfile } from './setup';

type Org = Client & { organizationId: string };

describe('help requests: an SME asks an intermediary for help with a need', () => {
  let ctx: TestApp;
  let sme: Org;
  let smeMember: Client;
  let intermediary: Org;
  let intermediaryMember: Client;
  let otherIntermediary: Org;
  let otherSme: Org;
  let needId: string;

  const ask = (client: Client, body: Record<string, unknown> = {}, to = intermediary.organizationId) =>
    client.post(`/api/intermediaries/${to}/help-requests`, { smeOrganizationId: sme.organizationId, needId, message: 'Could you help us find a lab for this?', ...body });
  const titles = async (client: Client) => ((await client.get('/api/notifications')).json().items as { title: string; type: string }[]).filter((n) => n.type === 'help_request').map((n) => n.title);

  beforeAll(async () => {
    ctx = await startTestApp();
    sme = await userWithOrganization(ctx.app, 'sme');
    smeMember = await addMember(ctx.app, sme, sme.organizationId, 'member');
    intermediary = await intermediaryWithProfile(ctx.app, { name: 'Minho Valley Knowledge Transfer Office', country: 'PT' });
    intermediaryMember = await addMember(ctx.app, intermediary, intermediary.organizationId, 'member');
    otherIntermediary = await intermediaryWithProfile(ctx.app, { name: 'Tyrol Innovation Service', country: 'AT' });
    otherSme = await userWithOrganization(ctx.app, 'sme');
    needId = await createPublishedNeed(sme, sme.organizationId);
  });
  afterAll(async () => ctx.close());

  it('runs open → accepted → answered → closed, and tells the other side at every step', async () => {
    const created = await ask(smeMember, { message: 'We need a shelf-life study partner in Portugal.' });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ status: 'open', smeName: 'Ostsee Backstube GmbH', intermediaryName: 'Minho Valley Knowledge Transfer Office', needTitle: 'Keep rye bread fresh for two more days' });
    expect(await titles(intermediaryMember)).toContain('Ostsee Backstube GmbH asks for help: “Keep rye bread fresh for two more days”');

    const incoming = (await intermediaryMember.get('/api/help-requests?direction=incoming')).json();
    expect(incoming.items.map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect((await sme.get('/api/help-requests?direction=outgoing')).json().items.map((r: { id: string }) => r.id)).toEqual([request.id]);

    const accepted = await intermediaryMember.post(`/api/help-requests/${request.id}/accept`, { note: 'Our food team will look at it.' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptNote: 'Our food team will look at it.' });
    expect(await titles(smeMember)).toContain('Minho Valley Knowledge Transfer Office takes on your request about “Keep rye bread fresh for two more days”');

    const answered = await intermediary.post(`/api/help-requests/${request.id}/answer`, { answer: 'Talk to the cereal lab at UMinho; we set up a call for Tuesday.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answer: 'Talk to the cereal lab at UMinho; we set up a call for Tuesday.' });
    expect(await titles(sme)).toContain('Minho Valley Knowledge Transfer Office answered your request about “Keep rye bread fresh for two more days”');

    // The intermediary cannot close the SME's request; the SME cannot answer it.
    expect((await intermediary.post(`/api/help-requests/${request.id}/close`)).statusCode).toBe(403);
    expect((await sme.post(`/api/help-requests/${request.id}/answer`, { answer: 'We answer ourselves, thanks.' })).statusCode).toBe(403);
    const closed = await smeMember.post(`/api/help-requests/${request.id}/close`);
    expect(closed.json().status).toBe('closed');
    expect(await titles(intermediary)).toContain('Ostsee Backstube GmbH closed its request about “Keep rye bread fresh for two more days”');
    const again = await intermediary.post(`/api/help-requests/${request.id}/answer`, { answer: 'One more idea for you.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_transition');
  });

  it('a decline needs a reason; the SME may then ask again', async () => {
    const request = (await ask(sme)).json();
    const noReason = await intermediary.post(`/api/help-requests/${request.id}/decline`, {});
    expect(noReason.statusCode).toBe(400);
    const declined = await intermediary.post(`/api/help-requests/${request.id}/decline`, { reason: 'Food is outside our scope.' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Food is outside our scope.' });
    expect((await ask(sme)).statusCode).toBe(201);
    // …but not twice while one is still open.
    const duplicate = await ask(smeMember);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('already_requested');
  });

  it('only members of the intermediary see its requests; only the asking SME’s members see theirs', async () => {
    const request = (await ask(sme, {}, otherIntermediary.organizationId)).json();
    const outsiders = [otherSme, intermediary, await platformAdmin(ctx.app)];
    for (const outsider of outsiders) {
      expect((await outsider.get(`/api/help-requests/${request.id}`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/help-requests/${request.id}/accept`, {})).statusCode).toBe(404);
      for (const direction of ['incoming', 'outgoing']) {
        const ids = (await outsider.get(`/api/help-requests?direction=${direction}`)).json().items.map((r: { id: string }) => r.id);
        expect(ids).not.toContain(request.id);
      }
    }
    expect((await anonymous(ctx.app).get('/api/help-requests?direction=incoming')).statusCode).toBe(401);
    expect((await anonymous(ctx.app).get(`/api/help-requests/${request.id}`)).statusCode).toBe(401);
    expect((await otherIntermediary.get(`/api/help-requests/${request.id}`)).json().status).toBe('open');
    expect((await smeMember.get(`/api/help-requests/${request.id}`)).json().status).toBe('open');
    // The SME's notifications never tell the intermediary's business to others.
    expect(await titles(otherSme)).toEqual([]);
  });

  it('only members of the SME ask, for the SME’s own needs, and only intermediaries are asked', async () => {
    const cases: [Client, Record<string, unknown>, string, number][] = [
      [anonymous(ctx.app), {}, intermediary.organizationId, 401],
      [otherSme, {}, intermediary.organizationId, 403], // not a member of the SME it names
      [intermediary, {}, otherIntermediary.organizationId, 403], // an intermediary member is no SME member
      // A published need of another SME is visible, so naming it for your own SME is a 400 (not yours).
      [otherSme, { smeOrganizationId: otherSme.organizationId }, intermediary.organizationId, 400],
      [sme, {}, otherSme.organizationId, 404], // an SME is not an intermediary
      [sme, { message: 'help' }, intermediary.organizationId, 400],
      [sme, { needId: '0123456789abcdef01234567' }, intermediary.organizationId, 404],
    ];
    for (const [client, body, to, status] of cases) {
      const response = await ask(client, body, to);
      expect(response.statusCode, `${JSON.stringify(body)} → ${to}: ${response.body}`).toBe(status);
    }
    // A draft of another SME is a 404 for an outsider.
    const draftId = (await sme.post('/api/needs', needBody(sme.organizationId, { title: 'A draft need of ours' }))).json().id;
    expect((await ask(otherSme, { smeOrganizationId: otherSme.organizationId, needId: draftId })).statusCode).toBe(404);
    // The SME may share its own draft: the intermediary reads the title and problem in the request, not the draft itself.
    const shared = (await ask(sme, { needId: draftId }, otherIntermediary.organizationId)).json();
    expect(shared.needTitle).toBe('A draft need of ours');
    expect((await otherIntermediary.get(`/api/needs/${draftId}`)).statusCode).toBe(404);
  });

  it('rejects an archived need and unknown actions politely', async () => {
    const archivedId = await createPublishedNeed(sme, sme.organizationId, { title: 'An archived need of ours' });
    await sme.post(`/api/needs/${archivedId}/archive`);
    const response = await ask(sme, { needId: archivedId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/archived/);
    expect((await sme.get('/api/help-requests?direction=sideways')).statusCode).toBe(400);
    expect((await sme.get('/api/help-requests/not-an-id')).statusCode).toBe(400);
  });
});
