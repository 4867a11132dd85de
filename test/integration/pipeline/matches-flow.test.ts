import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedNeed, createPublishedOutput, userWithOrganization, type Client } from '../../helpers/api';
import { testConfig } from '../../helpers/config';
import { stopProcess, waitFor, type ChildOutput } from '../../helpers/processes';
import { startWorkerProcess } from '../../helpers/worker';

const SECRET = 'CONFIDENTIAL-MARKER-pipeline-91c2';

const dairyOutput = {
  title: 'Ultrasonic removal of milk stone from plate heat exchangers',
  summary: 'Power ultrasound detaches milk stone and protein fouling from pasteuriser plate heat exchangers during production, so dairies clean less often with caustic and save water.',
  confidentialDetails: SECRET,
  fields: ['manufacturing_robotics'],
  sectors: ['C'],
  trl: 6,
  ipStatus: 'patent_granted',
  patentNumber: 'EP 3 999 111 B1',
  collaborationTypes: ['licensing'],
  governmentFunded: true,
  fundingProgramme: 'Horizon Europe',
};

const dyeingOutput = {
  ...dairyOutput,
  title: 'Ozone treatment of textile dyeing wastewater',
  summary: 'Catalytic ozonation removes colour from reactive dye effluent of textile dyeing houses so the water can be reused in the next dyeing batch.',
  patentNumber: 'EP 3 999 222 B1',
};

const dairyNeed = {
  title: 'Milk stone keeps fouling our pasteuriser',
  problem: 'Our plate heat exchanger in the pasteuriser fouls with milk stone every day. We stop production to clean with caustic and use a lot of water.',
  desiredOutcome: 'Clean the heat exchanger less often and use less water and caustic.',
  sectors: ['C'],
  minTrl: 5,
  collaborationTypes: ['licensing'],
};

describe('match pipeline: publish, update, archive with a real worker', () => {
  let ctx: TestApp;
  let worker: ChildOutput;
  let university: Client & { organizationId: string };
  let sme: Client & { organizationId: string };
  let otherSme: Client & { organizationId: string };

  beforeAll(async () => {
    ctx = await startTestApp(testConfig({ NOTIFY_MIN_SCORE: '0' }));
    worker = await startWorkerProcess(ctx.config);
    university = await userWithOrganization(ctx.app, 'university');
    sme = await userWithOrganization(ctx.app, 'sme');
    otherSme = await userWithOrganization(ctx.app, 'sme');
  });
  afterAll(async () => {
    await stopProcess(worker);
    await ctx.close();
  });

  const needMatches = (client: Client, needId: string, query = '') => client.get(`/api/needs/${needId}/matches${query}`);

  it('computes explained matches after publishing, follows edits, and forgets archived outputs', async () => {
    const dairyId = await createPublishedOutput(university, university.organizationId, dairyOutput);
    const dyeingId = await createPublishedOutput(university, university.organizationId, dyeingOutput);
    const needId = await createPublishedNeed(sme, sme.organizationId, dairyNeed);

    const first = await waitFor(async () => {
      const body = (await needMatches(sme, needId)).json();
      return Array.isArray(body) && body.length > 0 && body;
    }, 20_000, 'matches for the new need');
    expect(first[0].output.id).toBe(dairyId);
    expect(first[0].score).toBeGreaterThan(0);
    const words = first[0].explanation.sharedTerms.map((term: { word: string }) => term.word).join(' ');
    expect(words).toMatch(/milk|stone|heat|exchanger|pasteuriser/);
    expect(first[0].explanation.signals.map((signal: { name: string }) => signal.name)).toContain('trl');
    expect(JSON.stringify(first)).not.toContain(SECRET);
    expect(Date.parse((await needMatches(sme, needId)).headers['matches-computed-at'] as string)).toBeGreaterThan(0);

    // The university sees the same pair from its output's side, with the need's public view.
    const fromOutput = (await university.get(`/api/research-outputs/${dairyId}/matches`)).json();
    expect(fromOutput.map((match: { need: { id: string } }) => match.need.id)).toContain(needId);
    // Each side reads sentences written for it, and the same band for the same score.
    type Explained = { explanation: { reader: string; band: string; score: number; signals: { sentence: string }[] } };
    const needSide = first[0] as Explained;
    const outputSide = fromOutput.find((match: { need: { id: string } }) => match.need.id === needId) as Explained;
    expect([needSide.explanation.reader, outputSide.explanation.reader]).toEqual(['need', 'output']);
    expect(outputSide.explanation.band).toBe(needSide.explanation.band);
    expect(outputSide.explanation.signals.map((signal) => signal.sentence).join(' ')).not.toMatch(/\byou asked\b|your minimum|Aimed at your sector/);
    expect(needSide.explanation.signals.map((signal) => signal.sentence).join(' ')).not.toMatch(/The firm/);

    // Editing the need changes its matches.
    await sme.patch(`/api/needs/${needId}`, {
      title: 'Colour in our dyeing wastewater',
      problem: 'Our textile dyeing house discharges coloured wastewater from reactive dyes and pays high effluent fees.',
      desiredOutcome: 'Remove the colour and reuse the water in the next dyeing batch.',
    });
    await waitFor(async () => {
      const body = (await needMatches(sme, needId)).json();
      return body[0]?.output.id === dyeingId;
    }, 20_000, 'matches to follow the edit');

    // Archiving the output removes its matches everywhere.
    await university.post(`/api/research-outputs/${dyeingId}/archive`);
    await waitFor(async () => {
      const ids = (await needMatches(sme, needId)).json().map((match: { output: { id: string } }) => match.output.id);
      return !ids.includes(dyeingId);
    }, 20_000, 'the archived output to leave the matches');
    // The page hides unpublished counterparts at once; the stored list goes when the job has run.
    await waitFor(
      async () => (await ctx.app.services.matchStore.listOf('output', dyeingId)) === null,
      20_000,
      "the archived output's match list to be deleted",
    );
  });

  it('shows matches only to the owning organization and records feedback per user', async () => {
    await createPublishedOutput(university, university.organizationId, { ...dairyOutput, patentNumber: 'EP 3 999 333 B1' });
    const needId = await createPublishedNeed(sme, sme.organizationId, dairyNeed);
    const matches = await waitFor(async () => {
      const body = (await needMatches(sme, needId)).json();
      return body.length > 0 && body;
    }, 20_000, 'matches');

    expect((await needMatches(otherSme, needId)).statusCode).toBe(403);
    expect((await needMatches(university, needId)).statusCode).toBe(403);

    const matchId = matches[0].id;
    expect((await otherSme.post(`/api/matches/${matchId}/feedback`, { status: 'saved' })).statusCode).toBe(404);
    expect((await sme.post(`/api/matches/${matchId}/feedback`, { status: 'dismissed' })).json()).toEqual({ id: matchId, status: 'dismissed' });
    const visible = (await needMatches(sme, needId)).json().map((match: { id: string }) => match.id);
    expect(visible).not.toContain(matchId);
    const dismissed = (await needMatches(sme, needId, '?status=dismissed')).json();
    expect(dismissed.map((match: { id: string }) => match.id)).toEqual([matchId]);
    await sme.post(`/api/matches/${matchId}/feedback`, { status: 'saved' });
    expect((await needMatches(sme, needId, '?status=saved')).json()[0].status).toBe('saved');
  });

  it('notifies the owners of a new match, with unread counts', async () => {
    const listed = await waitFor(async () => {
      const body = (await sme.get('/api/notifications')).json();
      return body.unreadCount > 0 && body;
    }, 20_000, 'a new-match notification');
    expect(listed.items[0]).toMatchObject({ type: 'new_match', read: false });
    expect(listed.items[0].link).toMatch(/^\/needs\/[0-9a-f]{24}\/matches$/);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    await sme.post('/api/notifications/read', {});
    expect((await sme.get('/api/notifications')).json().unreadCount).toBe(0);
  });
});
