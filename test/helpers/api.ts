import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** A signed-in API client for app.inject: remembers the session cookie. */
export interface Client {
  cookie: string;
  userId: string;
  email: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(4).toString('hex')}@test.example`;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'mb_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `mb_session=${cookie.value}`;
}

export function clientFor(app: FastifyInstance, cookie: string, userId = '', email = ''): Client {
  const request = (options: InjectOptions) => app.inject({ ...options, headers: { ...options.headers, cookie } });
  return {
    cookie,
    userId,
    email,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
  };
}

export async function registerUser(app: FastifyInstance, label = 'user'): Promise<Client> {
  const email = uniqueEmail(label);
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password: TEST_PASSWORD, name: `Test ${label}` },
  });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return clientFor(app, sessionCookie(response), response.json().id, email);
}

export const ORGANIZATION_SAMPLES = {
  university: { kind: 'university', name: 'Baltic Technical University', country: 'LT', region: 'Vilnius', sectors: ['M', 'C'] },
  sme: { kind: 'sme', name: 'Ostsee Backstube GmbH', country: 'DE', region: 'Rostock', sectors: ['C'], headcount: 9, annualTurnoverEur: 1_500_000 },
  intermediary: { kind: 'intermediary', name: 'Minho Technology Transfer Office', country: 'PT', sectors: ['M'] },
  government: { kind: 'government', name: 'National Materials Research Lab', country: 'FR', sectors: ['M'] },
  organizer: { kind: 'organizer', name: 'Baltic Brokerage Events', country: 'EE', sectors: [] },
} as const;

export type OrganizationSampleKind = keyof typeof ORGANIZATION_SAMPLES;

/** Registers a user who creates (and so administers) an organization of the given kind. */
export async function userWithOrganization(app: FastifyInstance, kind: OrganizationSampleKind): Promise<Client & { organizationId: string }> {
  const client = await registerUser(app, `${kind}-admin`);
  const response = await client.post('/api/organizations', ORGANIZATION_SAMPLES[kind]);
  if (response.statusCode !== 201) throw new Error(`create organization failed: ${response.statusCode} ${response.body}`);
  return { ...client, organizationId: response.json().id };
}
