import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occursIn } from '../../../matching';
import { buildApp } from '../../../server/app';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedOutput, userWithOrganization } from '../../helpers/api';
import { waitFor } from '../../helpers/processes';

const SECRET = 'CONFIDENTIAL-MARKER-search-7f3a';

describe('free-text search across API instances', () => {
  let first: TestApp;
  let second: FastifyInstance;

  beforeAll(async () => {
    first = await startTestApp();
    // Same database and Redis prefix: a second API process of the same deployment.
    second = await buildApp(first.config, { logger: false });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const search = (app: FastifyInstance, q: string) =>
    app.inject({ method: 'GET', url: `/api/search/research-outputs?q=${encodeURIComponent(q)}` });

  it('finds on the second instance an output published through the first', async () => {
    const university = await userWithOrganization(first.app, 'university');
    const id = await createPublishedOutput(university, university.organizationId, {
      title: 'Ultrasonic descaling of dairy heat exchangers',
      summary: 'Power ultrasound removes milk stone from plate heat exchangers without caustic cleaning, saving water and downtime.',
      confidentialDetails: SECRET,
    });
    const hits = await waitFor(async () => {
      const body = (await search(second, 'milk stone heat exchanger cleaning')).json();
      return body.length > 0 && body;
    }, 10_000, 'the second instance to index the output');
    expect(hits[0].item.id).toBe(id);
    expect(hits[0].similarity).toBeGreaterThan(0);
    expect(hits[0].matchedWords.length).toBeGreaterThan(0);
    // Matched words are the listing's own, as written.
    for (const word of hits[0].matchedWords) expect(occursIn(`${hits[0].item.title}\n${hits[0].item.summary}`, word), word).toBe(true);
    expect(JSON.stringify(hits)).not.toContain(SECRET);
  });

  it('never finds confidential words, and forgets archived outputs everywhere', async () => {
    const university = await userWithOrganization(first.app, 'university');
    const id = await createPublishedOutput(university, university.organizationId, {
      title: 'Enzymatic recycling of polyester textile waste',
      summary: 'Engineered enzymes depolymerise polyester fibres from used garments into monomers for new yarn.',
      confidentialDetails: 'zanzibarite catalyst loading 3 percent',
    });
    expect((await search(first.app, 'zanzibarite')).json()).toEqual([]);
    await waitFor(async () => (await search(second, 'polyester enzymes')).json().length > 0, 10_000, 'indexing');

    await university.post(`/api/research-outputs/${id}/archive`);
    await waitFor(async () => {
      const ids = (await search(second, 'polyester enzymes')).json().map((hit: { item: { id: string } }) => hit.item.id);
      return !ids.includes(id);
    }, 10_000, 'the archived output to leave the second index');
    expect((await search(first.app, 'polyester enzymes')).json()).toEqual([]);
  });

  it('explains a too-short query', async () => {
    const response = await search(second, 'a');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('q');
  });
});
