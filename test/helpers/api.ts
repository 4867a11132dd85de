import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { organizationModel } from '../../server/modules/organizations/model';
import { nameKeyOf } from '../../server/modules/organizations/verification';

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

/** Signs up through the API as a person would: register, open the mailed link, confirm. */
export async function registerUser(app: FastifyInstance, label = 'user', email = uniqueEmail(label)): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    // Each test user signs up from its own address: files that build many users (authorization
    // matrices) would otherwise trip the sign-up rate limit of 10 a minute per address.
    remoteAddress: randomTestAddress(),
    payload: { email, password: TEST_PASSWORD, name: `Test ${label}` },
  });
  if (response.statusCode !== 202) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/auth/register/confirm',
    remoteAddress: randomTestAddress(),
    payload: { token: await confirmationTokenFor(app, email) },
  });
  if (confirmed.statusCode !== 201) throw new Error(`confirm registration failed: ${confirmed.statusCode} ${confirmed.body}`);
  return clientFor(app, sessionCookie(confirmed), confirmed.json().id, email);
}

/** The token of the latest sign-up confirmation mailed to an address. */
export async function confirmationTokenFor(app: FastifyInstance, email: string): Promise<string> {
  const mail = (await app.services.mailbox.list(20, email)).find((m) => m.subject === 'Confirm your Matchbridge account');
  const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation mail for ${email}`);
  return token;
}

/** An address in 10.0.0.0/8, random per call. */
function randomTestAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

export const ORGANIZATION_SAMPLES = {
  university: { kind: 'university', name: 'Baltic Technical University', country: 'LT', region: 'Vilnius', sectors: ['M', 'C'] },
  sme: { kind: 'sme', name: 'Ostsee Backstube GmbH', country: 'DE', region: 'Rostock', sectors: ['C'], headcount: 9, annualTurnoverEur: 1_500_000 },
  intermediary: { kind: 'intermediary', name: 'Minho Technology Transfer Office', country: 'PT', sectors: ['M'] },
  government: { kind: 'government', name: 'National Materials Research Lab', country: 'FR', sectors: ['M'] },
  organizer: { kind: 'organizer', name: 'Baltic Brokerage Events', country: 'EE', sectors: [] },
} as const;

export type OrganizationSampleKind = keyof typeof ORGANIZATION_SAMPLES;

/**
 * Registers a user who creates (and so administers) an organization of the given kind, verified
 * (like the demo seed's) when its kind is subject to verification, so it can publish at once.
 */
export async function userWithOrganization(app: FastifyInstance, kind: OrganizationSampleKind): Promise<Client & { organizationId: string }> {
  const client = await registerUser(app, `${kind}-admin`);
  const sample = ORGANIZATION_SAMPLES[kind];
  const { name, claim } = await sampleName(app, sample);
  const response = await client.post('/api/organizations', { ...sample, name });
  if (response.statusCode !== 201) throw new Error(`create organization failed: ${response.statusCode} ${response.body}`);
  const organizationId: string = response.json().id;
  claim?.(organizationId);
  await verifyOrganization(app, organizationId);
  return { ...client, organizationId };
}

/**
 * Marks an organization verified, quietly: test fixtures are not applicants (the decision routes,
 * with their notifications, are tested in test/integration/organizations/verification.test.ts).
 */
export async function verifyOrganization(app: FastifyInstance, organizationId: string): Promise<void> {
  await organizationModel(app.mongo).updateOne({ _id: organizationId, verificationStatus: 'pending' }, { $set: { verificationStatus: 'verified' } });
}

interface SampleHolder {
  /** Empty while its creation is still under way. */
  organizationId: string;
  /** The test that made it; undefined for a beforeAll. */
  test: string | undefined;
}

/** Which organization holds each sample name in an app's database. */
const holders = new WeakMap<FastifyInstance, Map<string, SampleHolder>>();

/**
 * Names are unique per country, but a test file makes many organizations from one sample. Each
 * test's first organization of a kind gets the sample name (tests assert it): an organization an
 * earlier test made gives the name up; one from this test or a beforeAll keeps it, and the newcomer
 * gets a suffix. The name is reserved before the first await, so helpers run in Promise.all agree.
 */
async function sampleName(app: FastifyInstance, sample: { kind: string; country: string; name: string }): Promise<{ name: string; claim?: (organizationId: string) => void }> {
  const key = nameKeyOf(sample.kind, sample.country, sample.name);
  if (!key) return { name: sample.name };
  const byKey = holders.get(app) ?? new Map<string, SampleHolder>();
  holders.set(app, byKey);
  const holder = byKey.get(key);
  const test = expect.getState().currentTestName;
  if (holder && (holder.test === undefined || holder.test === test)) return { name: `${sample.name} ${randomBytes(3).toString('hex')}` };
  const reservation: SampleHolder = { organizationId: '', test };
  byKey.set(key, reservation);
  if (holder?.organizationId) {
    const renamed = `${sample.name} (${holder.organizationId.slice(-6)})`;
    await organizationModel(app.mongo).updateOne({ _id: holder.organizationId }, { $set: { name: renamed, nameKey: nameKeyOf(sample.kind, sample.country, renamed) } });
  }
  return { name: sample.name, claim: (organizationId) => (reservation.organizationId = organizationId) };
}

/** Adds a new user to an organization with the given role, through a real invitation. */
export async function addMember(app: FastifyInstance, admin: Client, organizationId: string, role: 'admin' | 'member' = 'member', label = 'member'): Promise<Client> {
  const member = await registerUser(app, label);
  const invited = await admin.post(`/api/organizations/${organizationId}/invitations`, { email: member.email, role });
  if (invited.statusCode !== 201) throw new Error(`invitation failed: ${invited.statusCode} ${invited.body}`);
  const [mail] = await app.services.mailbox.list(1, member.email);
  const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation mail for ${member.email}`);
  const accepted = await member.post('/api/invitations/accept', { token });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.statusCode} ${accepted.body}`);
  return member;
}

/** A valid research output body; `overrides` replace fields. */
export function outputBody(organizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId,
    title: 'Low-temperature sintering of silver nanoparticle inks',
    summary: 'A sintering process for printed silver conductors on paper and PET that reaches bulk-like conductivity at 90 °C.',
    confidentialDetails: 'Ink recipe and curing profile: see lab notebook 17.',
    fields: ['materials', 'electronics'],
    sectors: ['C'],
    trl: 4,
    ipStatus: 'patent_pending',
    patentNumber: 'EP 4 123 456 A1',
    collaborationTypes: ['licensing', 'joint_development'],
    governmentFunded: true,
    fundingProgramme: 'Horizon Europe',
    ...overrides,
  };
}

/** Creates and publishes a research output as `owner` (a member of a university or government organization). */
export async function createPublishedOutput(owner: Client, organizationId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await owner.post('/api/research-outputs', outputBody(organizationId, overrides));
  if (created.statusCode !== 201) throw new Error(`create output failed: ${created.statusCode} ${created.body}`);
  const id: string = created.json().id;
  const published = await owner.post(`/api/research-outputs/${id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish output failed: ${published.statusCode} ${published.body}`);
  return id;
}

/** A valid need body; `overrides` replace fields. */
export function needBody(organizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId,
    title: 'Keep rye bread fresh for two more days',
    problem: 'Our rye loaves dry out after three days on supermarket shelves and returns cost us 6 % of turnover.',
    desiredOutcome: 'A clean-label way to keep the crumb moist for five days.',
    sectors: ['C', 'G'],
    minTrl: 5,
    collaborationTypes: ['contract_research'],
    budgetBand: '25k_100k',
    timeline: '3_to_12_months',
    ...overrides,
  };
}

/** Creates and publishes a need as `owner` (a member of an SME). */
export async function createPublishedNeed(owner: Client, organizationId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await owner.post('/api/needs', needBody(organizationId, overrides));
  if (created.statusCode !== 201) throw new Error(`create need failed: ${created.statusCode} ${created.body}`);
  const id: string = created.json().id;
  const published = await owner.post(`/api/needs/${id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish need failed: ${published.statusCode} ${published.body}`);
  return id;
}

/** The fields a 400 response names, whatever the shape of its details. */
export function fieldsNamed(response: LightMyRequestResponse): string[] {
  const details: unknown = response.json().error?.details;
  const list = Array.isArray(details) ? details : details ? [details] : [];
  return list.map((d: { field?: string }) => d.field ?? '').filter(Boolean);
}

/** A signed-in platform administrator (there is no API to become one: created through the service). */
export async function platformAdmin(app: FastifyInstance): Promise<Client> {
  const email = uniqueEmail('platform-admin');
  await app.services.accounts.createUser({ email, password: TEST_PASSWORD, name: 'Platform Admin', platformAdmin: true });
  const { user, token } = await app.services.accounts.login(email, TEST_PASSWORD);
  return clientFor(app, `mb_session=${token}`, user.id, email);
}

/** A client without a session. */
export function anonymous(app: FastifyInstance): Client {
  return clientFor(app, '');
}
