import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { platformAdmin, registerUser, type Client } from '../../helpers/api';

/** One name per country among the organizations subject to verification, whatever the case and accents. */
describe('organization names', () => {
  let ctx: TestApp;
  let user: Client;
  beforeAll(async () => {
    ctx = await startTestApp();
    user = await registerUser(ctx.app, 'namer');
  });
  afterAll(async () => ctx.close());

  // Every name ends in a token of this attempt: a retried test shares the database with its first attempt.
  let token = '';
  beforeEach(() => {
    token = randomBytes(3).toString('hex');
  });
  const create = (name: string, country = 'FR', kind = 'university') => user.post('/api/organizations', { kind, name: `${name} ${token}`, country });

  it('answers 409 for the same name in the same country, ignoring case, accents and punctuation', async () => {
    expect((await create('Université Côte d’Azur')).statusCode).toBe(201);
    for (const copy of ['UNIVERSITE COTE D AZUR', 'université côte-d’azur', '  Universite  Cote d\'Azur ']) {
      const response = await create(copy);
      expect(response.statusCode, copy).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'name_taken', details: { field: 'name' } });
    }
    expect((await create('Universite Cote d Azur', 'MC')).statusCode).toBe(201);
    expect((await create('Université Côte d’Azur', 'FR', 'organizer')).statusCode).toBe(409);
  });

  it('leaves SMEs self-service: two SMEs may share a name', async () => {
    const sme = { kind: 'sme', name: 'Boulangerie Martin', country: 'FR', headcount: 4, annualTurnoverEur: 300_000 };
    expect((await user.post('/api/organizations', sme)).statusCode).toBe(201);
    expect((await user.post('/api/organizations', sme)).statusCode).toBe(201);
  });

  it('answers 409 when a rename takes another organization’s name (FerretDB reports it as code 1)', async () => {
    expect((await create('Institut Pasteur de Lille')).statusCode).toBe(201);
    const other = (await create('Institut de Lille')).json().id;
    const renamed = await user.patch(`/api/organizations/${other}`, { name: `INSTITUT PASTEUR DE LILLE ${token}` });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.code).toBe('name_taken');
    expect((await user.patch(`/api/organizations/${other}`, { name: `Institut Lillois ${token}` })).statusCode).toBe(200);
  });

  it('keeps a verified name: only a platform admin renames a verified organization', async () => {
    const admin = await platformAdmin(ctx.app);
    const id = (await create('Sorbonne Nouvelle')).json().id;
    expect((await admin.post(`/api/admin/organizations/${id}/verify`, {})).statusCode).toBe(200);
    const byOwner = await user.patch(`/api/organizations/${id}`, { name: `Sorbonne Université ${token}` });
    expect(byOwner.statusCode).toBe(403);
    expect(byOwner.json().error.code).toBe('verified_name');
    expect((await user.patch(`/api/organizations/${id}`, { description: 'Arts and languages.' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/organizations/${id}`, { name: `Université Sorbonne Nouvelle ${token}` })).statusCode).toBe(200);
  });
});
