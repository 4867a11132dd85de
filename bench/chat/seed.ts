import { Types } from 'mongoose';
import type { FastifyInstance } from 'fastify';
import { userModel } from '../../server/modules/accounts/model';
import { SessionStore } from '../../server/modules/accounts/sessions';
import type { CurrentUser } from '../../server/modules/accounts/current-user';

export interface ChatBenchData {
  eventId: string;
  lobby: string;
  topicRooms: string[];
  /** Session tokens of the participants, in order. */
  tokens: string[];
  organizerToken: string;
}

/**
 * People, one event, its registrations and topic rooms, written through the models and services
 * directly (2,000 HTTP sign-ups with password hashing would take minutes and measure nothing).
 * Sessions are real: the SessionStore the API reads on every upgrade.
 */
export async function seedChatBench(app: FastifyInstance, participants: number, roomSize: number): Promise<ChatBenchData> {
  const { organizations, eventModels, chat } = app.services;
  const organizer = await organizations.insert({ kind: 'organizer', name: 'Bench Events', country: 'EE', sectors: [] }, { verified: true });
  const sme = await organizations.insert({ kind: 'sme', name: 'Bench SME', country: 'DE', sectors: ['C'], headcount: 12, annualTurnoverEur: 2_000_000 });
  const users = userModel(app.mongo);
  const organizerId = new Types.ObjectId();
  const people = Array.from({ length: participants }, (_, i) => ({
    _id: new Types.ObjectId(),
    email: `chat-bench-${i}@bench.example`,
    name: `Bench person ${i}`,
    passwordHash: 'no-login',
    memberships: [{ organizationId: new Types.ObjectId(sme.id), role: 'member' }],
  }));
  await users.insertMany([
    { _id: organizerId, email: 'chat-bench-organizer@bench.example', name: 'Bench organizer', passwordHash: 'no-login', memberships: [{ organizationId: new Types.ObjectId(organizer.id), role: 'admin' }] },
    ...people,
  ]);
  const now = Date.now();
  const event = await eventModels.events.create({
    organizerOrganizationId: new Types.ObjectId(organizer.id),
    createdBy: organizerId,
    title: 'Chat bench brokerage',
    type: 'brokerage',
    timeZone: 'Europe/Tallinn',
    registrationOpensAt: new Date(now - 86_400_000),
    registrationClosesAt: new Date(now + 86_400_000),
    status: 'published',
  });
  await eventModels.registrations.insertMany(
    people.map((person) => ({ eventId: event._id, userId: person._id, organizationId: new Types.ObjectId(sme.id), groupKey: 'smes' })),
  );
  const organizerUser: CurrentUser = {
    id: String(organizerId),
    email: 'chat-bench-organizer@bench.example',
    name: 'Bench organizer',
    platformAdmin: false,
    memberships: [{ organizationId: organizer.id, role: 'admin' }],
  };
  const topicRooms: string[] = [];
  for (let i = 0; i < Math.ceil(participants / roomSize); i += 1) {
    topicRooms.push((await chat.createTopic(organizerUser, String(event._id), `Table ${i + 1}`)).id);
  }
  const sessions = new SessionStore(app.redis, `${app.config.QUEUE_PREFIX}:app`);
  const tokens: string[] = [];
  for (const person of people) tokens.push(await sessions.create(String(person._id)));
  return { eventId: String(event._id), lobby: `lobby-${String(event._id)}`, topicRooms, tokens, organizerToken: await sessions.create(String(organizerId)) };
}
