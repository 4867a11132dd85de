import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, anonymous, createPublishedOutput, outputBody, userWithOrganization, type Client } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { publishedEvent } from '../events/fixtures';
import { intermediaryWithProfile } from '../intermediaries/setup';
import { draftUrl, IMPROVED, saveDraft, SCREENING, submitUrl, takeDiagnostic, WEAK } from './helpers';

describe('diagnostic: take it, get a report linked into the platform, take it again and compare', () => {
  let ctx: TestApp;
  let sme: Client & { organizationId: string };
  let colleague: Client;
  let licensable: string;
  let eventId: string;
  const excluded: string[] = [];

  beforeAll(async () => {
    ctx = await startTestApp();
    sme = await userWithOrganization(ctx.app, 'sme'); // DE, Rostock, sector C
    colleague = await addMember(ctx.app, sme, sme.organizationId);
    const university = await userWithOrganization(ctx.app, 'university');
    licensable = await createPublishedOutput(university, university.organizationId, { sectors: ['C'], collaborationTypes: ['licensing'] });
    // Not linked: another sector, no licensing offered, and a draft.
    excluded.push(await createPublishedOutput(university, university.organizationId, { sectors: ['Q'], collaborationTypes: ['licensing'] }));
    excluded.push(await createPublishedOutput(university, university.organizationId, { sectors: ['C'], collaborationTypes: ['contract_research'] }));
    excluded.push((await university.post('/api/research-outputs', outputBody(university.organizationId, { sectors: ['C'] }))).json().id);
    await intermediaryWithProfile(ctx.app, { name: 'Hamburg Patent Desk', country: 'DE', region: 'Hamburg' }, { regions: ['Hamburg'], institutionType: 'ip_office' });
    await intermediaryWithProfile(ctx.app, { name: 'Rostock Innovation Agency', country: 'DE', region: 'Mecklenburg-Vorpommern' }, { regions: ['Rostock'], institutionType: 'innovation_agency' });
    eventId = (await publishedEvent(ctx.app, { title: 'IP clinic for food manufacturers' })).event.id;
    await intermediaryWithProfile(ctx.app, { name: 'Lisbon TTO', country: 'PT', region: 'Lisboa' }, { regions: ['Lisboa'] });
  }, 120_000); // many users, listings and an event to set up on a shared machine
  afterAll(async () => ctx?.close());

  it('serves the versioned questionnaire to anyone; an unknown version is a 404', async () => {
    const current = await anonymous(ctx.app).get('/api/diagnostics/questionnaire');
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ version: 'v1' });
    expect(current.json().screening).toHaveLength(11);
    expect(current.json().sections.map((s: { id: string }) => s.id)).toContain('trade_secrets');
    expect(current.body).not.toContain('appliesWhen');
    expect((await anonymous(ctx.app).get('/api/diagnostics/questionnaire/v1')).json().version).toBe('v1');
    expect((await anonymous(ctx.app).get('/api/diagnostics/questionnaire/v9')).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get('/api/diagnostics/questionnaire/latest')).statusCode).toBe(400);
  });

  it('saves a resumable draft that tells which sections apply and what is missing', async () => {
    expect((await sme.get(draftUrl(sme.organizationId))).statusCode).toBe(404);
    const first = await saveDraft(sme, sme.organizationId, SCREENING, 0);
    expect(first.statusCode).toBe(200);
    const draft = first.json();
    expect(draft.revision).toBe(1);
    expect(draft.sections.map((s: { id: string }) => s.id)).toEqual(['trademarks', 'patents', 'copyright_software', 'trade_secrets', 'collaborations', 'financing', 'third_party']);
    expect(draft.missing[0]).toBe('tm_registered');
    expect(draft.answered).toBe(11);
    expect(draft.total).toBe(11 + draft.missing.length);

    // A colleague resumes where the first user stopped.
    const resumed = await colleague.get(draftUrl(sme.organizationId));
    expect(resumed.json()).toMatchObject({ revision: 1, answers: SCREENING });

    // Submitting an incomplete diagnostic names every open question.
    const incomplete = await sme.post(submitUrl(sme.organizationId), { revision: 1 });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('incomplete');
    expect(incomplete.json().error.details).toContainEqual({ field: 'answers.tm_registered', message: 'needs an answer' });

    // The colleague saves the rest; the first user's stale revision is refused, not lost.
    expect((await saveDraft(colleague, sme.organizationId, { ...SCREENING, ...WEAK }, 1)).json().missing).toEqual([]);
    const stale = await saveDraft(sme, sme.organizationId, SCREENING, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_revision', details: { revision: 2 } });
  });

  it('submits into a report with assets, risks and prioritised recommendations citing the answers', async () => {
    const submitted = await sme.post(submitUrl(sme.organizationId), { revision: 2 });
    expect(submitted.statusCode).toBe(201);
    const view = submitted.json();
    expect(view).toMatchObject({ organizationId: sme.organizationId, organizationName: 'Ostsee Backstube GmbH', questionnaireVersion: 'v1', previousReportId: null });
    expect((await sme.get(draftUrl(sme.organizationId))).statusCode).toBe(404);

    const { assets, risks, recommendations } = view.report;
    expect(assets.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['asset_brand_goodwill', 'asset_software', 'asset_trade_secrets', 'asset_inventions']));
    expect(risks.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['tm_risk_unregistered', 'tm_risk_export', 'cs_risk_contractor', 'ts_risk_leak']));
    expect(recommendations[0].priority).toBe('high');
    for (const recommendation of recommendations) {
      expect(recommendation.evidence.length).toBeGreaterThan(0);
      expect(recommendation.nextStep.length).toBeGreaterThan(20);
    }
    const scores = recommendations.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const register = recommendations.find((r: { id: string }) => r.id === 'tm_register');
    expect(register.evidence).toEqual([{ questionId: 'tm_registered', question: 'Is your main brand (name or logo) registered as a trademark?', answer: ['no'], answerLabels: ['No'] }]);

    // Sector-specific advice reads the organization's profile (sector C) and cites it.
    const origin = recommendations.find((r: { id: string }) => r.id === 'tm_origin_marks');
    expect(origin.evidence).toContainEqual(expect.objectContaining({ questionId: 'p_sectors', answerLabels: ['C Manufacturing'] }));

    // Linked into the platform: the licensable output in its sector (public fields only) and intermediaries in its country.
    expect(view.links.researchOutputs.map((o: { id: string }) => o.id)).toEqual([licensable]);
    expect(recommendations.find((r: { id: string }) => r.id === 'co_license_in').links).toContain('research_outputs');
    expect(submitted.body).not.toContain('lab notebook');
    for (const id of excluded) expect(submitted.body).not.toContain(id);
    expect(view.links.intermediaries.map((i: { name: string }) => i.name)).toEqual(['Rostock Innovation Agency', 'Hamburg Patent Desk']);
    expect(view.links.intermediaries[0].servesYourRegion).toBe(true);
    expect(view.links.eventsAvailable).toBe(true);
    expect(view.links.events).toEqual([expect.objectContaining({ id: eventId, title: 'IP clinic for food manufacturers', organizerName: 'Baltic Brokerage Events' })]);
  });

  it('keeps the history, and compares a second report with the first', async () => {
    const second = await takeDiagnostic(colleague, sme.organizationId, { ...SCREENING, ...IMPROVED });
    const history = (await sme.get(`/api/diagnostics/organizations/${sme.organizationId}/reports`)).json().items;
    expect(history).toHaveLength(2);
    expect(history[0].id).toBe(second.id);
    expect(history[0].riskCount).toBeLessThan(history[1].riskCount);
    expect(second.previousReportId).toBe(history[1].id);

    const compared = (await sme.get(`/api/diagnostics/reports/${second.id}/compare`)).json();
    expect(compared.previous.id).toBe(history[1].id);
    const ids = (list: { id: string }[]) => list.map((item) => item.id);
    expect(ids(compared.changes.newAssets)).toContain('asset_trademark_registered');
    expect(ids(compared.changes.resolvedRisks)).toEqual(expect.arrayContaining(['tm_risk_unregistered', 'tm_risk_conflict', 'tm_risk_owner', 'cs_risk_contractor', 'ts_risk_leak']));
    expect(ids(compared.changes.doneRecommendations)).toEqual(expect.arrayContaining(['tm_register', 'ts_nda', 'cs_assignment']));
    expect(ids(compared.changes.openRecommendations)).toContain('tm_international');
    // Now that the brand is registered, a manufacturer is pointed to customs protection.
    expect(ids(compared.changes.newRecommendations)).toContain('tm_customs');

    const first = (await sme.get(`/api/diagnostics/reports/${history[1].id}/compare`)).json();
    expect(first).toMatchObject({ previous: null, changes: null });
  });

  it('documents every diagnostic route in the OpenAPI document with a summary and its error responses', async () => {
    const paths = (await anonymous(ctx.app).get('/api/openapi.json')).json().paths as Record<string, Record<string, { summary?: string; tags?: string[]; responses: Record<string, unknown> }>>;
    const routes = Object.entries(paths).filter(([path]) => path.startsWith('/api/diagnostics'));
    expect(routes.map(([path]) => path).sort()).toEqual([
      '/api/diagnostics/organizations/{organizationId}/draft',
      '/api/diagnostics/organizations/{organizationId}/reports',
      '/api/diagnostics/organizations/{organizationId}/submit',
      '/api/diagnostics/questionnaire',
      '/api/diagnostics/questionnaire/{version}',
      '/api/diagnostics/reports/{id}',
      '/api/diagnostics/reports/{id}/compare',
    ]);
    for (const [path, operations] of routes) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method} ${path}`).toBeTruthy();
        expect(operation.tags, `${method} ${path}`).toEqual(['diagnostic']);
        if (path.includes('{')) expect(Object.keys(operation.responses), `${method} ${path}`).toContain('400');
      }
    }
  });
});
