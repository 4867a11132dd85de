import type { FastifyInstance } from 'fastify';
import { Types } from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../../../server/app';
import type { Config } from '../../../server/config';
import { deleteQueueKeys, dropDatabase } from '../../helpers/app';
import { testConfig } from '../../helpers/config';
import { registerUser, userWithOrganization, type Client } from '../../helpers/api';

/** Two (or more) real API instances listening on ports, sharing one database and one Redis. */
export interface Cluster {
  apps: FastifyInstance[];
  urls: string[];
  config: Config;
  close(): Promise<void>;
}

export async function startCluster(instances = 2, overrides: Record<string, string> = {}): Promise<Cluster> {
  const config = testConfig(overrides);
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];
  for (let i = 0; i < instances; i += 1) {
    const app = await buildApp(config, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    apps.push(app);
    urls.push(`ws://127.0.0.1:${address.port}/api/ws`);
  }
  return {
    apps,
    urls,
    config,
    async close() {
      for (const app of apps) await app.close();
      await dropDatabase(config);
      await deleteQueueKeys(config);
    },
  };
}

type Frame = Record<string, unknown> & { type: string };

/** A real `ws` client that records every frame, with helpers to wait for the next matching one. */
export class ChatClient {
  readonly frames: Frame[] = [];
  private waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  closeCode: number | null = null;
  private consumed = new Set<Frame>();
  private closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      this.frames.push(frame);
      const waiter = this.waiters.find((candidate) => candidate.match(frame));
      if (waiter) {
        this.consumed.add(frame);
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve((this.closeCode = code))));
  }

  send(frame: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** The first frame (already received or coming) matching `match` that was not consumed before. */
  next<T extends Frame = Frame>(match: (frame: Frame) => boolean, timeoutMs = 5000, what = 'frame'): Promise<T> {
    const already = this.frames.find((frame) => !this.consumed.has(frame) && match(frame));
    if (already) {
      this.consumed.add(already);
      return Promise.resolve(already as T);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.frames.slice(-5))}`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame as T);
        },
      });
    });
  }

  /** Frames of a type so far (for "nothing else arrived" checks). */
  ofType(type: string): Frame[] {
    return this.frames.filter((frame) => frame.type === type);
  }

  messages(roomId: string): { seq: number; text: string; id: string; removed: boolean; senderId: string }[] {
    return this.frames
      .filter((frame) => frame.type === 'message' && (frame.message as { roomId: string }).roomId === roomId)
      .map((frame) => frame.message as { seq: number; text: string; id: string; removed: boolean; senderId: string });
  }

  async join(roomId: string, after?: number): Promise<Frame> {
    const joined = this.next((f) => (f.type === 'joined' && (f.room as { id: string }).id === roomId) || (f.type === 'error' && (f.ref as { roomId?: string })?.roomId === roomId), 5000, `joined ${roomId}`);
    this.send({ type: 'join', roomId, ...(after === undefined ? {} : { after }) });
    return joined;
  }

  async say(roomId: string, text: string, clientId = `c${Math.random().toString(36).slice(2)}`): Promise<Frame> {
    const answer = this.next((f) => (f.type === 'ack' || f.type === 'error') && (f.clientId === clientId || (f.ref as { clientId?: string })?.clientId === clientId), 5000, `ack ${clientId}`);
    this.send({ type: 'send', roomId, clientId, text });
    return answer;
  }

  close(): Promise<number> {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close();
    return this.closed;
  }

  waitClosed(): Promise<number> {
    return this.closed;
  }
}

/** Opens a socket; resolves after `hello` (or with the close code when refused). */
export async function connect(url: string, cookie: string, headers: Record<string, string> = {}): Promise<ChatClient> {
  const socket = new WebSocket(url, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
  const client = new ChatClient(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  await Promise.race([client.next((f) => f.type === 'hello'), client.waitClosed()]);
  return client;
}

export interface EventFixture {
  eventId: string;
  organizer: Client & { organizationId: string };
  participants: Client[];
  outsider: Client;
  lobby: string;
}

/**
 * An event with an organizer organization and registered participants. Events and registrations are
 * written through the events models (the chat only reads them through EventMembership).
 */
export async function eventWithParticipants(app: FastifyInstance, count = 2): Promise<EventFixture> {
  const organizer = await userWithOrganization(app, 'organizer');
  const { events, registrations } = app.services.eventModels;
  const now = Date.now();
  const event = await events.create({
    organizerOrganizationId: new Types.ObjectId(organizer.organizationId),
    createdBy: new Types.ObjectId(organizer.userId),
    title: 'Chat test brokerage',
    type: 'brokerage',
    timeZone: 'Europe/Berlin',
    registrationOpensAt: new Date(now - 86_400_000),
    registrationClosesAt: new Date(now + 86_400_000),
    status: 'published',
  });
  const participants: Client[] = [];
  for (let i = 0; i < count; i += 1) {
    const participant = await userWithOrganization(app, 'sme');
    await registrations.create({
      eventId: event._id,
      userId: new Types.ObjectId(participant.userId),
      organizationId: new Types.ObjectId(participant.organizationId),
      groupKey: 'smes',
    });
    participants.push(participant);
  }
  const outsider = await registerUser(app, 'outsider');
  return { eventId: String(event._id), organizer, participants, outsider, lobby: `lobby-${String(event._id)}` };
}

/** What `useClusterWithEvent` gives a test file; read its fields inside tests (they are set in beforeAll). */
export interface ClusterContext {
  cluster: Cluster;
  event: EventFixture;
  /** A socket to one instance, closed after the file's tests. */
  open(instance: number, cookie: string): Promise<ChatClient>;
  /** A socket to one instance that has joined the event's lobby. */
  inLobby(instance: number, cookie: string): Promise<ChatClient>;
}

/** Starts a cluster and an event with participants before the file's tests; closes sockets and cluster after. */
export function useClusterWithEvent(instances: number, participants: number, overrides: Record<string, string> = {}): ClusterContext {
  const clients: ChatClient[] = [];
  const ctx = {
    async open(instance: number, cookie: string) {
      const client = await connect(ctx.cluster.urls[instance]!, cookie);
      clients.push(client);
      return client;
    },
    async inLobby(instance: number, cookie: string) {
      const client = await ctx.open(instance, cookie);
      await client.join(ctx.event.lobby);
      return client;
    },
  } as ClusterContext;
  beforeAll(async () => {
    ctx.cluster = await startCluster(instances, overrides);
    ctx.event = await eventWithParticipants(ctx.cluster.apps[0]!, participants);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await ctx.cluster?.close();
  });
  return ctx;
}
