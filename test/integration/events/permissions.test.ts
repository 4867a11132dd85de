import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, anonymous, userWithOrganization, type Client } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { participant, publishedEvent, type Organizer, type Participant } from './fixtures';

const REASON = 'We would like to discuss a joint pilot on your line.';

describe('meeting requests: who may request, see and respond; who-can-meet-whom rules', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  describe('one request between an SME and a university', () => {
    let eventId: string;
    let organizer: Organizer, sme: Participant, uni: Participant, bystander: Participant;
    let outsider: Client & { organizationId: string }, otherOrganizer: Organizer;
    let meetingId: string;
    // Many accounts to build: the hook's longer timeout covers it.
    beforeAll(async () => {
      const setup = await publishedEvent(ctx.app);
      eventId = setup.event.id;
      organizer = setup.organizer;
      [sme, uni, bystander] = await Promise.all([participant(ctx.app, eventId, 'sme'), participant(ctx.app, eventId, 'university'), participant(ctx.app, eventId, 'university')]);
      outsider = await userWithOrganization(ctx.app, 'university');
      otherOrganizer = (await publishedEvent(ctx.app)).organizer;
      meetingId = (await sme.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: uni.registrationId, reason: REASON })).json().id;
    });

    it('lets only registered participants request (organizers and outsiders get 403, anonymous 401)', async () => {
      expect((await outsider.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(403);
      expect((await organizer.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(403);
      expect((await anonymous(ctx.app).post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: sme.registrationId, reason: REASON })).statusCode).toBe(401);
      expect((await sme.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: uni.registrationId, reason: 'short' })).statusCode).toBe(400);
    });

    it('hides the meeting from everyone but its two sides and the organizers (404)', async () => {
      for (const stranger of [outsider, bystander, otherOrganizer]) {
        expect((await stranger.get(`/api/events/${eventId}/meetings/${meetingId}`)).statusCode).toBe(404);
        expect((await stranger.post(`/api/events/${eventId}/meetings/${meetingId}/accept`)).statusCode).toBe(404);
        expect((await stranger.post(`/api/events/${eventId}/meetings/${meetingId}/cancel`)).statusCode).toBe(404);
      }
      expect((await bystander.get(`/api/events/${eventId}/meetings`)).json().items).toEqual([]);
      expect((await outsider.get(`/api/events/${eventId}/meetings`)).statusCode).toBe(403);
      expect((await otherOrganizer.get(`/api/events/${eventId}/meetings?box=all`)).statusCode).toBe(403);
      // A meeting id from this event is not found through another one.
      const other = await publishedEvent(ctx.app, {}, otherOrganizer);
      expect((await otherOrganizer.get(`/api/events/${other.event.id}/meetings/${meetingId}`)).statusCode).toBe(404);
    });

    it('lets the organizers see every meeting and cancel one, but not answer for a participant', async () => {
      expect((await organizer.get(`/api/events/${eventId}/meetings?box=all`)).json().items.map((m: { id: string }) => m.id)).toEqual([meetingId]);
      expect((await organizer.post(`/api/events/${eventId}/meetings/${meetingId}/accept`)).statusCode).toBe(403);
      const colleague = await addMember(ctx.app, organizer, organizer.organizationId);
      const cancelled = await colleague.post(`/api/events/${eventId}/meetings/${meetingId}/cancel`);
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', role: 'organizer' });
    });
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
