import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userWithOrganization, type Client } from '../../helpers/api';
import { startTestApp, type TestApp } from '../../helpers/app';
import { stopProcess, waitFor, type ChildOutput } from '../../helpers/processes';
import { startWorkerProcess } from '../../helpers/worker';
import { participant, publishedEvent, type Organizer, type Participant } from './fixtures';

interface Placement { sessionId: string; slotIndex: number; table: number; locked: boolean; draft: boolean }
interface Meeting { id: string; requester: { registrationId?: string }; placement: Placement | null }

const REASON = 'Your pilot line could test our coating at production speed.';

describe('scheduler job and routes with a real worker', () => {
  let ctx: TestApp;
  let worker: ChildOutput;
  let organizer: Organizer;
  let eventId: string;
  let slotIds: string[];
  let smes: Participant[];
  let unis: Participant[];
  const meetingIds: string[] = [];

  async function meet(from: Participant, to: Participant): Promise<string> {
    const requested = await from.post(`/api/events/${eventId}/meetings`, { recipientRegistrationId: to.registrationId, reason: REASON });
    expect(requested.statusCode, requested.body).toBe(201);
    const accepted = await to.post(`/api/events/${eventId}/meetings/${requested.json().id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    return requested.json().id;
  }

  /** Starts a run and waits for its draft, checking that progress was reported. */
  async function runScheduler(mode: 'all' | 'unscheduled') {
    const started = await organizer.post(`/api/events/${eventId}/schedule`, { mode });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().jobId).toMatch(/^schedule-/);
    return waitFor(async () => {
      const view = (await organizer.get(`/api/events/${eventId}/schedule`)).json();
      expect(view.error).toBeNull();
      return view.status !== 'running' && view.jobId === started.json().jobId && view;
    }, 30_000, 'the scheduler to write its draft');
  }

  const organizerMeetings = async (): Promise<Meeting[]> => (await organizer.get(`/api/events/${eventId}/meetings?box=all&status=accepted`)).json().items;

  beforeAll(async () => {
    ctx = await startTestApp();
    worker = await startWorkerProcess(ctx.config);
    const created = await publishedEvent(ctx.app);
    organizer = created.organizer;
    eventId = created.event.id;
    // Slots 0–2 and 4–5 are usable, 3 is a break; two tables, at most four meetings each.
    slotIds = created.event.sessions[0]!.slots.map((slot) => slot.id);
    smes = [
      await participant(ctx.app, eventId, 'sme', { unavailableSlotIds: [slotIds[0]] }),
      await participant(ctx.app, eventId, 'sme'),
      // Cannot make 0–2; the second university cannot make 4–5: no slot in common.
      await participant(ctx.app, eventId, 'sme', { unavailableSlotIds: [slotIds[0], slotIds[1], slotIds[2]] }),
    ];
    unis = [await participant(ctx.app, eventId, 'university'), await participant(ctx.app, eventId, 'university', { unavailableSlotIds: [slotIds[4], slotIds[5]] })];
    for (const sme of smes.slice(0, 2)) for (const uni of unis) meetingIds.push(await meet(sme, uni));
    meetingIds.push(await meet(smes[2]!, unis[0]!));
    meetingIds.push(await meet(smes[2]!, unis[1]!));
  });
  afterAll(async () => {
    await stopProcess(worker);
    await ctx.close();
  });

  it('lets only the event’s organizers run, read and publish the schedule', async () => {
    const paths = [
      ['post', `/api/events/${eventId}/schedule`, { mode: 'all' }],
      ['get', `/api/events/${eventId}/schedule`, undefined],
      ['post', `/api/events/${eventId}/schedule/publish`, {}],
    ] as const;
    const otherOrganizer = await userWithOrganization(ctx.app, 'organizer');
    for (const [method, url, body] of paths) {
      for (const outsider of [smes[0]!, otherOrganizer] as Client[]) {
        const response = method === 'get' ? await outsider.get(url) : await outsider.post(url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
      }
      const anonymous = await ctx.app.inject({ method: method.toUpperCase() as 'GET' | 'POST', url, payload: body });
      expect(anonymous.statusCode).toBe(401);
    }
    expect((await organizer.get('/api/events/0123456789abcdef01234567/schedule')).statusCode).toBe(404);
    const badMode = await organizer.post(`/api/events/${eventId}/schedule`, { mode: 'everything' });
    expect(badMode.statusCode).toBe(400);
    const noDraft = await organizer.post(`/api/events/${eventId}/schedule/publish`, {});
    expect(noDraft.statusCode).toBe(409);
    expect(noDraft.json().error.message).toMatch(/Run the scheduler first/);
    expect((await organizer.get(`/api/events/${eventId}/schedule`)).json()).toMatchObject({ status: 'none', placed: 0, progress: 0 });
  });

  it('writes a draft with no double booking, breaks or unavailable slots, then publishes it to both sides', async () => {
    const view = await runScheduler('all');
    expect(view).toMatchObject({ status: 'draft', progress: 100, mode: 'all', placed: 5, unplaced: 1, upperBound: 5 });
    expect(view.unplacedMeetings).toEqual([{ meetingId: meetingIds[5], reason: 'no-common-slot' }]);
    expect(view.unplacedReasons).toEqual([{ reason: 'no-common-slot', count: 1 }]);

    const meetings = await organizerMeetings();
    const placed = meetings.filter((m) => m.placement);
    expect(placed).toHaveLength(5);
    const people = (m: Meeting) => meetingPeople.get(m.id)!;
    const meetingPeople = new Map<string, string[]>();
    const pairs = [...smes.slice(0, 2).flatMap((s) => unis.map((u) => [s, u])), [smes[2], unis[0]], [smes[2], unis[1]]] as [Participant, Participant][];
    pairs.forEach(([s, u], i) => meetingPeople.set(meetingIds[i]!, [s.registrationId, u.registrationId]));
    const unavailable = new Map([[smes[0]!.registrationId, [0]], [smes[2]!.registrationId, [0, 1, 2]], [unis[1]!.registrationId, [4, 5]]]);
    const busy = new Set<string>();
    const tables = new Set<string>();
    for (const m of placed) {
      const { slotIndex, table } = m.placement!;
      expect(m.placement!.draft).toBe(true);
      expect(slotIndex).not.toBe(3);
      expect(table).toBeGreaterThanOrEqual(1);
      expect(table).toBeLessThanOrEqual(2);
      expect(tables.has(`${slotIndex}#${table}`)).toBe(false);
      tables.add(`${slotIndex}#${table}`);
      for (const person of people(m)) {
        expect(unavailable.get(person) ?? []).not.toContain(slotIndex);
        expect(busy.has(`${person}@${slotIndex}`)).toBe(false);
        busy.add(`${person}@${slotIndex}`);
      }
    }

    // Participants see nothing of a draft; after publishing they do, and they are told.
    const mine = async (p: Participant): Promise<Meeting[]> => (await p.get(`/api/events/${eventId}/meetings?box=all`)).json().items;
    expect((await mine(smes[1]!)).every((m) => m.placement === null)).toBe(true);
    const published = await organizer.post(`/api/events/${eventId}/schedule/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 1, placed: 5 });
    expect(published.json().publishedAt).not.toBeNull();
    expect((await mine(smes[1]!)).filter((m) => m.placement)).toHaveLength(2);
    for (const side of [smes[1]!, unis[0]!]) {
      const notifications = (await side.get('/api/notifications')).json().items as { type: string; link: string }[];
      expect(notifications).toContainEqual(expect.objectContaining({ type: 'schedule_published', link: `/events/${eventId}/agenda` }));
    }
    expect((await organizer.post(`/api/events/${eventId}/schedule/publish`, {})).statusCode).toBe(409);
  });

  it('in mode unscheduled keeps every placed meeting (a draft stays a draft) and places only the new one', async () => {
    const before = new Map((await organizerMeetings()).filter((m) => m.placement).map((m) => [m.id, m.placement!]));
    expect([...before.values()].every((placement) => !placement.locked)).toBe(true);
    const late = await participant(ctx.app, eventId, 'sme');
    const lateId = await meet(late, unis[1]!);
    const view = await runScheduler('unscheduled');
    expect(view).toMatchObject({ status: 'draft', mode: 'unscheduled', placed: 6, unplaced: 1, kept: 5 });
    const after = await organizerMeetings();
    for (const [id, placement] of before) {
      const now = after.find((m) => m.id === id)!.placement!;
      expect([now.sessionId, now.slotIndex, now.table]).toEqual([placement.sessionId, placement.slotIndex, placement.table]);
      expect(now.locked).toBe(placement.locked);
    }
    const placedLate = after.find((m) => m.id === lateId)!.placement!;
    expect(placedLate.locked).toBe(false);
    expect([4, 5]).not.toContain(placedLate.slotIndex);
    expect(placedLate.slotIndex).not.toBe(3);
  });
});
