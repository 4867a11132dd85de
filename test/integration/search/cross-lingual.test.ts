import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedOutput, userWithOrganization } from '../../helpers/api';
import { waitFor } from '../../helpers/processes';

describe('free-text search across languages', () => {
  let ctx: TestApp;

  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const search = (q: string, lang = '') =>
    ctx.app.inject({ method: 'GET', url: `/api/search/research-outputs?q=${encodeURIComponent(q)}${lang ? `&lang=${lang}` : ''}` });

  it('finds an English output for a German query and a Spanish output for an English one', async () => {
    const university = await userWithOrganization(ctx.app, 'university');
    const bread = await createPublishedOutput(university, university.organizationId, {
      title: 'Sourdough cultures that keep rye bread fresh for longer',
      summary: 'Selected lactic acid bacteria in the sourdough slow down mould on rye bread, so packaged bread stays fresh for a week longer.',
    });
    const dye = await createPublishedOutput(university, university.organizationId, {
      title: 'Tratamiento con ozono de las aguas residuales del teñido textil',
      summary: 'La ozonización catalítica elimina el color de los efluentes de las tintorerías, de modo que el agua se puede reutilizar en el siguiente lote de teñido.',
    });
    const german = await waitFor(async () => {
      const body = (await search('Roggenbrot schimmelt nach drei Tagen')).json();
      return body.length > 0 && body;
    }, 10_000, 'the output to be indexed');
    expect(german[0].item.id).toBe(bread);
    expect(german[0].item.language).toBe('en');

    const english = (await search('dyeing wastewater colour removal', 'en')).json();
    expect(english[0].item.id).toBe(dye);
    expect(english[0].item.language).toBe('es');
  });

  it('refuses an unknown query language with a 400', async () => {
    const response = await search('bread', 'xx');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBeTypeOf('string');
  });
});
