import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, anonymous, userWithOrganization } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { participant, publishedEvent } from './fixtures';

const REASON = 'We would like to discuss a joint pilot on your line.';

describe('meeting requests: who may request, see and respond; who-can-meet-whom rules', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('lets only registered participants request, and only the two sides and the organizers see a meeting', async () => {
    const { event, organizer } = await publishedEvent(ctx.app);
    const sme = await participant(ctx.app, event.id, 'sme');
    const uni = await participant(ctx.app, event.id, 'university');
    const outsider = await userWithOrganization(ctx.app, 'university');
    const bystander = await participant(ctx.app, event.id, 'university');
    const otherOrganizer = (await publishedEvent(ctx.app)).organizer;

    expect((await outsider.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(403);
    expect((await organizer.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(403);
    expect((await anonymous(ctx.app).post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(401);
    expect((await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: 'short' })).statusCode).toBe(400);

    const meeting = (await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: REASON })).json();
    for (const stranger of [outsider, bystander, otherOrganizer]) {
      expect((await stranger.get(`/api/events/${event.id}/meetings/${meeting.id}`)).statusCode).toBe(404);
      expect((await stranger.post(`/api/events/${event.id}/meetings/${meeting.id}/accept`)).statusCode).toBe(404);
      expect((await stranger.post(`/api/events/${event.id}/meetings/${meeting.id}/cancel`)).statusCode).toBe(404);
    }
    expect((await bystander.get(`/api/events/${event.id}/meetings`)).json().items).toEqual([]);
    expect((await outsider.get(`/api/events/${event.id}/meetings`)).statusCode).toBe(403);
    expect((await otherOrganizer.get(`/api/events/${event.id}/meetings?box=all`)).statusCode).toBe(403);

    // The organizers see every meeting and may cancel one, but not answer for a participant.
    expect((await organizer.get(`/api/events/${event.id}/meetings?box=all`)).json().items.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    expect((await organizer.post(`/api/events/${event.id}/meetings/${meeting.id}/accept`)).statusCode).toBe(403);
    const colleague = await addMember(ctx.app, organizer, organizer.organizationId);
    const cancelled = await colleague.post(`/api/events/${event.id}/meetings/${meeting.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', role: 'organizer' });

    // A meeting id from another event is not found through this one.
    const other = await publishedEvent(ctx.app);
    expect((await organizer.get(`/api/events/${other.event.id}/meetings/${meeting.id}`)).statusCode).toBe(404);
  });

  it('enforces the meeting rules: SMEs meet universities, intermediaries meet anyone, never your own organization', async () => {
    const { event } = await publishedEvent(ctx.app);
    const sme = await participant(ctx.app, event.id, 'sme');
    const otherSme = await participant(ctx.app, event.id, 'sme');
    const broker = await participant(ctx.app, event.id, 'intermediary');
    const smeToSme = await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: otherSme.registrationId, reason: REASON });
    expect(smeToSme.statusCode).toBe(403);
    expect(smeToSme.json().error.message).toBe('At this event SMEs do not meet SMEs.');
    expect((await broker.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(201);

    const colleague = await addMember(ctx.app, sme, sme.organizationId);
    const registered = await colleague.post(`/api/events/${event.id}/registrations`, { organizationId: sme.organizationId });
    expect(registered.statusCode).toBe(201);
    const own = await sme.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: registered.json().id, reason: REASON });
    expect(own.statusCode).toBe(400);
  });

  it('uses the rules an organizer set: universities-only-with-SMEs events refuse intermediaries their group', async () => {
    const { event } = await publishedEvent(ctx.app, {
      groups: [
        { key: 'smes', label: 'Companies', organizationKinds: ['sme'] },
        { key: 'academia', label: 'Academia', organizationKinds: ['university', 'government'] },
      ],
      meetingRules: [{ groupA: 'smes', groupB: 'academia' }],
    });
    const broker = await userWithOrganization(ctx.app, 'intermediary');
    const refused = await broker.post(`/api/events/${event.id}/registrations`, { organizationId: broker.organizationId });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/no participant group for intermediary/);
    const lab = await participant(ctx.app, event.id, 'government');
    const uni = await participant(ctx.app, event.id, 'university');
    expect((await lab.post(`/api/events/${event.id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: REASON })).statusCode).toBe(403);
  });
});
