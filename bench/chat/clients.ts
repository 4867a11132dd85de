/**
 * The client side of `npm run bench:chat`, run as its own process so the servers do not share an
 * event loop with the load. Reads its plan from the JSON file named by BENCH_PLAN, opens real `ws`
 * connections, and prints one JSON object with what it measured on stdout.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export interface ClientPlan {
  urls: string[];
  /** Session tokens, one per simulated person. */
  tokens: string[];
  phase: 'rooms' | 'lobby';
  /** rooms: room i/roomSize for client i; lobby: one room for all, plus a broadcaster token. */
  rooms: string[];
  roomSize: number;
  durationMs: number;
  intervalMs: number;
  broadcasterToken?: string;
  broadcasts?: number;
}

const log = (message: string) => process.stderr.write(`[bench:chat clients] ${message}\n`);
const plan = JSON.parse(readFileSync(process.env['BENCH_PLAN']!, 'utf8')) as ClientPlan;
/** clientIds are idempotency keys: a second run must not reuse the first run's. */
const RUN = Math.random().toString(36).slice(2, 8);
/** Pause between the last join and the first measured message (presence frames and catch-up reads of the joins settle). */
const JOIN_SETTLE_MS = 3000;

interface Sim {
  index: number;
  room: string;
  socket: WebSocket;
  received: Map<string, number>;
  lastSeq: number;
  orderViolations: number;
  acks: Map<string, (ok: boolean) => void>;
}

const latencies: number[] = [];
/** Send → ack (storage path) apart from send → delivery, and this process's own event-loop lag. */
const ackLatencies: number[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let sent = 0;
let acked = 0;
let sendErrors = 0;
const ackedKeys: { key: string; room: string; sender: number }[] = [];

function open(index: number, token: string, room: string, url: string): Promise<Sim> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { cookie: `mb_session=${token}` }, perMessageDeflate: false });
    const sim: Sim = { index, room, socket, received: new Map(), lastSeq: 0, orderViolations: 0, acks: new Map() };
    const timer = setTimeout(() => reject(new Error(`client ${index} did not join in time`)), 60_000);
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; message?: { seq: number; text: string; roomId: string }; clientId?: string; room?: { id: string }; ref?: { clientId?: string }; code?: string };
      if (frame.type === 'hello') socket.send(JSON.stringify({ type: 'join', roomId: room }));
      else if (frame.type === 'joined') {
        clearTimeout(timer);
        resolve(sim);
      } else if (frame.type === 'message' && frame.message) {
        const now = performance.now();
        const { seq, text } = frame.message;
        if (seq <= sim.lastSeq) sim.orderViolations += 1;
        sim.lastSeq = Math.max(sim.lastSeq, seq);
        const [sender, , at] = text.split('|');
        sim.received.set(text, (sim.received.get(text) ?? 0) + 1);
        if (Number(sender) !== index && (sim.received.get(text) ?? 0) === 1) latencies.push(now - Number(at));
      } else if (frame.type === 'ack' && frame.clientId) {
        sim.acks.get(frame.clientId)?.(true);
      } else if (frame.type === 'error') {
        const clientId = frame.ref?.clientId;
        if (clientId) sim.acks.get(clientId)?.(false);
        else log(`error frame for client ${index}: ${JSON.stringify(frame)}`);
      }
    });
    socket.on('error', (error) => reject(error));
  });
}

function say(sim: Sim, n: number): Promise<void> {
  const text = `${sim.index}|${n}|${performance.now()}`;
  const clientId = `b${RUN}-${sim.index}-${n}`;
  const at = performance.now();
  sent += 1;
  return new Promise((resolve) => {
    sim.acks.set(clientId, (ok) => {
      sim.acks.delete(clientId);
      ackLatencies.push(performance.now() - at);
      if (ok) {
        acked += 1;
        ackedKeys.push({ key: text, room: sim.room, sender: sim.index });
      } else sendErrors += 1;
      resolve();
    });
    sim.socket.send(JSON.stringify({ type: 'send', roomId: sim.room, clientId, text }));
  });
}

async function connectAll(count: number, roomOf: (i: number) => string): Promise<Sim[]> {
  const sims: Sim[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      sims[i] = await open(i, plan.tokens[i]!, roomOf(i), plan.urls[i % plan.urls.length]!);
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
  return sims;
}

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const round = (value: number) => Math.round(value * 10) / 10;

function tally(sims: Sim[], membersOf: (room: string) => Sim[]) {
  let expected = 0;
  let delivered = 0;
  let duplicated = 0;
  for (const { key, room, sender } of ackedKeys) {
    for (const member of membersOf(room)) {
      if (member.index === sender) continue;
      expected += 1;
      const count = member.received.get(key) ?? 0;
      if (count > 0) delivered += 1;
      if (count > 1) duplicated += count - 1;
    }
  }
  return {
    connected: sims.length,
    sent,
    acked,
    sendErrors,
    expectedDeliveries: expected,
    delivered,
    lost: expected - delivered,
    duplicated,
    orderViolations: sims.reduce((sum, sim) => sum + sim.orderViolations, 0),
    latencyMs: { p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), p99: round(percentile(latencies, 0.99)), max: round(percentile(latencies, 1)) },
    ackLatencyMs: { p50: round(percentile(ackLatencies, 0.5)), p99: round(percentile(ackLatencies, 0.99)) },
    clientLoopDelayMs: { p50: round(loopDelay.percentile(50) / 1e6), p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
  };
}

async function rooms() {
  const started = performance.now();
  const sims = await connectAll(plan.tokens.length, (i) => plan.rooms[Math.floor(i / plan.roomSize)]!);
  log(`${sims.length} clients joined in ${Math.round(performance.now() - started)} ms`);
  const byRoom = new Map<string, Sim[]>();
  for (const sim of sims) byRoom.set(sim.room, [...(byRoom.get(sim.room) ?? []), sim]);
  // The servers finish the joins' work (presence, catch-up reads) before the steady load is measured, as in the lobby phase.
  await new Promise((resolve) => setTimeout(resolve, JOIN_SETTLE_MS));
  const pending: Promise<void>[] = [];
  const timers: NodeJS.Timeout[] = [];
  loopDelay.reset();
  const stopAt = performance.now() + plan.durationMs;
  for (const sim of sims) {
    let n = 0;
    const tick = () => {
      if (performance.now() >= stopAt) return;
      pending.push(say(sim, n++));
      timers.push(setTimeout(tick, plan.intervalMs));
    };
    timers.push(setTimeout(tick, Math.random() * plan.intervalMs));
  }
  await new Promise((resolve) => setTimeout(resolve, plan.durationMs));
  for (const timer of timers) clearTimeout(timer);
  await Promise.all(pending);
  await new Promise((resolve) => setTimeout(resolve, 2000)); // deliveries still in flight
  const result = tally(sims, (room) => byRoom.get(room) ?? []);
  for (const sim of sims) sim.socket.terminate();
  return result;
}

async function lobby() {
  const room = plan.rooms[0]!;
  const started = performance.now();
  const sims = await connectAll(plan.tokens.length, () => room);
  log(`${sims.length} lobby members joined in ${Math.round(performance.now() - started)} ms`);
  await new Promise((resolve) => setTimeout(resolve, JOIN_SETTLE_MS));
  const broadcaster = await open(-1, plan.broadcasterToken!, room, plan.urls[0]!);
  for (let n = 0; n < (plan.broadcasts ?? 10); n += 1) {
    await say(broadcaster, n);
    await new Promise((resolve) => setTimeout(resolve, plan.intervalMs));
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const result = tally(sims, () => sims);
  for (const sim of [...sims, broadcaster]) sim.socket.terminate();
  return result;
}

const result = plan.phase === 'rooms' ? await rooms() : await lobby();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
