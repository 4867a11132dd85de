import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, fieldsNamed, ORGANIZATION_SAMPLES, userWithOrganization } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { eventBody } from '../events/fixtures';

const UNSAFE = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://files.example/x',
  'http:/missing-slash.example',
  'https://',
  ' javascript:alert(1)',
];

describe('URL fields accept only http(s) web addresses', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it.each(UNSAFE)('refuses the organization website %j with 400 on create and edit', async (website) => {
    const admin = await userWithOrganization(ctx.app, 'university');
    const created = await admin.post('/api/organizations', { ...ORGANIZATION_SAMPLES.university, website });
    expect(created.statusCode, created.body).toBe(400);
    expect(fieldsNamed(created)).toContain('website');
    const patched = await admin.patch(`/api/organizations/${admin.organizationId}`, { website });
    expect(patched.statusCode, patched.body).toBe(400);
    expect((await admin.get(`/api/organizations/${admin.organizationId}`)).json().website).toBe('');
  });

  it.each(UNSAFE)('refuses the event online URL %j with 400', async (onlineUrl) => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const created = await organizer.post('/api/events', eventBody(organizer.organizationId, { onlineUrl }));
    expect(created.statusCode, created.body).toBe(400);
    expect(fieldsNamed(created)).toContain('onlineUrl');
  });

  it('accepts http and https addresses, and an empty value to clear one', async () => {
    const admin = await userWithOrganization(ctx.app, 'university');
    for (const website of ['https://www.btu.example/research?lang=en#top', 'HTTP://old-site.example', '']) {
      const patched = await admin.patch(`/api/organizations/${admin.organizationId}`, { website });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().website).toBe(website);
    }
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    expect((await organizer.post('/api/events', eventBody(organizer.organizationId, { onlineUrl: 'https://meet.example/room-1' }))).statusCode).toBe(201);
  });

  it('has no other URL field in a request schema without the http(s) rule', async () => {
    const spec = (await anonymous(ctx.app).get('/api/openapi.json')).json();
    const urlFields: string[] = [];
    const visit = (schema: unknown, path: string): void => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      if (node['type'] === 'string' && !node['enum'] && node['const'] === undefined && (node['format'] === 'uri' || /(url|website|link|href)$/i.test(path))) {
        urlFields.push(`${path} ${node['pattern'] === '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+' ? 'http(s) only' : 'ANY SCHEME'}`);
      }
      for (const [key, child] of Object.entries(node)) visit(child, key === 'properties' || key === 'anyOf' || /^\d+$/.test(key) ? path : `${path}.${key}`.replace(/^\./, ''));
    };
    for (const [route, operations] of Object.entries(spec.paths as Record<string, Record<string, { requestBody?: unknown; parameters?: unknown }>>)) {
      for (const [method, operation] of Object.entries(operations)) visit({ body: operation.requestBody, parameters: operation.parameters }, `${method.toUpperCase()} ${route}`);
    }
    expect(urlFields.length).toBeGreaterThanOrEqual(4);
    expect(urlFields.filter((field) => field.endsWith('ANY SCHEME'))).toEqual([]);
  });
});
