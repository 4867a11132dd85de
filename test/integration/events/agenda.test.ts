import ICAL from 'ical.js';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongo } from '../../../server/db';
import { anonymous } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { participant, publishedEvent, type Participant } from './fixtures';

interface ParsedEntry {
  uid: string;
  sequence: number;
  start: number;
  end: number;
  summary: string;
  status: string;
  location: string;
}

/** Parses the feed with ical.js: a second, independent iCalendar implementation. */
function parseFeed(text: string): ParsedEntry[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const entry = new ICAL.Event(component);
    return {
      uid: entry.uid,
      sequence: entry.sequence,
      start: entry.startDate.toJSDate().getTime(),
      end: entry.endDate.toJSDate().getTime(),
      summary: entry.summary,
      status: String(component.getFirstPropertyValue('status')),
      location: entry.location,
    };
  });
}

describe('agenda: JSON, iCalendar feed with stable UIDs, reschedule', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  async function acceptedMeeting() {
    const setup = await publishedEvent(ctx.app);
    const sme = await participant(ctx.app, setup.event.id, 'sme');
    const uni = await participant(ctx.app, setup.event.id, 'university');
    const eventId = setup.event.id;
    const meeting = (await sme.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: uni.registrationId, reason: 'Shelf-life trials for rye bread.' })).json();
    await uni.post(`/api/events/${eventId}/meetings/${meeting.id}/accept`);
    return { ...setup, eventId, sme, uni, meetingId: meeting.id as string };
  }

  async function feedOf(client: Participant, eventId: string) {
    const agenda = (await client.get(`/api/events/${eventId}/agenda`)).json();
    const url = new URL(agenda.feedUrl);
    const response = await anonymous(ctx.app).get(`${url.pathname}${url.search}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    return parseFeed(response.body);
  }

  it('keeps the UID and bumps SEQUENCE when a meeting moves, and marks a cancelled meeting CANCELLED under the same UID', async () => {
    const { eventId, event, sme, uni, meetingId } = await acceptedMeeting();
    const agenda = (await sme.get(`/api/events/${eventId}/agenda`)).json();
    expect(agenda).toMatchObject({ eventTitle: 'Baltic Food & Materials Brokerage', published: false });
    expect(agenda.items.map((m: { id: string; placement: unknown }) => [m.id, m.placement])).toEqual([[meetingId, null]]);
    expect(await feedOf(sme, eventId)).toEqual([]);

    const [slot0, , , , slot4] = event.sessions[0]!.slots;
    const moved = await uni.post(`/api/events/${eventId}/meetings/${meetingId}/reschedule`, { slotId: slot0!.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().placement).toMatchObject({ slotIndex: 0, table: 1, locked: true, draft: false, sessionTitle: 'Morning meetings', startsAt: slot0!.startsAt });
    const first = await feedOf(sme, eventId);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ uid: `meeting-${meetingId}@127.0.0.1`, status: 'CONFIRMED', start: Date.parse(slot0!.startsAt), summary: 'Meeting: Test university-admin (Baltic Technical University)' });
    expect(first[0]!.end - first[0]!.start).toBe(20 * 60_000);
    expect(first[0]!.location).toContain('table 1');
    // The other side's feed names the other side.
    expect((await feedOf(uni, eventId))[0]!.summary).toBe('Meeting: Test sme-admin (Ostsee Backstube GmbH)');

    await sme.post(`/api/events/${eventId}/meetings/${meetingId}/reschedule`, { slotId: slot4!.id, table: 2 });
    const second = await feedOf(sme, eventId);
    expect(second).toHaveLength(1);
    expect(second[0]!.uid).toBe(first[0]!.uid);
    expect(second[0]!.sequence).toBeGreaterThan(first[0]!.sequence);
    expect(second[0]!.start).toBe(Date.parse(slot4!.startsAt));

    await uni.post(`/api/events/${eventId}/meetings/${meetingId}/cancel`);
    const third = await feedOf(sme, eventId);
    expect(third.map((e) => [e.uid, e.status])).toEqual([[first[0]!.uid, 'CANCELLED']]);
    expect(third[0]!.sequence).toBeGreaterThan(second[0]!.sequence);
    expect((await sme.get(`/api/events/${eventId}/agenda`)).json().items).toEqual([]);
  });

  it('escapes and folds hostile text from the database: the feed parses back as one calendar with only its own events', async () => {
    const { eventId, event, sme, uni, meetingId } = await acceptedMeeting();
    await uni.post(`/api/events/${eventId}/meetings/${meetingId}/reschedule`, { slotId: event.sessions[0]!.slots[0]!.id });
    // A title stored before the API refused line breaks in titles (today: 400, see events.test.ts).
    const hostile = `B\nBEGIN:VEVENT\nUID:forged@evil\nSUMMARY:Forged\nEND:VEVENT\r\nX-A:1; b, c \\ ${'very long title '.repeat(8)}`;
    const mongo = await openMongo(ctx.config.MONGODB_URI);
    await mongo.collection('events').updateOne({ _id: new Types.ObjectId(eventId) }, { $set: { title: hostile } });
    await mongo.close();
    const url = new URL((await sme.get(`/api/events/${eventId}/agenda`)).json().feedUrl);
    const body = (await anonymous(ctx.app).get(`${url.pathname}${url.search}`)).body;
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(body.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(1);
    expect(body).not.toMatch(/^(UID:forged|X-A:)/m);
    const entries = parseFeed(body);
    expect(entries.map((entry) => entry.uid)).toEqual([`meeting-${meetingId}@127.0.0.1`]);
    const calendar = new ICAL.Component(ICAL.parse(body));
    const description = String(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('description'));
    expect(description.startsWith(`${hostile.replace('\r\n', '\n')}\nWith `)).toBe(true);
  });

  it("refuses a wrong token, another user's token and another event's token (404), and non-participants' agendas (403)", async () => {
    const { eventId, sme, uni } = await acceptedMeeting();
    const other = await acceptedMeeting();
    const url = new URL((await sme.get(`/api/events/${eventId}/agenda`)).json().feedUrl);
    const token = url.searchParams.get('token')!;
    const feed = (query: string, id = eventId) => anonymous(ctx.app).get(`/api/events/${id}/agenda.ics?${query}`);
    expect((await feed(`user=${sme.userId}&token=${token}`)).statusCode).toBe(200);
    expect((await feed(`user=${uni.userId}&token=${token}`)).statusCode).toBe(404);
    expect((await feed(`user=${sme.userId}&token=${token}`, other.eventId)).statusCode).toBe(404);
    expect((await feed(`user=${sme.userId}&token=${'x'.repeat(token.length)}`)).statusCode).toBe(404);
    expect((await feed(`user=${sme.userId}`)).statusCode).toBe(400);
    expect((await other.sme.get(`/api/events/${eventId}/agenda`)).statusCode).toBe(403);
  });

  it('shows draft placements to organizers only, and to participants once the schedule is published', async () => {
    const { eventId, event, organizer, sme, meetingId } = await acceptedMeeting();
    const sessionId = event.sessions[0]!.id;
    // What the scheduler writes: an unlocked draft placement and a draft schedule state.
    await ctx.app.services.eventModels.meetings.updateOne({ _id: meetingId }, { $set: { placement: { sessionId, slotIndex: 2, table: 1, locked: false } }, $inc: { version: 1 } });
    await ctx.app.services.eventModels.events.updateOne({ _id: eventId }, { $set: { 'scheduleState.status': 'draft' } });
    expect((await sme.get(`/api/events/${eventId}/agenda`)).json().items[0].placement).toBeNull();
    expect(await feedOf(sme, eventId)).toEqual([]);
    const seenByOrganizer = (await organizer.get(`/api/events/${eventId}/meetings/${meetingId}`)).json();
    expect(seenByOrganizer.placement).toMatchObject({ slotIndex: 2, draft: true });

    await ctx.app.services.eventModels.events.updateOne({ _id: eventId }, { $set: { 'scheduleState.status': 'published', 'scheduleState.version': 1 } });
    const agenda = (await sme.get(`/api/events/${eventId}/agenda`)).json();
    expect(agenda.published).toBe(true);
    expect(agenda.items[0].placement).toMatchObject({ slotIndex: 2, table: 1, draft: false, startsAt: event.sessions[0]!.slots[2]!.startsAt });
    expect(await feedOf(sme, eventId)).toHaveLength(1);
  });

  it('reschedules accepted meetings only, into usable slots both people can make', async () => {
    const { eventId, event, sme, uni, meetingId } = await acceptedMeeting();
    const slots = event.sessions[0]!.slots;
    const reschedule = (client: Participant, id: string, body: Record<string, unknown>) => client.post(`/api/events/${eventId}/meetings/${id}/reschedule`, body);
    expect((await reschedule(sme, meetingId, { slotId: slots[3]!.id })).json().error.message).toMatch(/break/);
    expect((await reschedule(sme, meetingId, { slotId: slots[0]!.id, table: 3 })).statusCode).toBe(400);

    await uni.patch(`/api/events/${eventId}/registrations/me`, { unavailableSlotIds: [slots[1]!.id] });
    expect((await reschedule(sme, meetingId, { slotId: slots[1]!.id })).json().error.message).toMatch(/cannot make that slot/);
    // A pending request cannot be rescheduled.
    const lab = await participant(ctx.app, eventId, 'government');
    const pending = (await lab.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: sme.registrationId, reason: 'Shelf-life tests in our food lab.' })).json();
    expect((await reschedule(sme, pending.id, { slotId: slots[4]!.id })).json().error.message).toMatch(/Only an accepted meeting/);
  });

  it('never books a person or a table twice in a slot', async () => {
    const { eventId, event, sme, uni, meetingId } = await acceptedMeeting();
    const slots = event.sessions[0]!.slots;
    const reschedule = (client: Participant, id: string, body: Record<string, unknown>) => client.post(`/api/events/${eventId}/meetings/${id}/reschedule`, body);
    // A second meeting of the SME takes slot 0 at table 1; a third pair takes table 2.
    const lab = await participant(ctx.app, eventId, 'government');
    const second = (await sme.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: lab.registrationId, reason: 'Materials testing for our packaging.' })).json();
    await lab.post(`/api/events/${eventId}/meetings/${second.id}/accept`);
    expect((await reschedule(lab, second.id, { slotId: slots[0]!.id })).json().placement.table).toBe(1);
    expect((await reschedule(uni, meetingId, { slotId: slots[0]!.id })).json().error.message).toMatch(/already has a meeting in that slot/);

    const broker = await participant(ctx.app, eventId, 'intermediary');
    const uni2 = await participant(ctx.app, eventId, 'university');
    const third = (await broker.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: uni2.registrationId, reason: 'Licensing support for your spin-off.' })).json();
    await uni2.post(`/api/events/${eventId}/meetings/${third.id}/accept`);
    expect((await reschedule(broker, third.id, { slotId: slots[0]!.id, table: 1 })).json().error.message).toMatch(/Table 1 is taken/);
    expect((await reschedule(broker, third.id, { slotId: slots[0]!.id })).json().placement.table).toBe(2);
    const fourth = (await broker.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: uni.registrationId, reason: 'Licensing support for your materials lab.' })).json();
    await uni.post(`/api/events/${eventId}/meetings/${fourth.id}/accept`);
    // The broker already meets in slot 0.
    expect((await reschedule(uni, fourth.id, { slotId: slots[0]!.id })).statusCode).toBe(409);
  });
});
