import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, createPublishedOutput, outputBody, userWithOrganization, type Client } from '../../helpers/api';

const MARKER = `CONFIDENTIAL-MARKER-${Date.now().toString(36)}`;

describe('confidential details: never leaked, readable after a grant, every read audited', () => {
  let ctx: TestApp;
  let uni: Client & { organizationId: string };
  let uniMember: Client;
  let sme: Client & { organizationId: string };
  let smeMember: Client;
  let otherSme: Client & { organizationId: string };
  let outputId: string;
  let draftId: string;
  /** Every response this test saw outside the /confidential endpoint. */
  const seen: { url: string; response: LightMyRequestResponse }[] = [];

  beforeAll(async () => {
    ctx = await startTestApp();
    uni = await userWithOrganization(ctx.app, 'university');
    uniMember = await addMember(ctx.app, uni, uni.organizationId);
    sme = await userWithOrganization(ctx.app, 'sme');
    smeMember = await addMember(ctx.app, sme, sme.organizationId);
    otherSme = await userWithOrganization(ctx.app, 'sme');
    outputId = await createPublishedOutput(uni, uni.organizationId, { confidentialDetails: `Recipe: ${MARKER}` });
    draftId = (await uni.post('/api/research-outputs', outputBody(uni.organizationId, { confidentialDetails: `Draft ${MARKER}` }))).json().id;
  });
  afterAll(async () => ctx.close());

  async function look(client: Client, url: string, method: 'GET' | 'POST' | 'PATCH' = 'GET', payload?: object) {
    const response = await client.request({ method, url, ...(payload ? { payload } : {}) });
    seen.push({ url: `${method} ${url}`, response });
    return response;
  }

  /** Every list, get, mine and access-request list, as every kind of reader. */
  async function browseEverything() {
    for (const client of [anonymous(ctx.app), uni, uniMember, sme, smeMember, otherSme]) {
      await look(client, '/api/research-outputs');
      await look(client, '/api/research-outputs?limit=100&sector=C');
      await look(client, `/api/research-outputs/${outputId}`);
      await look(client, `/api/research-outputs/${draftId}`);
      await look(client, '/api/research-outputs?mine=true');
      await look(client, '/api/research-outputs?mine=true&status=draft');
      await look(client, '/api/access-requests?direction=incoming');
      await look(client, '/api/access-requests?direction=outgoing');
    }
  }

  const auditEntries = async () => (await uni.get(`/api/research-outputs/${outputId}/audit-log?limit=100`)).json().items;

  it('refuses the details to SMEs without a grant (403), to anonymous callers (401), and hides drafts (404)', async () => {
    await browseEverything();
    for (const client of [sme, smeMember, otherSme]) {
      const response = await look(client, `/api/research-outputs/${outputId}/confidential`);
      expect(response.statusCode).toBe(403);
      expect((await look(client, `/api/research-outputs/${draftId}/confidential`)).statusCode).toBe(404);
    }
    expect((await look(anonymous(ctx.app), `/api/research-outputs/${outputId}/confidential`)).statusCode).toBe(401);
    expect(await auditEntries()).toEqual([]);
  });

  it('lets every member of the granted SME read, audits each read, and still refuses other SMEs', async () => {
    const requested = await look(smeMember, `/api/research-outputs/${outputId}/access-requests`, 'POST', { message: 'We would like to evaluate the recipe.' });
    await look(uni, `/api/access-requests/${requested.json().id}/grant`, 'POST');
    await browseEverything();

    for (const reader of [sme, smeMember, smeMember]) {
      const response = await reader.get(`/api/research-outputs/${outputId}/confidential`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ outputId, confidentialDetails: `Recipe: ${MARKER}`, via: 'grant' });
    }
    expect((await look(otherSme, `/api/research-outputs/${outputId}/confidential`)).statusCode).toBe(403);

    const entries = await auditEntries();
    const reads = entries.filter((e: { action: string }) => e.action === 'read');
    expect(reads).toHaveLength(3);
    expect(reads.map((e: { userId: string }) => e.userId).sort()).toEqual([sme.userId, smeMember.userId, smeMember.userId].sort());
    for (const read of reads) {
      expect(read).toMatchObject({ outputId, organizationId: sme.organizationId, via: 'grant', requestingOrganizationId: sme.organizationId });
      expect(Date.parse(read.at)).toBeGreaterThan(0);
    }
    expect(entries.filter((e: { action: string }) => e.action === 'grant')).toEqual([
      expect.objectContaining({ userId: uni.userId, organizationId: uni.organizationId, accessRequestId: requested.json().id }),
    ]);
  });

  it('lets owner-org members read via "owner", audited too; refusals are audited', async () => {
    const before = (await auditEntries()).length;
    const own = await uniMember.get(`/api/research-outputs/${outputId}/confidential`);
    expect(own.json()).toMatchObject({ confidentialDetails: `Recipe: ${MARKER}`, via: 'owner' });
    expect((await uni.get(`/api/research-outputs/${draftId}/confidential`)).json().via).toBe('owner');
    const asked = await look(otherSme, `/api/research-outputs/${outputId}/access-requests`, 'POST', { message: 'May we see the process details?' });
    await look(uni, `/api/access-requests/${asked.json().id}/refuse`, 'POST', { reason: 'Not at this stage.' });
    expect((await look(otherSme, `/api/research-outputs/${outputId}/confidential`)).statusCode).toBe(403);
    const entries = await auditEntries();
    expect(entries).toHaveLength(before + 2);
    expect(entries[0]).toMatchObject({ action: 'refuse', userId: uni.userId, requestingOrganizationId: otherSme.organizationId });
    expect(entries[1]).toMatchObject({ action: 'read', via: 'owner', userId: uniMember.userId, organizationId: uni.organizationId });
  });

  it('shows the audit log to owner-org members only, in pages', async () => {
    expect((await look(uniMember, `/api/research-outputs/${outputId}/audit-log`)).statusCode).toBe(200);
    for (const client of [sme, smeMember, otherSme]) {
      expect((await look(client, `/api/research-outputs/${outputId}/audit-log`)).statusCode).toBe(403);
    }
    expect((await look(sme, `/api/research-outputs/${draftId}/audit-log`)).statusCode).toBe(404);
    const first = (await uni.get(`/api/research-outputs/${outputId}/audit-log?limit=2`)).json();
    const second = (await uni.get(`/api/research-outputs/${outputId}/audit-log?limit=2&cursor=${first.next}`)).json();
    expect(first.items).toHaveLength(2);
    expect(second.items[0].id).not.toBe(first.items[1].id);
  });

  it('never put the details into any other response body', async () => {
    await browseEverything();
    expect(seen.length).toBeGreaterThan(150);
    const leaks = seen.filter(({ response }) => response.body.includes(MARKER)).map(({ url }) => url);
    expect(leaks).toEqual([]);
    const mails = await ctx.app.services.mailbox.list(200);
    expect(mails.filter((mail) => mail.text.includes(MARKER))).toEqual([]);
  });
});
