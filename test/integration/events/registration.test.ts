import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedNeed, createPublishedOutput, needBody, userWithOrganization } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { eventBody, participant, publishedEvent, sessionBody } from './fixtures';

const HOUR = 3600_000;

describe('registration: window, participation profile, withdrawal', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('registers with needs, interests and unavailable slots; the profile view carries names and titles', async () => {
    const { event } = await publishedEvent(ctx.app);
    const sme = await userWithOrganization(ctx.app, 'sme');
    const needId = await createPublishedNeed(sme, sme.organizationId);
    const slot = event.sessions[0]!.slots[1]!.id;
    const response = await sme.post(`/api/events/${event.id}/registrations`, {
      organizationId: sme.organizationId,
      needIds: [needId],
      lookingFor: 'A food science lab for shelf-life trials',
      interests: ['C', 'M'],
      unavailableSlotIds: [slot],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      organizationName: 'Ostsee Backstube GmbH',
      organizationKind: 'sme',
      groupKey: 'smes',
      groupLabel: 'SMEs',
      needs: [{ id: needId, title: 'Keep rye bread fresh for two more days' }],
      unavailableSlotIds: [slot],
    });
    expect((await sme.post(`/api/events/${event.id}/registrations`, { organizationId: sme.organizationId })).statusCode).toBe(409);
    const edited = await sme.patch(`/api/events/${event.id}/registrations/me`, { unavailableSlotIds: [] });
    expect(edited.json()).toMatchObject({ unavailableSlotIds: [], needs: [{ id: needId }] });
    expect((await sme.get(`/api/events/${event.id}`)).json().viewer.registrationId).toBe(response.json().id);
  });

  it("refuses another organization's listings, drafts, unknown slots and organizations the user is not in", async () => {
    const { event } = await publishedEvent(ctx.app);
    const sme = await userWithOrganization(ctx.app, 'sme');
    const uni = await userWithOrganization(ctx.app, 'university');
    const theirOutput = await createPublishedOutput(uni, uni.organizationId);
    const draftNeed = (await sme.post('/api/needs', needBody(sme.organizationId))).json().id;
    const register = (profile: Record<string, unknown>) => sme.post(`/api/events/${event.id}/registrations`, { organizationId: sme.organizationId, ...profile });
    expect((await register({ outputIds: [theirOutput] })).json().error.message).toMatch(/not a published research output of your organization/);
    expect((await register({ needIds: [draftNeed] })).statusCode).toBe(400);
    const badSlot = await register({ unavailableSlotIds: [`${event.sessions[0]!.id}:99`] });
    expect(badSlot.json().error).toMatchObject({ code: 'validation_failed', details: { field: 'unavailableSlotIds' } });
    expect((await sme.post(`/api/events/${event.id}/registrations`, { organizationId: uni.organizationId })).statusCode).toBe(403);
  });

  it('opens registration only within the window of a published event', async () => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const sme = await userWithOrganization(ctx.app, 'sme');
    const later = await publishedEvent(ctx.app, { registrationOpensAt: new Date(Date.now() + HOUR).toISOString() }, organizer);
    const early = await sme.post(`/api/events/${later.event.id}/registrations`, { organizationId: sme.organizationId });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'registration_closed', message: expect.stringMatching(/^Registration opens on/) });
    const past = await publishedEvent(
      ctx.app,
      { registrationOpensAt: new Date(Date.now() - 48 * HOUR).toISOString(), registrationClosesAt: new Date(Date.now() - HOUR).toISOString() },
      organizer,
    );
    expect((await sme.post(`/api/events/${past.event.id}/registrations`, { organizationId: sme.organizationId })).json().error.message).toMatch(/^Registration closed on/);
    const draft = (await organizer.post('/api/events', eventBody(organizer.organizationId))).json();
    await organizer.post(`/api/events/${draft.id}/sessions`, sessionBody());
    expect((await sme.post(`/api/events/${draft.id}/registrations`, { organizationId: sme.organizationId })).statusCode).toBe(404);
    // Once the window closes, the profile can no longer change either.
    const open = await publishedEvent(ctx.app, {}, organizer);
    const joined = await participant(ctx.app, open.event.id, 'sme');
    await organizer.patch(`/api/events/${open.event.id}`, { registrationOpensAt: new Date(Date.now() - 48 * HOUR).toISOString(), registrationClosesAt: new Date(Date.now() - HOUR).toISOString() });
    const late = await joined.patch(`/api/events/${open.event.id}/registrations/me`, { lookingFor: 'Anything' });
    expect(late.json().error.code).toBe('registration_closed');
    expect((await organizer.get(`/api/events/${open.event.id}/registrations`)).json().items).toHaveLength(1);
  });

  it('withdraws only without open meetings, and lists participants to participants and organizers only', async () => {
    const { event, organizer } = await publishedEvent(ctx.app);
    const sme = await participant(ctx.app, event.id, 'sme');
    const uni = await participant(ctx.app, event.id, 'university');
    const outsider = await userWithOrganization(ctx.app, 'sme');
    expect((await outsider.get(`/api/events/${event.id}/registrations`)).statusCode).toBe(403);
    const seen = (await sme.get(`/api/events/${event.id}/registrations`)).json().items;
    expect(seen.map((r: { organizationName: string }) => r.organizationName).sort()).toEqual(['Baltic Technical University', 'Ostsee Backstube GmbH']);
    expect(JSON.stringify(seen)).not.toContain('@test.example');
    expect((await organizer.get(`/api/events/${event.id}/registrations`)).json().items).toHaveLength(2);

    const meeting = (await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: 'Shelf-life trials for rye bread.' })).json();
    expect((await sme.request({ method: 'DELETE', url: `/api/events/${event.id}/registrations/me` })).statusCode).toBe(409);
    await sme.post(`/api/events/${event.id}/meetings/${meeting.id}/cancel`);
    expect((await sme.request({ method: 'DELETE', url: `/api/events/${event.id}/registrations/me` })).statusCode).toBe(204);
    expect((await sme.get(`/api/events/${event.id}/registrations/me`)).statusCode).toBe(404);
  });
});
