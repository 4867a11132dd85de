import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { participant, publishedEvent, type Organizer, type Participant } from './fixtures';

describe('organizer: check-in, ratings, dashboard figures, CSV exports', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  describe('an event with a held, a declined and a pending request', () => {
    let id: string;
    let organizer: Organizer, sme: Participant, uni: Participant, lab: Participant;
    let held: string, declined: string;
    // Many accounts and requests to build: the hook's longer timeout covers it.
    beforeAll(async () => {
      const setup = await publishedEvent(ctx.app);
      id = setup.event.id;
      organizer = setup.organizer;
      [sme, uni, lab] = await Promise.all([participant(ctx.app, id, 'sme', { interests: ['C'] }), participant(ctx.app, id, 'university'), participant(ctx.app, id, 'government')]);
      const request = async (from: Participant, to: Participant) =>
        (await from.post(`/api/events/${id}/meetings`, { recipientRegistrationId: to.registrationId, reason: 'Shelf-life trials for our rye bread.' })).json().id as string;
      held = await request(sme, uni);
      declined = await request(sme, lab);
      await request(uni, lab); // stays pending: uni (universities) and lab (intermediaries group) may meet
      await uni.post(`/api/events/${id}/meetings/${held}/accept`);
      await lab.post(`/api/events/${id}/meetings/${declined}/decline`);
      await sme.post(`/api/events/${id}/meetings/${held}/reschedule`, { slotId: setup.event.sessions[0]!.slots[0]!.id });
    });

    it('checks in accepted meetings and lets each side rate a held meeting once', async () => {
      expect((await put(sme, `/api/events/${id}/meetings/${held}/rating`, { stars: 5, outcome: 'nda-signed' })).json().error.message).toMatch(/after it was held/);
      expect((await lab.post(`/api/events/${id}/meetings/${held}/check-in`)).statusCode).toBe(404);
      expect((await organizer.post(`/api/events/${id}/meetings/${declined}/check-in`)).statusCode).toBe(409);
      expect((await organizer.post(`/api/events/${id}/meetings/${held}/check-in`)).json().held).toBe(true);
      expect((await put(organizer, `/api/events/${id}/meetings/${held}/rating`, { stars: 5, outcome: 'nda-signed' })).statusCode).toBe(403);
      expect((await put(sme, `/api/events/${id}/meetings/${held}/rating`, { stars: 6, outcome: 'nda-signed' })).statusCode).toBe(400);
      await put(sme, `/api/events/${id}/meetings/${held}/rating`, { stars: 3, outcome: 'follow-up-planned' });
      const rated = await put(sme, `/api/events/${id}/meetings/${held}/rating`, { stars: 5, outcome: 'nda-signed' }); // replaces the first
      expect(rated.json().ratings).toEqual([{ userId: sme.userId, stars: 5, outcome: 'nda-signed' }]);
      await put(uni, `/api/events/${id}/meetings/${held}/rating`, { stars: 4, outcome: 'follow-up-planned' });
    });

    it('counts registrations, requests, scheduled and held meetings and outcomes for the organizers only', async () => {
      const dashboard = (await organizer.get(`/api/events/${id}/dashboard`)).json();
      expect(dashboard.registrations).toEqual({
        total: 3,
        byOrganizationKind: [
          { kind: 'government', count: 1 },
          { kind: 'sme', count: 1 },
          { kind: 'university', count: 1 },
        ],
        bySector: [
          { sector: 'C', count: 2 },
          { sector: 'M', count: 2 },
        ],
      });
      expect(dashboard.requests).toEqual({
        total: 3,
        byStatus: [
          { status: 'pending', count: 1 },
          { status: 'accepted', count: 1 },
          { status: 'declined', count: 1 },
          { status: 'cancelled', count: 0 },
          { status: 'expired', count: 0 },
        ],
      });
      expect(dashboard.meetings).toEqual({ accepted: 1, scheduled: 1, held: 1 });
      expect(dashboard.topPairs.map((p: { meetingId: string }) => p.meetingId)).not.toContain(declined);
      expect(dashboard.topPairs[0]).toMatchObject({ requesterOrganization: expect.any(String), recipientOrganization: expect.any(String) });
      expect(dashboard.ratings).toEqual({
        count: 2,
        averageStars: 4.5,
        byOutcome: [
          { outcome: 'none', count: 0 },
          { outcome: 'follow-up-planned', count: 1 },
          { outcome: 'nda-signed', count: 1 },
          { outcome: 'agreement-reached', count: 0 },
        ],
      });
      expect((await sme.get(`/api/events/${id}/dashboard`)).statusCode).toBe(403);
    });
  });

  it('exports participants and meetings as CSV that spreadsheets cannot execute', async () => {
    const { event, organizer } = await publishedEvent(ctx.app);
    const id = event.id;
    const attacker = await participant(ctx.app, id, 'sme', { lookingFor: '=HYPERLINK("http://evil.example","click"),"x"\nsecond line' });
    const uni = await participant(ctx.app, id, 'university', { lookingFor: '@SUM(1+1)' });
    await attacker.post(`/api/events/${id}/meetings`, { recipientRegistrationId: uni.registrationId, reason: '+cmd|" /C calc"!A0 and more text' });

    const participants = await organizer.get(`/api/events/${id}/export/participants.csv`);
    expect(participants.statusCode).toBe(200);
    expect(participants.headers['content-type']).toMatch(/^text\/csv/);
    expect(participants.headers['content-disposition']).toMatch(/attachment; filename="event-.*-participants\.csv"/);
    const rows = parseCsv(participants.body);
    expect(rows[0]!.slice(0, 4)).toEqual(['registration_id', 'name', 'email', 'organization']);
    expect(rows).toHaveLength(3);
    const lookingFor = rows[0]!.indexOf('looking_for');
    const cells = rows.slice(1).map((row) => row[lookingFor]);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click"),"x"\nsecond line`);
    expect(cells).toContain("'@SUM(1+1)");
    expect(rows.slice(1).map((row) => row[2])).toContain(attacker.email);
    // No cell of either export starts with a formula character.
    const meetings = parseCsv((await organizer.get(`/api/events/${id}/export/meetings.csv`)).body);
    expect(meetings[1]![meetings[0]!.indexOf('reason')]).toBe(`'+cmd|" /C calc"!A0 and more text`);
    for (const cell of [...rows, ...meetings].flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    expect((await attacker.get(`/api/events/${id}/export/meetings.csv`)).statusCode).toBe(403);
  });
});

function put(client: Client, url: string, payload: Record<string, unknown>) {
  return client.request({ method: 'PUT', url, payload });
}

/** A small RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    }
    else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}
