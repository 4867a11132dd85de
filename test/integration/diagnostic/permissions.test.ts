import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, anonymous, platformAdmin, userWithOrganization, type Client } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { draftUrl, saveDraft, SCREENING, submitUrl, takeDiagnostic, WEAK } from './helpers';

const ROLES = ['anonymous', 'platform admin', 'SME admin', 'SME member', 'other SME admin', 'university admin', 'intermediary admin'] as const;
type Role = (typeof ROLES)[number];

// Every role against every diagnostic route of one SME. Reports are an SME's weak spots: outsiders
// get 403 on the organization's routes (the organization itself is public) and 404 on a report id.
const MATRIX: Record<Role, { readDraft: number; save: number; submit: number; history: number; report: number; compare: number }> = {
  anonymous:            { readDraft: 401, save: 401, submit: 401, history: 401, report: 401, compare: 401 },
  'platform admin':     { readDraft: 200, save: 403, submit: 403, history: 200, report: 200, compare: 200 },
  'SME admin':          { readDraft: 200, save: 200, submit: 201, history: 200, report: 200, compare: 200 },
  'SME member':         { readDraft: 200, save: 200, submit: 201, history: 200, report: 200, compare: 200 },
  'other SME admin':    { readDraft: 403, save: 403, submit: 403, history: 403, report: 404, compare: 404 },
  'university admin':   { readDraft: 403, save: 403, submit: 403, history: 403, report: 404, compare: 404 },
  'intermediary admin': { readDraft: 403, save: 403, submit: 403, history: 403, report: 404, compare: 404 },
};

describe('diagnostic: permissions and bad input', () => {
  let ctx: TestApp;
  let sme: Client & { organizationId: string };
  let clients: Record<Role, Client>;
  let reportId: string;

  beforeAll(async () => {
    ctx = await startTestApp();
    sme = await userWithOrganization(ctx.app, 'sme');
    clients = {
      anonymous: anonymous(ctx.app),
      'platform admin': await platformAdmin(ctx.app),
      'SME admin': sme,
      'SME member': await addMember(ctx.app, sme, sme.organizationId),
      'other SME admin': await userWithOrganization(ctx.app, 'sme'),
      'university admin': await userWithOrganization(ctx.app, 'university'),
      'intermediary admin': await userWithOrganization(ctx.app, 'intermediary'),
    };
    reportId = (await takeDiagnostic(sme, sme.organizationId, { ...SCREENING, ...WEAK })).id;
  }, 120_000); // many users and listings to set up on a shared machine
  afterAll(async () => ctx?.close());

  it.each(ROLES)('%s', async (role) => {
    const client = clients[role];
    const organizationId = sme.organizationId;
    // Each role works on a fresh draft made by the SME admin, so the results do not depend on order.
    const current = await sme.get(draftUrl(organizationId));
    const base = current.statusCode === 200 ? current.json().revision : 0;
    const prepared = await saveDraft(sme, organizationId, { ...SCREENING, ...WEAK }, base);
    const revision: number = prepared.json().revision;

    const actual = {
      readDraft: (await client.get(draftUrl(organizationId))).statusCode,
      save: (await saveDraft(client, organizationId, { ...SCREENING, ...WEAK }, revision)).statusCode,
      submit: 0,
      history: (await client.get(`/api/diagnostics/organizations/${organizationId}/reports`)).statusCode,
      report: (await client.get(`/api/diagnostics/reports/${reportId}`)).statusCode,
      compare: (await client.get(`/api/diagnostics/reports/${reportId}/compare`)).statusCode,
    };
    const latest = (await sme.get(draftUrl(organizationId))).json().revision;
    actual.submit = (await client.post(submitUrl(organizationId), { revision: latest })).statusCode;
    expect(actual).toEqual(MATRIX[role]);
  });

  it('only SMEs take the diagnostic; unknown organizations are 404, malformed ids 400', async () => {
    const university = clients['university admin'] as Client & { organizationId: string };
    const refused = await saveDraft(university, university.organizationId, SCREENING, 0);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('The IP diagnostic is for SMEs');
    expect((await saveDraft(sme, '0123456789abcdef01234567', SCREENING, 0)).statusCode).toBe(404);
    expect((await sme.get('/api/diagnostics/organizations/not-an-id/draft')).statusCode).toBe(400);
    expect((await sme.get('/api/diagnostics/reports/0123456789abcdef01234567')).statusCode).toBe(404);
  });

  it('names each bad answer in a 400 and writes nothing', async () => {
    const other = clients['other SME admin'] as Client & { organizationId: string };
    const cases: [Record<string, unknown>, string][] = [
      [{ s_brand: 'sometimes' }, 'answers.s_brand'],
      [{ s_brandz: 'yes' }, 'answers.s_brandz'],
      [{ s_brand: ['yes', 'no'] }, 'answers.s_brand'],
      [{ s_funding: ['grants', 'grants'] }, 'answers.s_funding'],
      [{ 'S-BRAND': 'yes' }, 'answers'],
      [{ s_brand: { nested: true } }, 'answers.s_brand'],
      [{ p_sectors: ['A'] }, 'answers.p_sectors'],
    ];
    for (const [answers, field] of cases) {
      const response = await other.request({ method: 'PUT', url: draftUrl(other.organizationId), payload: { answers, revision: 0 } });
      expect(response.statusCode, JSON.stringify(answers)).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field).join(' '), JSON.stringify(answers)).toContain(field);
    }
    const noRevision = await other.request({ method: 'PUT', url: draftUrl(other.organizationId), payload: { answers: {} } });
    expect(noRevision.statusCode).toBe(400);
    expect((await other.get(draftUrl(other.organizationId))).statusCode).toBe(404);
  });

  it('accepts a one-option list for a one-choice question and a plain value for a several-choice one', async () => {
    const other = clients['other SME admin'] as Client & { organizationId: string };
    const saved = await saveDraft(other, other.organizationId, { s_brand: ['yes'], s_offer: 'software' }, 0);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().answers).toEqual({ s_brand: 'yes', s_offer: ['software'] });
    expect((await saveDraft(other, other.organizationId, {}, 0)).statusCode).toBe(409);
  });

  it('two concurrent submits of one draft make exactly one report', async () => {
    const member = clients['SME member'];
    const before = (await sme.get(`/api/diagnostics/organizations/${sme.organizationId}/reports`)).json().items.length;
    const current = await sme.get(draftUrl(sme.organizationId));
    const revision = (await saveDraft(sme, sme.organizationId, { ...SCREENING, ...WEAK }, current.statusCode === 200 ? current.json().revision : 0)).json().revision;
    const results = await Promise.all([sme.post(submitUrl(sme.organizationId), { revision }), member.post(submitUrl(sme.organizationId), { revision })]);
    // The loser is a 409 when it read the draft before the winner removed it, else a 404 (no draft).
    const [winner, loser] = results.map((r) => r.statusCode).sort();
    expect(winner).toBe(201);
    expect([404, 409]).toContain(loser);
    const after = (await sme.get(`/api/diagnostics/organizations/${sme.organizationId}/reports`)).json().items.length;
    expect(after).toBe(before + 1);
  });
});
