// A need written in German (and one in Spanish) is published; the worker lists English outputs
// for it, with explanations that bridge the languages (the need's word as written ≈ the output's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedNeed, createPublishedOutput, userWithOrganization, type Client } from '../../helpers/api';
import { testConfig } from '../../helpers/config';
import { stopProcess, waitFor, type ChildOutput } from '../../helpers/processes';
import { startWorkerProcess } from '../../helpers/worker';

const base = {
  fields: ['agrifood'],
  sectors: ['C'],
  trl: 6,
  ipStatus: 'patent_granted',
  patentNumber: 'EP 3 999 333 B1',
  collaborationTypes: ['licensing'],
  governmentFunded: true,
};

const outputs = {
  bread: { ...base, title: 'Sourdough cultures that keep rye bread fresh for longer', summary: 'Selected lactic acid bacteria in the sourdough slow down mould on rye and wheat bread, so packaged bread stays fresh for a week longer without preservatives on the label.' },
  dye: { ...base, title: 'Ozone treatment of textile dyeing wastewater', summary: 'Catalytic ozonation removes the colour from the effluent of textile dye houses, so the water can be reused for the next dyeing batch instead of being discharged.' },
  battery: { ...base, title: 'Battery health monitoring for electric forklifts', summary: 'Impedance measurements during charging estimate the state of health of lead-acid and lithium batteries, so fleet managers replace cells before they fail.' },
};

const germanNeed = {
  title: 'Unser Roggenbrot schimmelt zu schnell',
  problem: 'Unser verpacktes Roggenbrot schimmelt im Sommer schon nach drei Tagen. Die Kunden beschweren sich, aber wir wollen keine Konservierungsstoffe auf dem Etikett.',
  desiredOutcome: 'Das Brot soll eine Woche länger frisch bleiben, mit natürlichen Zutaten.',
  sectors: ['C'],
  minTrl: 5,
  collaborationTypes: ['licensing'],
};

const spanishNeed = {
  title: 'Aguas residuales coloreadas de nuestra tintorería',
  problem: 'Nuestra tintorería textil vierte cada día agua muy coloreada del teñido. La depuradora municipal nos cobra cada vez más y queremos reutilizar el agua.',
  desiredOutcome: 'Quitar el color de las aguas residuales para reutilizarlas en el siguiente lote de teñido.',
  sectors: ['C'],
  minTrl: 5,
  collaborationTypes: ['licensing'],
};

interface ListedMatch {
  output: { id: string };
  explanation: { sharedTerms: Array<{ word: string; via?: string; kind: string }> };
}

describe('cross-lingual matching through the worker', () => {
  let ctx: TestApp;
  let worker: ChildOutput;
  let university: Client & { organizationId: string };
  let sme: Client & { organizationId: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await startTestApp(testConfig({ NOTIFY_MIN_SCORE: '0' }));
    worker = await startWorkerProcess(ctx.config);
    university = await userWithOrganization(ctx.app, 'university');
    sme = await userWithOrganization(ctx.app, 'sme');
    for (const [key, output] of Object.entries(outputs)) ids[key] = await createPublishedOutput(university, university.organizationId, output);
  });
  afterAll(async () => {
    await stopProcess(worker);
    await ctx.close();
  });

  const matchesOf = (needId: string) =>
    waitFor(async () => {
      const body = (await sme.get(`/api/needs/${needId}/matches`)).json() as ListedMatch[];
      return Array.isArray(body) && body.length > 0 && body;
    }, 20_000, 'matches for the need');

  /** A bridge shows a word of the need as written (the output's English word beside it). */
  const expectBridge = (match: ListedMatch, needText: string) => {
    const words = new Set(needText.split(/[^\p{L}]+/u));
    expect(match.explanation.sharedTerms.some((t) => t.kind === 'translation' && t.via !== undefined && words.has(t.via))).toBe(true);
  };

  it.each([
    ['German', 'de', germanNeed, 'bread'],
    ['Spanish', 'es', spanishNeed, 'dye'],
  ] as const)('lists the English output for a %s need, bridged, and stores the detected language', async (_name, language, need, expected) => {
    const needId = await createPublishedNeed(sme, sme.organizationId, need);
    expect((await sme.get(`/api/needs/${needId}`)).json().language).toBe(language);
    const matches = await matchesOf(needId);
    expect(matches[0]!.output.id).toBe(ids[expected]);
    expectBridge(matches[0]!, Object.values(need).join(' '));
  });

  it('lets the owner correct the language, and refuses an unknown one with a 400', async () => {
    const needId = await createPublishedNeed(sme, sme.organizationId, { ...germanNeed, title: 'Roggenbrot schimmelt im Sommer' });
    const corrected = await sme.patch(`/api/needs/${needId}`, { language: 'it' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().language).toBe('it');
    const refused = await sme.patch(`/api/needs/${needId}`, { language: 'xx' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBeTypeOf('string');
  });
});
