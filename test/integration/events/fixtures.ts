import type { FastifyInstance } from 'fastify';
import { addMember, userWithOrganization, type Client, type OrganizationSampleKind } from '../../helpers/api';

const HOUR = 3600_000;

/** A day at 09:00 UTC, `days` from now: sessions in tests never straddle midnight. */
export function dayAt(days: number, hour: number, minute = 0): Date {
  const date = new Date(Date.now() + days * 24 * HOUR);
  date.setUTCHours(hour, minute, 0, 0);
  return date;
}

export function eventBody(organizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizerOrganizationId: organizationId,
    title: 'Baltic Food & Materials Brokerage',
    description: 'Meet universities and SMEs working on food technology and new materials.',
    type: 'brokerage',
    venue: 'Tallinn Creative Hub',
    timeZone: 'Europe/Tallinn',
    sectors: ['C', 'M'],
    registrationOpensAt: new Date(Date.now() - HOUR).toISOString(),
    registrationClosesAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
    requestCapPerParticipant: 5,
    requestExpiryHours: 48,
    ...overrides,
  };
}

/** 09:00–11:00 in 20-minute slots with a break 10:00–10:20: slots 0–2 usable, 3 a break, 4–5 usable. */
export function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Morning meetings',
    startsAt: dayAt(10, 9).toISOString(),
    endsAt: dayAt(10, 11).toISOString(),
    slotMinutes: 20,
    breaks: [{ startsAt: dayAt(10, 10).toISOString(), endsAt: dayAt(10, 10, 20).toISOString() }],
    tables: 2,
    maxMeetingsPerPerson: 4,
    ...overrides,
  };
}

export type Organizer = Client & { organizationId: string };

/** An organizer organization's admin with a published event that has one session; returns the event view. */
export async function publishedEvent(app: FastifyInstance, overrides: Record<string, unknown> = {}, organizer?: Organizer) {
  const owner = organizer ?? (await userWithOrganization(app, 'organizer'));
  const created = await owner.post('/api/events', eventBody(owner.organizationId, overrides));
  if (created.statusCode !== 201) throw new Error(`create event failed: ${created.statusCode} ${created.body}`);
  const id: string = created.json().id;
  const withSession = await owner.post(`/api/events/${id}/sessions`, sessionBody());
  if (withSession.statusCode !== 201) throw new Error(`add session failed: ${withSession.statusCode} ${withSession.body}`);
  const published = await owner.post(`/api/events/${id}/publish`);
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return { organizer: owner, event: published.json() as { id: string; sessions: { id: string; slots: { id: string; usable: boolean; startsAt: string }[] }[] } };
}

export type Participant = Client & { organizationId: string; registrationId: string };

/** A new organization of `kind` whose admin registers for the event with `profile`. */
export async function participant(app: FastifyInstance, eventId: string, kind: OrganizationSampleKind, profile: Record<string, unknown> = {}): Promise<Participant> {
  const user = await userWithOrganization(app, kind);
  return register(user, eventId, profile);
}

export async function register(user: Client & { organizationId: string }, eventId: string, profile: Record<string, unknown> = {}): Promise<Participant> {
  const response = await user.post(`/api/events/${eventId}/registrations`, { organizationId: user.organizationId, ...profile });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return { ...user, registrationId: response.json().id };
}

export { addMember };

/** Stores a computed need–output pair in the match store, as the matching worker would. */
export async function seedMatch(app: FastifyInstance, pair: { needId: string; outputId: string; needOrganizationId: string; outputOrganizationId: string; score: number }) {
  const entry = { ...pair, textSimilarity: pair.score, evidence: [] };
  await app.services.matchStore.replaceOwn('need', pair.needId, [entry]);
  await app.services.matchStore.replaceOwn('output', pair.outputId, [entry]);
}
