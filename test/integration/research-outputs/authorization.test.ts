import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedOutput, outputBody } from '../../helpers/api';
import { buildCast, ROLES, type Cast, type Role } from './roles';

// Every role against every mutating route of a university's research output.
// Publish targets a draft (invisible to outsiders: 404); edit and archive target a published
// output (visible: 403). "create (own org)" is a create for the role's own organization.
const MATRIX: Record<Role, { create: number; createOwn: number; patch: number; publish: number; archive: number }> = {
  anonymous:                { create: 401, createOwn: 401, patch: 401, publish: 401, archive: 401 },
  'platform admin':         { create: 403, createOwn: 403, patch: 403, publish: 404, archive: 403 },
  'owner-org admin':        { create: 201, createOwn: 201, patch: 200, publish: 200, archive: 200 },
  'owner-org member':       { create: 201, createOwn: 201, patch: 200, publish: 200, archive: 200 },
  'other university admin': { create: 403, createOwn: 201, patch: 403, publish: 404, archive: 403 },
  'SME admin':              { create: 403, createOwn: 403, patch: 403, publish: 404, archive: 403 },
  'SME member':             { create: 403, createOwn: 403, patch: 403, publish: 404, archive: 403 },
  intermediary:             { create: 403, createOwn: 403, patch: 403, publish: 404, archive: 403 },
};

describe('research outputs: authorization matrix', () => {
  let ctx: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await startTestApp();
    cast = await buildCast(ctx.app, 'university');
  });
  afterAll(async () => ctx.close());

  it.each(ROLES)('%s', async (role) => {
    const owner = cast.clients['owner-org admin'];
    const client = cast.clients[role];
    const expected = MATRIX[role];
    const draftId = (await owner.post('/api/research-outputs', outputBody(cast.ownerOrganizationId))).json().id;
    const publishedId = await createPublishedOutput(owner, cast.ownerOrganizationId);
    const ownOrganization = cast.organizationOf[role] ?? cast.ownerOrganizationId;

    const actual = {
      create: (await client.post('/api/research-outputs', outputBody(cast.ownerOrganizationId))).statusCode,
      createOwn: (await client.post('/api/research-outputs', outputBody(ownOrganization))).statusCode,
      patch: (await client.patch(`/api/research-outputs/${publishedId}`, { title: `Edited by ${role}` })).statusCode,
      publish: (await client.post(`/api/research-outputs/${draftId}/publish`)).statusCode,
      archive: (await client.post(`/api/research-outputs/${publishedId}/archive`)).statusCode,
    };
    expect(actual).toEqual(expected);

    // Refusals changed nothing.
    const published = (await owner.get(`/api/research-outputs/${publishedId}`)).json();
    expect(published.title === `Edited by ${role}`).toBe(expected.patch === 200);
    expect(published.status).toBe(expected.archive === 200 ? 'archived' : 'published');
    expect((await owner.get(`/api/research-outputs/${draftId}`)).json().status).toBe(expected.publish === 200 ? 'published' : 'draft');
  });
});
