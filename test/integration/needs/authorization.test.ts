import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedNeed, needBody } from '../../helpers/api';
import { buildCast, ROLES, type Cast, type Role } from '../research-outputs/roles';

// Every role against every mutating route of an SME's need. The owner is an SME here, so
// "SME admin" and "SME member" belong to ANOTHER SME. Publish targets a draft (outsiders: 404);
// edit and archive a published need (outsiders: 403). "createOwn" creates for the role's own org.
const MATRIX: Record<Role, { create: number; createOwn: number; patch: number; publish: number; archive: number }> = {
  anonymous:                { create: 401, createOwn: 401, patch: 401, publish: 401, archive: 401 },
  'platform admin':         { create: 403, createOwn: 403, patch: 403, publish: 404, archive: 403 },
  'owner-org admin':        { create: 201, createOwn: 201, patch: 200, publish: 200, archive: 200 },
  'owner-org member':       { create: 201, createOwn: 201, patch: 200, publish: 200, archive: 200 },
  'other university admin': { create: 403, createOwn: 403, patch: 403, publish: 404, archive: 403 },
  'SME admin':              { create: 403, createOwn: 201, patch: 403, publish: 404, archive: 403 },
  'SME member':             { create: 403, createOwn: 201, patch: 403, publish: 404, archive: 403 },
  intermediary:             { create: 403, createOwn: 403, patch: 403, publish: 404, archive: 403 },
};

describe('needs: authorization matrix', () => {
  let ctx: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await startTestApp();
    cast = await buildCast(ctx.app, 'sme');
  });
  afterAll(async () => ctx.close());

  it.each(ROLES)('%s', async (role) => {
    const owner = cast.clients['owner-org admin'];
    const client = cast.clients[role];
    const expected = MATRIX[role];
    const draftId = (await owner.post('/api/needs', needBody(cast.ownerOrganizationId))).json().id;
    const publishedId = await createPublishedNeed(owner, cast.ownerOrganizationId);
    const ownOrganization = cast.organizationOf[role] ?? cast.ownerOrganizationId;

    const actual = {
      create: (await client.post('/api/needs', needBody(cast.ownerOrganizationId))).statusCode,
      createOwn: (await client.post('/api/needs', needBody(ownOrganization))).statusCode,
      patch: (await client.patch(`/api/needs/${publishedId}`, { title: `Edited by ${role}` })).statusCode,
      publish: (await client.post(`/api/needs/${draftId}/publish`)).statusCode,
      archive: (await client.post(`/api/needs/${publishedId}/archive`)).statusCode,
    };
    expect(actual).toEqual(expected);

    const published = (await owner.get(`/api/needs/${publishedId}`)).json();
    expect(published.title === `Edited by ${role}`).toBe(expected.patch === 200);
    expect(published.status).toBe(expected.archive === 200 ? 'archived' : 'published');
    expect((await owner.get(`/api/needs/${draftId}`)).json().status).toBe(expected.publish === 200 ? 'published' : 'draft');
  });
});
