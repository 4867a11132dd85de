import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createPublishedNeed, createPublishedOutput, userWithOrganization } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { participant, publishedEvent, register, seedMatch } from './fixtures';

const REASON = 'Your silver ink process could fix our printed sensor yield.';

describe('meeting requests: the state machine, notifications and expiry', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  async function notificationTypes(client: { get(url: string): Promise<{ json(): { items: { type: string; title: string }[] } }> }) {
    return (await client.get('/api/notifications')).json().items.map((n) => n.type);
  }

  it('walks pending → accepted → cancelled with the match score, self-sufficient views and notifications on both sides', async () => {
    const { event } = await publishedEvent(ctx.app);
    const smeUser = await userWithOrganization(ctx.app, 'sme');
    const uniUser = await userWithOrganization(ctx.app, 'university');
    const needId = await createPublishedNeed(smeUser, smeUser.organizationId);
    const outputId = await createPublishedOutput(uniUser, uniUser.organizationId);
    await seedMatch(ctx.app, { needId, outputId, needOrganizationId: smeUser.organizationId, outputOrganizationId: uniUser.organizationId, score: 72 });
    const sme = await register(smeUser, event.id, { needIds: [needId] });
    const uni = await register(uniUser, event.id, { outputIds: [outputId] });
    // A colleague of the university who is not at the table hears nothing of this meeting.
    const colleague = await addMember(ctx.app, uniUser, uniUser.organizationId);

    const requested = await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: REASON });
    expect(requested.statusCode).toBe(201);
    const meeting = requested.json();
    expect(meeting).toMatchObject({ status: 'pending', score: 72, role: 'requester', reason: REASON, placement: null });
    expect(meeting.recipient).toMatchObject({ organizationName: 'Baltic Technical University', organizationKind: 'university' });
    expect(Date.parse(meeting.expiresAt) - Date.now()).toBeGreaterThan(47 * 3600_000);
    expect(await notificationTypes(uni)).toContain('meeting_request');
    // The requester is not told of their own request.
    expect(await notificationTypes(sme)).toEqual([]);

    const incoming = await uni.get(`/api/events/${event.id}/meetings?box=incoming`);
    expect(incoming.json().items.map((m: { id: string; role: string }) => [m.id, m.role])).toEqual([[meeting.id, 'recipient']]);
    expect((await uni.get(`/api/events/${event.id}/meetings?box=outgoing`)).json().items).toEqual([]);

    expect((await sme.post(`/api/events/${event.id}/meetings/${meeting.id}/accept`)).statusCode).toBe(403);
    const accepted = await uni.post(`/api/events/${event.id}/meetings/${meeting.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', expiresAt: null, version: 1 });
    expect(accepted.json().respondedAt).not.toBeNull();
    expect((await uni.post(`/api/events/${event.id}/meetings/${meeting.id}/accept`)).statusCode).toBe(409);
    expect((await uni.post(`/api/events/${event.id}/meetings/${meeting.id}/decline`)).statusCode).toBe(409);
    expect(await notificationTypes(sme)).toContain('meeting_update');
    expect(await notificationTypes(uni)).toEqual(['meeting_request']);

    const cancelled = await uni.post(`/api/events/${event.id}/meetings/${meeting.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await sme.post(`/api/events/${event.id}/meetings/${meeting.id}/cancel`)).statusCode).toBe(409);
    const titles = (await sme.get('/api/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(titles.some((t: string) => /^Meeting cancelled: Test sme-admin \(Ostsee Backstube GmbH\) with Test university-admin/.test(t))).toBe(true);
    expect(await notificationTypes(colleague)).toEqual([]);
  });

  it('declines, and lets a new request follow a closed one', async () => {
    const { event } = await publishedEvent(ctx.app);
    const sme = await participant(ctx.app, event.id, 'sme');
    const uni = await participant(ctx.app, event.id, 'university');
    const first = (await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: REASON })).json();
    // A second request between the same two people while one is open, either way round, is a conflict.
    expect((await uni.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(409);
    expect((await uni.post(`/api/events/${event.id}/meetings/${first.id}/decline`)).json().status).toBe('declined');
    expect((await uni.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(201);
  });

  it('holds the request cap when requests arrive at the same moment', async () => {
    const { event } = await publishedEvent(ctx.app, { requestCapPerParticipant: 2 });
    const sme = await participant(ctx.app, event.id, 'sme');
    const others = await Promise.all([participant(ctx.app, event.id, 'university'), participant(ctx.app, event.id, 'university'), participant(ctx.app, event.id, 'government')]);
    const responses = await Promise.all(others.map((other) => sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: other.registrationId, reason: REASON })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 409]);
    expect((await sme.get(`/api/events/${event.id}/meetings?box=outgoing`)).json().items).toHaveLength(2);
  });

  it('accepts at once in an auto-accept event', async () => {
    const { event } = await publishedEvent(ctx.app, { acceptMode: 'auto-accept' });
    const sme = await participant(ctx.app, event.id, 'sme');
    const uni = await participant(ctx.app, event.id, 'university');
    const meeting = (await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: REASON })).json();
    expect(meeting).toMatchObject({ status: 'accepted', expiresAt: null });
    expect(await notificationTypes(uni)).toEqual(['meeting_update']);
    expect(await notificationTypes(sme)).toEqual([]);
  });

  it('expires unanswered requests on read, frees the request cap, and the sweep stores the expiry and notifies', async () => {
    const { event } = await publishedEvent(ctx.app, { requestCapPerParticipant: 1 });
    const sme = await participant(ctx.app, event.id, 'sme');
    const uni = await participant(ctx.app, event.id, 'university');
    const lab = await participant(ctx.app, event.id, 'government');
    const meeting = (await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: REASON })).json();
    const capped = await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: lab.registrationId, reason: REASON });
    expect(capped.statusCode).toBe(409);
    expect(capped.json().error).toMatchObject({ code: 'request_cap_reached' });

    // The request's expiry passes (as if 48 hours went by).
    await ctx.app.services.eventModels.meetings.updateOne({ _id: meeting.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await uni.get(`/api/events/${event.id}/meetings/${meeting.id}`)).json().status).toBe('expired');
    expect((await uni.get(`/api/events/${event.id}/meetings?status=expired`)).json().items).toHaveLength(1);
    const late = await uni.post(`/api/events/${event.id}/meetings/${meeting.id}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/expired/);
    expect(await notificationTypes(sme)).toContain('meeting_update');

    // The expired request no longer counts against the cap.
    const next = (await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: lab.registrationId, reason: REASON })).json();
    expect(next.status).toBe('pending');
    await ctx.app.services.eventModels.meetings.updateOne({ _id: next.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await ctx.app.services.events.meetings.expireDue()).toBe(1);
    expect(await ctx.app.services.events.meetings.expireDue()).toBe(0);
    const stored = await ctx.app.services.eventModels.meetings.findById(next.id).lean();
    expect(stored?.status).toBe('expired');
    const labTitles = (await lab.get('/api/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(labTitles.some((t: string) => t.startsWith('Meeting request expired'))).toBe(true);
  });
});
