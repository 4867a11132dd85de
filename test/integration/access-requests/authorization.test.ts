import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { createPublishedOutput } from '../../helpers/api';
import { buildCast, ROLES, type Cast, type Role } from '../research-outputs/roles';

// Every role against every route of the NDA gate, around a university's published output.
// "SME admin" and "SME member" are the requesting SME: the pending requests that grant and
// refuse act on were made by the SME member, so the requester's own attempt is in the table.
// `confidential` and `auditLog` are read right after the grant attempt on the same output, so
// for the SME they show that a failed grant opened nothing.
const MATRIX: Record<Role, { request: number; grant: number; refuse: number; confidential: number; auditLog: number }> = {
  anonymous:                { request: 401, grant: 401, refuse: 401, confidential: 401, auditLog: 401 },
  'platform admin':         { request: 403, grant: 403, refuse: 403, confidential: 403, auditLog: 403 },
  'owner-org admin':        { request: 409, grant: 200, refuse: 200, confidential: 200, auditLog: 200 },
  'owner-org member':       { request: 409, grant: 403, refuse: 403, confidential: 200, auditLog: 200 },
  'other university admin': { request: 403, grant: 403, refuse: 403, confidential: 403, auditLog: 403 },
  'SME admin':              { request: 201, grant: 403, refuse: 403, confidential: 403, auditLog: 403 },
  'SME member':             { request: 201, grant: 403, refuse: 403, confidential: 403, auditLog: 403 },
  intermediary:             { request: 403, grant: 403, refuse: 403, confidential: 403, auditLog: 403 },
};

const MESSAGE = { message: 'We would like to evaluate this for our production line.' };

describe('access requests: authorization matrix', () => {
  let ctx: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await startTestApp();
    cast = await buildCast(ctx.app, 'university');
  });
  afterAll(async () => ctx.close());

  it.each(ROLES)('%s', async (role) => {
    const owner = cast.clients['owner-org admin'];
    const requester = cast.clients['SME member'];
    const client = cast.clients[role];
    const expected = MATRIX[role];
    const [toAsk, toGrant, toRefuse] = await Promise.all([1, 2, 3].map(() => createPublishedOutput(owner, cast.ownerOrganizationId)));
    const pendingGrant = (await requester.post(`/api/research-outputs/${toGrant}/access-requests`, MESSAGE)).json().id;
    const pendingRefuse = (await requester.post(`/api/research-outputs/${toRefuse}/access-requests`, MESSAGE)).json().id;

    const actual = {
      request: (await client.post(`/api/research-outputs/${toAsk}/access-requests`, MESSAGE)).statusCode,
      grant: (await client.post(`/api/access-requests/${pendingGrant}/grant`)).statusCode,
      refuse: (await client.post(`/api/access-requests/${pendingRefuse}/refuse`, { reason: 'No.' })).statusCode,
      confidential: (await client.get(`/api/research-outputs/${toGrant}/confidential`)).statusCode,
      auditLog: (await client.get(`/api/research-outputs/${toGrant}/audit-log`)).statusCode,
    };
    expect(actual).toEqual(expected);

    // Refused decisions left the requests pending.
    const incoming = (await owner.get('/api/access-requests?direction=incoming&limit=100')).json().items as { id: string; status: string }[];
    const statusOf = (id: string) => incoming.find((r) => r.id === id)?.status;
    expect(statusOf(pendingGrant)).toBe(expected.grant === 200 ? 'granted' : 'pending');
    expect(statusOf(pendingRefuse)).toBe(expected.refuse === 200 ? 'refused' : 'pending');
  });
});
