import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { addMember, anonymous, platformAdmin, uniqueEmail, userWithOrganization, type Client } from '../../helpers/api';

type Role = 'anonymous' | 'platform admin' | 'org admin' | 'org member' | 'other org admin';

describe('organizations: who may change what', () => {
  let ctx: TestApp;
  let organizationId: string;
  const clients = {} as Record<Role, Client>;

  beforeAll(async () => {
    ctx = await startTestApp();
    const owner = await userWithOrganization(ctx.app, 'university');
    organizationId = owner.organizationId;
    clients['anonymous'] = anonymous(ctx.app);
    clients['platform admin'] = await platformAdmin(ctx.app);
    clients['org admin'] = owner;
    clients['org member'] = await addMember(ctx.app, owner, organizationId, 'member');
    clients['other org admin'] = await userWithOrganization(ctx.app, 'sme');
  });
  afterAll(async () => ctx.close());

  // Expected status per role: the table is the specification.
  const matrix: { route: string; call: (client: Client) => Promise<{ statusCode: number }>; expected: Record<Role, number> }[] = [
    {
      route: 'PATCH /api/organizations/:id',
      call: (client) => client.patch(`/api/organizations/${organizationId}`, { region: 'Kaunas' }),
      expected: { anonymous: 401, 'platform admin': 200, 'org admin': 200, 'org member': 403, 'other org admin': 403 },
    },
    {
      route: 'POST /api/organizations/:id/invitations',
      call: (client) => client.post(`/api/organizations/${organizationId}/invitations`, { email: uniqueEmail('matrix'), role: 'member' }),
      expected: { anonymous: 401, 'platform admin': 403, 'org admin': 201, 'org member': 403, 'other org admin': 403 },
    },
    {
      route: 'GET /api/organizations/:id/members',
      call: (client) => client.get(`/api/organizations/${organizationId}/members`),
      expected: { anonymous: 401, 'platform admin': 200, 'org admin': 200, 'org member': 200, 'other org admin': 403 },
    },
    {
      // A new name per call: names are unique per country.
      route: 'POST /api/organizations',
      call: (client) => client.post('/api/organizations', { kind: 'intermediary', name: `Matrix Office ${randomBytes(3).toString('hex')}`, country: 'PT' }),
      expected: { anonymous: 401, 'platform admin': 201, 'org admin': 201, 'org member': 201, 'other org admin': 201 },
    },
  ];

  for (const { route, call, expected } of matrix) {
    it(`${route}: ${JSON.stringify(expected)}`, async () => {
      const actual = {} as Record<Role, number>;
      for (const role of Object.keys(expected) as Role[]) actual[role] = (await call(clients[role])).statusCode;
      expect(actual).toEqual(expected);
    });
  }
});
