import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, fieldsNamed, userWithOrganization } from '../../helpers/api';
import { HOSTILE_LINES, HOSTILE_LONG_TEXTS } from '../../helpers/hostile-text';
import { startTestApp, type TestApp } from '../../helpers/app';
import { eventBody, participant, publishedEvent, sessionBody } from './fixtures';

describe('events: create, sessions, publish, visibility and organizer rights', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('lets an organizer create a draft with default groups and rules, add a session with derived slots, and publish', async () => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const created = await organizer.post('/api/events', eventBody(organizer.organizationId));
    expect(created.statusCode).toBe(201);
    const event = created.json();
    expect(event).toMatchObject({ status: 'draft', organizerName: 'Baltic Brokerage Events', acceptMode: 'opt-in', registrationOpen: false, viewer: { organizer: true } });
    expect(event.groups.map((g: { key: string }) => g.key)).toEqual(['smes', 'universities', 'intermediaries']);

    expect((await organizer.post(`/api/events/${event.id}/publish`)).statusCode).toBe(409); // no session yet
    const withSession = await organizer.post(`/api/events/${event.id}/sessions`, sessionBody());
    expect(withSession.statusCode).toBe(201);
    const [session] = withSession.json().sessions;
    expect(session.slots).toHaveLength(6);
    expect(session.slots.map((s: { usable: boolean }) => s.usable)).toEqual([true, true, true, false, true, true]);
    expect(session.slots[1].id).toBe(`${session.id}:1`);

    const published = await organizer.post(`/api/events/${event.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', registrationOpen: true });
    const listed = await anonymous(ctx.app).get('/api/events');
    expect(listed.json().items.map((e: { id: string }) => e.id)).toContain(event.id);
  });

  it('filters the list by NACE sector, for everyone and in "mine", and shows each event\'s sectors', async () => {
    const { organizer, event: food } = await publishedEvent(ctx.app, { title: 'Food sector brokerage', sectors: ['C', 'A'] });
    const { event: ict } = await publishedEvent(ctx.app, { title: 'ICT sector brokerage', sectors: ['J'] }, organizer);
    const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((e) => e.id);

    const agriculture = await anonymous(ctx.app).get('/api/events?sector=A');
    expect(agriculture.statusCode).toBe(200);
    expect(ids(agriculture)).toContain(food.id);
    expect(ids(agriculture)).not.toContain(ict.id);
    expect(agriculture.json().items.find((e: { id: string }) => e.id === food.id).sectors).toEqual(['C', 'A']);
    expect(ids(await organizer.get('/api/events?mine=true&sector=J'))).toEqual([ict.id]);

    const unknown = await anonymous(ctx.app).get('/api/events?sector=ZZ');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().error)).toMatch(/sector/);
  });

  it('refuses events from SMEs (403) and for organizations the user does not belong to (403)', async () => {
    const sme = await userWithOrganization(ctx.app, 'sme');
    expect((await sme.post('/api/events', eventBody(sme.organizationId))).statusCode).toBe(403);
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    expect((await sme.post('/api/events', eventBody(organizer.organizationId))).statusCode).toBe(403);
  });

  it('answers 400 with a usable message for a bad time zone, window, rules or session', async () => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const badZone = await organizer.post('/api/events', eventBody(organizer.organizationId, { timeZone: 'Mars/Olympus' }));
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.message).toMatch(/time zone/);
    const backwards = await organizer.post('/api/events', eventBody(organizer.organizationId, { registrationClosesAt: new Date(Date.now() - 7200_000).toISOString() }));
    expect(backwards.json().error.message).toMatch(/close after it opens/);
    const badRule = await organizer.post(
      '/api/events',
      eventBody(organizer.organizationId, { groups: [{ key: 'smes', label: 'SMEs', organizationKinds: ['sme'] }], meetingRules: [{ groupA: 'smes', groupB: 'labs' }] }),
    );
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().error.message).toMatch(/"labs"/);
    const id = (await organizer.post('/api/events', eventBody(organizer.organizationId))).json().id;
    const badSlot = await organizer.post(`/api/events/${id}/sessions`, sessionBody({ slotMinutes: 25 }));
    expect(badSlot.statusCode).toBe(400);
    const outside = sessionBody();
    outside['breaks'] = [{ startsAt: outside['endsAt'], endsAt: new Date(Date.parse(outside['endsAt'] as string) + 600_000).toISOString() }];
    expect((await organizer.post(`/api/events/${id}/sessions`, outside)).json().error.message).toMatch(/within the session/);
  });

  it('lets organizers manage only their own events, and hides drafts from everyone else', async () => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const other = await userWithOrganization(ctx.app, 'organizer');
    const draft = (await organizer.post('/api/events', eventBody(organizer.organizationId))).json();
    expect((await other.get(`/api/events/${draft.id}`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(`/api/events/${draft.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/events/${draft.id}`, { title: 'Taken over' })).statusCode).toBe(404);

    const { event } = await publishedEvent(ctx.app, {}, organizer);
    expect((await other.patch(`/api/events/${event.id}`, { title: 'Taken over' })).statusCode).toBe(403);
    expect((await other.post(`/api/events/${event.id}/sessions`, sessionBody())).statusCode).toBe(403);
    expect((await other.post(`/api/events/${event.id}/cancel`)).statusCode).toBe(403);
    expect((await other.get(`/api/events/${event.id}/dashboard`)).statusCode).toBe(403);
    expect((await other.get(`/api/events/${event.id}/export/participants.csv`)).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get(`/api/events/${event.id}/dashboard`)).statusCode).toBe(401);

    const renamed = await organizer.patch(`/api/events/${event.id}`, { title: 'Baltic Brokerage 2027', acceptMode: 'auto-accept' });
    expect(renamed.json()).toMatchObject({ title: 'Baltic Brokerage 2027', acceptMode: 'auto-accept' });
    const spec = (await anonymous(ctx.app).get('/api/openapi.json')).json();
    expect(spec.paths['/api/events/{id}/agenda.ics'].get.summary).toMatch(/iCalendar/);
    // Files are documented with their own media types (schemathesis checks responses against them).
    expect(Object.keys(spec.paths['/api/events/{id}/agenda.ics'].get.responses['200'].content)).toEqual(['text/calendar']);
    expect(Object.keys(spec.paths['/api/events/{id}/export/meetings.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(spec.paths['/api/events/{id}/meetings/{meetingId}/accept'].post.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
    const mine = await organizer.get('/api/events?mine=true');
    expect(mine.json().items.map((e: { id: string }) => e.id).sort()).toEqual([draft.id, event.id].sort());
  });

  it.each(HOSTILE_LINES)('refuses an event or session title with %s (400 naming it, never 500) and writes nothing', async (_label, title) => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const created = await organizer.post('/api/events', eventBody(organizer.organizationId, { title }));
    expect(created.statusCode, created.body).toBe(400);
    expect(fieldsNamed(created)).toEqual(['title']);
    expect((await organizer.get('/api/events?mine=true')).json().items).toEqual([]);
    const id = (await organizer.post('/api/events', eventBody(organizer.organizationId))).json().id;
    const edits: [body: Record<string, unknown>, field: string][] = [
      [{ title }, 'title'],
      [{ groups: [{ key: 'smes', label: title, organizationKinds: ['sme'] }] }, 'groups.0.label'],
    ];
    // A venue may be empty, so blank is fine there (trimmed to "").
    if (title.trim()) edits.push([{ venue: title }, 'venue']);
    for (const [body, field] of edits) {
      const patched = await organizer.patch(`/api/events/${id}`, body);
      expect(patched.statusCode, `${field}: ${patched.body}`).toBe(400);
      expect(fieldsNamed(patched)).toEqual([field]);
    }
    const session = await organizer.post(`/api/events/${id}/sessions`, sessionBody({ title }));
    expect(session.statusCode, session.body).toBe(400);
    expect((await organizer.get(`/api/events/${id}`)).json()).toMatchObject({ title: eventBody('').title, venue: eventBody('').venue, sessions: [] });
  });

  it.each(HOSTILE_LONG_TEXTS)('refuses %s in an event description', async (_label, description) => {
    const organizer = await userWithOrganization(ctx.app, 'organizer');
    const created = await organizer.post('/api/events', eventBody(organizer.organizationId, { description }));
    expect(created.statusCode, created.body).toBe(400);
    expect(fieldsNamed(created)).toEqual(['description']);
  });

  it('gives the online link only to registered participants and organizers', async () => {
    const link = 'https://meet.example.org/baltic-brokerage';
    const { organizer, event } = await publishedEvent(ctx.app, { onlineUrl: link });
    const outsider = await userWithOrganization(ctx.app, 'sme');
    for (const viewer of [anonymous(ctx.app), outsider]) {
      const seen = (await viewer.get(`/api/events/${event.id}`)).json();
      expect(seen).toMatchObject({ onlineUrl: '', hasOnlineLink: true });
      expect(JSON.stringify(seen)).not.toContain('meet.example.org');
    }
    const joined = await participant(ctx.app, event.id, 'university');
    expect((await joined.get(`/api/events/${event.id}`)).json()).toMatchObject({ onlineUrl: link, hasOnlineLink: true });
    expect((await organizer.get(`/api/events/${event.id}`)).json()).toMatchObject({ onlineUrl: link, hasOnlineLink: true });
  });
});
