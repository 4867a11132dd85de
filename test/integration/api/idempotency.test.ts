import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import {
  createPublishedNeed,
  createPublishedOutput,
  needBody,
  ORGANIZATION_SAMPLES,
  outputBody,
  registerUser,
  uniqueEmail,
  userWithOrganization,
  type Client,
} from '../../helpers/api';
import { eventBody, participant, publishedEvent, sessionBody } from '../events/fixtures';
import { intermediaryWithProfile } from '../intermediaries/setup';
import { saveDraft, SCREENING, submitUrl, WEAK } from '../diagnostic/helpers';

/** One create route: who posts what where, and how many documents of its kind exist. */
interface CreateCase {
  client: Client;
  url: string;
  body: Record<string, unknown>;
  /** The same request with one field changed (still valid, so it reaches the key check). */
  changed: Record<string, unknown>;
  count(): Promise<number>;
}

describe('Idempotency-Key on every create route', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  const countOf = (model: string) => () => ctx.app.mongo.model(model).countDocuments();
  const newKey = () => `test-${randomBytes(8).toString('hex')}`;
  const post = (client: Client, url: string, body: unknown, key: string) =>
    client.request({ method: 'POST', url, payload: body as object, headers: { 'idempotency-key': key } });

  // Keyed by each create route as the OpenAPI document names it.
  const cases: Record<string, () => Promise<CreateCase>> = {
    '/api/organizations': async () => ({ client: await registerUser(ctx.app, 'org-creator'), url: '/api/organizations', body: { ...ORGANIZATION_SAMPLES.sme }, changed: { name: 'Another Bakery GmbH' }, count: countOf('Organization') }),
    '/api/research-outputs': async () => {
      const uni = await userWithOrganization(ctx.app, 'university');
      return { client: uni, url: '/api/research-outputs', body: outputBody(uni.organizationId), changed: { title: 'Another title' }, count: countOf('ResearchOutput') };
    },
    '/api/needs': async () => {
      const sme = await userWithOrganization(ctx.app, 'sme');
      return { client: sme, url: '/api/needs', body: needBody(sme.organizationId), changed: { title: 'Another title' }, count: countOf('Need') };
    },
    '/api/research-outputs/{id}/access-requests': async () => {
      const uni = await userWithOrganization(ctx.app, 'university');
      const outputId = await createPublishedOutput(uni, uni.organizationId);
      const sme = await userWithOrganization(ctx.app, 'sme');
      return { client: sme, url: `/api/research-outputs/${outputId}/access-requests`, body: { message: 'We would like to read the ink recipe under NDA.' }, changed: { message: 'Another message' }, count: countOf('AccessRequest') };
    },
    '/api/organizations/{id}/invitations': async () => {
      const admin = await userWithOrganization(ctx.app, 'sme');
      return { client: admin, url: `/api/organizations/${admin.organizationId}/invitations`, body: { email: uniqueEmail('invitee'), role: 'member' }, changed: { role: 'admin' }, count: countOf('Invitation') };
    },
    '/api/events': async () => {
      const organizer = await userWithOrganization(ctx.app, 'organizer');
      return { client: organizer, url: '/api/events', body: eventBody(organizer.organizationId), changed: { title: 'Another title' }, count: countOf('Event') };
    },
    '/api/events/{id}/sessions': async () => {
      const organizer = await userWithOrganization(ctx.app, 'organizer');
      const eventId: string = (await organizer.post('/api/events', eventBody(organizer.organizationId))).json().id;
      const sessions = async () => (await ctx.app.mongo.model('Event').findById(eventId).lean<{ sessions: unknown[] }>())?.sessions.length ?? 0;
      return { client: organizer, url: `/api/events/${eventId}/sessions`, body: sessionBody(), changed: { title: 'Afternoon meetings' }, count: sessions };
    },
    '/api/events/{id}/registrations': async () => {
      const { event } = await publishedEvent(ctx.app);
      const sme = await userWithOrganization(ctx.app, 'sme');
      return { client: sme, url: `/api/events/${event.id}/registrations`, body: { organizationId: sme.organizationId }, changed: { lookingFor: 'Partners for shelf-life studies' }, count: countOf('EventRegistration') };
    },
    '/api/events/{id}/meetings': async () => {
      const { event } = await publishedEvent(ctx.app);
      const sme = await participant(ctx.app, event.id, 'sme');
      const uni = await participant(ctx.app, event.id, 'university');
      return { client: sme, url: `/api/events/${event.id}/meetings`, body: { recipientRegistrationId: uni.registrationId, reason: 'Your silver ink process could fix our printed sensor yield.' }, changed: { reason: 'Another reason to meet, long enough.' }, count: countOf('Meeting') };
    },
    '/api/chat/events/{eventId}/rooms': async () => {
      const { organizer, event } = await publishedEvent(ctx.app);
      // The event's lobby is made on first use; only topic rooms are what this route creates.
      const topicRooms = () => ctx.app.mongo.model('ChatRoom').countDocuments({ kind: 'topic' });
      return { client: organizer, url: `/api/chat/events/${event.id}/rooms`, body: { title: 'Session B: food tech' }, changed: { title: 'Session C: materials' }, count: topicRooms };
    },
    '/api/diagnostics/organizations/{organizationId}/submit': async () => {
      const sme = await userWithOrganization(ctx.app, 'sme');
      const saved = await saveDraft(sme, sme.organizationId, { ...SCREENING, ...WEAK }, 0);
      const revision: number = saved.json().revision;
      return { client: sme, url: submitUrl(sme.organizationId), body: { revision }, changed: { revision: revision + 1 }, count: countOf('DiagnosticReport') };
    },
    '/api/intermediaries/{id}/help-requests': async () => {
      const intermediary = await intermediaryWithProfile(ctx.app, { name: 'Minho Valley Knowledge Transfer Office', country: 'PT' });
      const sme = await userWithOrganization(ctx.app, 'sme');
      const needId = await createPublishedNeed(sme, sme.organizationId);
      return { client: sme, url: `/api/intermediaries/${intermediary.organizationId}/help-requests`, body: { smeOrganizationId: sme.organizationId, needId, message: 'Could you help us find a lab for this?' }, changed: { message: 'Another message to the office' }, count: countOf('HelpRequest') };
    },
  };

  it.each(Object.keys(cases))('POST %s: a repeat with the same key answers the first result and creates nothing', async (name) => {
    const { client, url, body, changed: change, count } = await cases[name]!();
    const key = newKey();
    const before = await count();
    const first = await post(client, url, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const repeat = await post(client, url, body, key);
    expect(repeat.statusCode, repeat.body).toBe(201);
    expect(repeat.json()).toEqual(first.json());
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);

    const changed = await post(client, url, { ...body, ...change }, key);
    expect(changed.statusCode, changed.body).toBe(422);
    expect(changed.json().error.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(before + 1);
  });

  it('exercises every create route of the API, so a new one cannot be missed', async () => {
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { post?: { responses: Record<string, unknown> } }> };
    const createRoutes = Object.entries(spec.paths).filter(([, item]) => item.post?.responses['201']).map(([path]) => path);
    const tested = Object.keys(cases);
    // Same rule (every signed-in POST answering 201), not exercised here: registration confirm is
    // anonymous by nature; a chat report needs a message sent over a live socket.
    const notExercised = ['/api/auth/register/confirm', '/api/chat/rooms/{roomId}/messages/{seq}/report'];
    expect(createRoutes.filter((route) => !notExercised.includes(route)).sort()).toEqual(tested.sort());
  });

  it('two requests racing with one key make one document: the second waits for the first (409) or gets its answer', async () => {
    const sme = await userWithOrganization(ctx.app, 'sme');
    const key = newKey();
    const before = await ctx.app.mongo.model('Need').countDocuments({ organizationId: sme.organizationId });
    const answers = await Promise.all([1, 2, 3].map(() => post(sme, '/api/needs', needBody(sme.organizationId), key)));
    expect(answers.map((answer) => answer.statusCode)).toContain(201);
    for (const answer of answers) expect([201, 409]).toContain(answer.statusCode);
    expect(new Set(answers.filter((answer) => answer.statusCode === 201).map((answer) => answer.json().id)).size).toBe(1);
    expect(await ctx.app.mongo.model('Need').countDocuments({ organizationId: sme.organizationId })).toBe(before + 1);
  });

  it('scopes keys to the user: another user with the same key creates their own document', async () => {
    const [first, second] = [await userWithOrganization(ctx.app, 'sme'), await userWithOrganization(ctx.app, 'sme')];
    const key = newKey();
    const a = await post(first, '/api/needs', needBody(first.organizationId), key);
    const b = await post(second, '/api/needs', needBody(second.organizationId), key);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
  });

  it('refuses a malformed key with 400 and leaves requests without a key alone', async () => {
    const sme = await userWithOrganization(ctx.app, 'sme');
    const bad = await post(sme, '/api/needs', needBody(sme.organizationId), 'short');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_idempotency_key');
    const ids = [(await sme.post('/api/needs', needBody(sme.organizationId))).json().id, (await sme.post('/api/needs', needBody(sme.organizationId))).json().id];
    expect(new Set(ids).size).toBe(2);
  });
});
