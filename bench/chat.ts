/**
 * npm run bench:chat — live chat under load on real servers. The API runs as separate processes
 * (one instance, then two sharing MongoDB and Redis), the clients in another process with real `ws`
 * connections: N clients in rooms of 10, each sending a message every 5 s, then a broadcast to a
 * 1,000-member lobby. Baseline in the same run: the one-instance figures for the two-instance run.
 * On two shared cores a 30 s p99 moves by a third from run to run, so the rooms load runs in
 * BENCH_ROUNDS rounds, alternating which setup goes first, and the ratio reported is the median of
 * the rounds' ratios (each round's figures are printed too).
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { buildApp } from '../server/app';
import { loadConfig, type Config } from '../server/config';
import { configEnv } from '../test/helpers/config';
import { freePort, startProcess, startTsProcess, stopProcess, waitForPort, type ChildOutput } from '../test/helpers/processes';
import { dropDatabase } from '../test/helpers/app';
import type { ClientPlan } from './chat/clients';
import { seedChatBench } from './chat/seed';

const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 2000);
const LOBBY = Number(process.env['BENCH_LOBBY'] ?? 1000);
const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 30_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const ROOM_SIZE = 10;
const INTERVAL_MS = 5000;
const log = (message: string) => process.stderr.write(`[bench:chat] ${message}\n`);

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function startApis(config: Config, count: number): Promise<{ urls: string[]; procs: ChildOutput[] }> {
  const urls: string[] = [];
  const procs: ChildOutput[] = [];
  for (let i = 0; i < count; i += 1) {
    const port = await freePort();
    // Node refuses --cpu-prof in NODE_OPTIONS, so a profiled instance gets it as an argument.
    const profileDir = process.env['BENCH_PROFILE_DIR'];
    const env = { ...configEnv(config), PORT: String(port), LOG_LEVEL: 'warn' };
    const proc = profileDir
      ? startProcess(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'server/main.ts'], env)
      : startTsProcess('server/main.ts', env);
    process.once('exit', () => proc.child.kill('SIGKILL'));
    await waitForPort(port, 60_000);
    urls.push(`ws://127.0.0.1:${port}/api/ws`);
    procs.push(proc);
  }
  return { urls, procs };
}

/** Runs one client process with a plan; samples every API process's RSS meanwhile. */
async function runClients(plan: ClientPlan, procs: ChildOutput[]) {
  const file = join(tmpdir(), `bench-chat-plan-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(plan));
  const client = startProcess(process.execPath, ['--import', 'tsx', 'bench/chat/clients.ts'], { BENCH_PLAN: file });
  const peak = procs.map(() => 0);
  const sampler = setInterval(() => procs.forEach((proc, i) => (peak[i] = Math.max(peak[i]!, rssMb(proc.child.pid!)))), 500);
  const code = await client.exited;
  clearInterval(sampler);
  const output = client.output();
  const line = output.split('\n').find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`client process failed (${code}):\n${output.slice(-3000)}`);
  for (const l of output.split('\n')) if (l.startsWith('[bench:chat clients]')) log(l);
  return { ...(JSON.parse(line) as Record<string, unknown>), serverRssMb: peak };
}

/** One setup (one or two API instances): the rooms load, then (in the first round) the lobby broadcast. */
async function scenario(config: Config, instances: number, data: Awaited<ReturnType<typeof seedChatBench>>, withLobby: boolean) {
  log(`starting ${instances} API instance(s)`);
  const { urls, procs } = await startApis(config, instances);
  try {
    log(`rooms: ${CLIENTS} clients in rooms of ${ROOM_SIZE}, one message every ${INTERVAL_MS / 1000} s each, for ${DURATION_MS / 1000} s`);
    const rooms = await runClients(
      { urls, tokens: data.tokens.slice(0, CLIENTS), phase: 'rooms', rooms: data.topicRooms, roomSize: ROOM_SIZE, durationMs: DURATION_MS, intervalMs: INTERVAL_MS },
      procs,
    );
    log(`rooms: ${JSON.stringify(rooms)}`);
    if (!withLobby) return { instances, rooms };
    log(`lobby: broadcast to ${LOBBY} members`);
    const lobby = await runClients(
      { urls, tokens: data.tokens.slice(0, LOBBY), phase: 'lobby', rooms: [data.lobby], roomSize: LOBBY, durationMs: 0, intervalMs: 1000, broadcasterToken: data.organizerToken, broadcasts: 10 },
      procs,
    );
    log(`lobby: ${JSON.stringify(lobby)}`);
    return { instances, rooms, lobby };
  } finally {
    for (const proc of procs) await stopProcess(proc);
    if (process.env['BENCH_DEBUG']) procs.forEach((proc, i) => log(`instance ${i} output:\n${proc.output().slice(-20000)}`));
  }
}

type Run = Awaited<ReturnType<typeof scenario>>;
const roomsOf = (run: Run) => run.rooms as unknown as { latencyMs: { p99: number }; lost: number; duplicated: number };
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ratio = (a: number, b: number) => Math.round((a / Math.max(1, b)) * 100) / 100;

async function main() {
  execFileSync('bash', ['scripts/services.sh', 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const env = Object.fromEntries(execFileSync('bash', ['scripts/services.sh', 'env'], { encoding: 'utf8' }).trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const mongoUrl = new URL(env['MONGODB_URI']!);
  mongoUrl.pathname = '/matchbridge_bench_chat';
  const config = loadConfig({
    MONGODB_URI: mongoUrl.toString(), REDIS_URL: env['REDIS_URL'], QUEUE_PREFIX: 'benchchat', LOG_LEVEL: 'silent', SCHEDULES_ENABLED: 'false',
  });
  const redis = new Redis(config.REDIS_URL);
  const clearKeys = async () => {
    for (const key of await redis.keys('benchchat:*')) await redis.del(key);
  };
  await clearKeys();
  await dropDatabase(config);
  const app = await buildApp(config, { logger: false });
  const started = Date.now();
  const data = await seedChatBench(app, Math.max(CLIENTS, LOBBY), ROOM_SIZE);
  await app.close();
  log(`seeded ${data.tokens.length} people, ${data.topicRooms.length} rooms in ${Date.now() - started} ms`);

  try {
    process.stdout.write(`${JSON.stringify(await measure(config, data), null, 2)}\n`);
  } finally {
    await clearKeys();
    redis.disconnect();
    await dropDatabase(config);
  }
}

/** The first round with the lobby, then rooms-only rounds; BENCH_ONE_ONLY stops after one instance. */
async function measure(config: Config, data: Awaited<ReturnType<typeof seedChatBench>>) {
  const firstOne = await scenario(config, 1, data, true);
  if (process.env['BENCH_ONE_ONLY']) return { benchmark: 'chat', clients: CLIENTS, oneInstance: firstOne };
  const firstTwo = await scenario(config, 2, data, true);
  const rounds = [{ oneInstance: firstOne, twoInstances: firstTwo }];
  for (let round = 2; round <= ROUNDS; round += 1) {
    log(`round ${round} of ${ROUNDS}`);
    // Alternating which setup runs first cancels a drift of the machine over the run.
    const twoFirst = round % 2 === 0;
    const a = await scenario(config, twoFirst ? 2 : 1, data, false);
    const b = await scenario(config, twoFirst ? 1 : 2, data, false);
    rounds.push(twoFirst ? { oneInstance: b, twoInstances: a } : { oneInstance: a, twoInstances: b });
  }
  const perRound = rounds.map(({ oneInstance, twoInstances }) => {
    const [one, two] = [roomsOf(oneInstance), roomsOf(twoInstances)];
    return {
      oneP99Ms: one.latencyMs.p99,
      twoP99Ms: two.latencyMs.p99,
      ratio: ratio(two.latencyMs.p99, one.latencyMs.p99),
      lost: one.lost + two.lost,
      duplicated: one.duplicated + two.duplicated,
    };
  });
  return {
    benchmark: 'chat',
    clients: CLIENTS,
    roomSize: ROOM_SIZE,
    messageIntervalSeconds: INTERVAL_MS / 1000,
    durationSeconds: DURATION_MS / 1000,
    lobbyMembers: LOBBY,
    oneInstance: firstOne,
    twoInstances: firstTwo,
    rounds: perRound,
    twoVsOneP99Ratio: Math.round(median(perRound.map((r) => r.ratio)) * 100) / 100,
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:chat failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
