/**
 * npm run bench:pipeline — the match pipeline at scale, against the same local services the tests
 * use: 50k published research outputs and 5k needs in the database, a real worker process, the
 * API on a real port. Measures the time from POSTing (and publishing) a new need to its matches
 * being readable through the API, a full rescore's throughput, stalled jobs and Redis memory.
 * Baseline in the same run: the round trip of the trivial `ping` job through the same queue
 * machinery. Prints one JSON object on stdout; progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { Types } from 'mongoose';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { bullConnection, enqueue, type JobResults } from '../workers/queues';
import { configEnv } from '../test/helpers/config';
import { freePort, startTsProcess, stopProcess, waitFor } from '../test/helpers/processes';
import { testQueues } from '../test/helpers/worker';
import { dropDatabase } from '../test/helpers/app';
import { needs as seedNeeds } from '../fixtures/seed/needs';
import { loadSynthetic } from './pipeline/synthetic-listings';

const OUTPUTS = Number(process.env['BENCH_OUTPUTS'] ?? 50_000);
const NEEDS = Number(process.env['BENCH_NEEDS'] ?? 5_000);
const POSTS = Number(process.env['BENCH_POSTS'] ?? 100);
/** BENCH_RESCORE=0 skips the full rescore (it takes the longest) when only latency is wanted. */
const RESCORE = process.env['BENCH_RESCORE'] !== '0';
const log = (message: string) => process.stderr.write(`[bench:pipeline] ${message}\n`);
const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
const round = (value: number) => Math.round(value * 10) / 10;

async function main() {
  execFileSync('bash', ['scripts/services.sh', 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const env = Object.fromEntries(execFileSync('bash', ['scripts/services.sh', 'env'], { encoding: 'utf8' }).trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const mongoUrl = new URL(env['MONGODB_URI']!);
  mongoUrl.pathname = '/matchbridge_bench_pipeline';
  const port = await freePort();
  const config = loadConfig({
    MONGODB_URI: mongoUrl.toString(), REDIS_URL: env['REDIS_URL'], QUEUE_PREFIX: 'benchpipe', PORT: String(port),
    LOG_LEVEL: 'silent', SCHEDULES_ENABLED: 'false', NOTIFY_MIN_SCORE: '100',
  });
  const redis = new Redis(config.REDIS_URL);
  for (const key of await redis.keys('benchpipe:*')) await redis.del(key);

  // Data: organizations and accounts through the services, listings in bulk.
  await dropDatabase(config);
  let app = await buildApp(config, { logger: false });
  const { organizations, accounts } = app.services;
  const university = await organizations.insert({ kind: 'university', name: 'Bench University', country: 'DE' }, { verified: true });
  const sme = await organizations.insert({ kind: 'sme', name: 'Bench SME', country: 'DE', headcount: 30, annualTurnoverEur: 4_000_000 });
  const member = await accounts.createUser({ email: 'sme@bench.example', password: 'bench-password-123', name: 'Bench SME member' });
  await organizations.addMember(sme.id, member.id, 'admin');
  await accounts.createUser({ email: 'admin@bench.example', password: 'bench-password-123', name: 'Bench admin', platformAdmin: true });
  let started = Date.now();
  await loadSynthetic(app.mongo, { universityId: new Types.ObjectId(university.id), smeId: new Types.ObjectId(sme.id), authorId: new Types.ObjectId(member.id) },
    { outputs: OUTPUTS, needs: NEEDS }, (done) => done % 10_000 === 0 && log(`loaded ${done} listings`));
  const loadSeconds = (Date.now() - started) / 1000;
  await app.close();

  // The API (its search index loads all listings) and one worker process.
  started = Date.now();
  app = await buildApp(config, { logger: false });
  await app.listen({ host: '127.0.0.1', port });
  const apiStartSeconds = (Date.now() - started) / 1000;
  started = Date.now();
  const worker = startTsProcess('workers/main.ts', { ...configEnv(config), NODE_OPTIONS: '--max-old-space-size=4096' });
  // Never leave a worker behind: a stray one would take the next run's jobs with stale data.
  process.once('exit', (code) => {
    if (code !== 0) log(`worker output:\n${worker.output().slice(-3000)}`);
    worker.child.kill('SIGKILL');
  });
  await waitFor(async () => worker.output().includes('worker ready'), 600_000, 'the worker to load every listing');
  const workerStartSeconds = (Date.now() - started) / 1000;
  log(`API up in ${apiStartSeconds}s, worker in ${workerStartSeconds}s`);

  const queues = testQueues(config);
  const events = new QueueEvents('matching', { connection: bullConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  let stalled = 0;
  events.on('stalled', () => (stalled += 1));
  await events.waitUntilReady();

  // Baseline: the ping job's round trip through Redis and a worker.
  const maintenanceEvents = new QueueEvents('maintenance', { connection: bullConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  await maintenanceEvents.waitUntilReady();
  const pings: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const t = performance.now();
    const job = await enqueue(queues, 'ping', { requestedAt: `${new Date().toISOString()} #${i}` });
    await job.waitUntilFinished(maintenanceEvents, 120_000);
    pings.push(performance.now() - t);
  }
  await maintenanceEvents.close();

  const base = `http://127.0.0.1:${port}`;
  const login = async (email: string) => {
    const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-123' }) });
    return /mb_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  };
  const cookie = await login('sme@bench.example');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: response.status, json: await response.json(), computedAt: response.headers.get('matches-computed-at') };
  };

  const latencies: number[] = [];
  const apiWrites: number[] = [];
  const matchReads: number[] = [];
  let withMatches = 0;
  for (let i = 0; i < POSTS; i += 1) {
    const seed = seedNeeds[i % seedNeeds.length]!;
    const t = performance.now();
    const created = await call('POST', '/api/needs', { organizationId: sme.id, title: `${seed.title} (${i})`, problem: seed.problem, desiredOutcome: seed.desiredOutcome, sectors: seed.sectors, minTrl: seed.minTrl, collaborationTypes: seed.collaborationTypes, budgetBand: seed.budgetBand, timeline: seed.timeline });
    await call('POST', `/api/needs/${created.json.id}/publish`);
    apiWrites.push(performance.now() - t);
    await waitFor(async () => {
      // Readable = computed (some needs rightly have no match at all).
      const read = performance.now();
      const matches = await call('GET', `/api/needs/${created.json.id}/matches`);
      matchReads.push(performance.now() - read);
      if (matches.status === 200 && matches.computedAt) withMatches += matches.json.length > 0 ? 1 : 0;
      return matches.status === 200 && matches.computedAt !== null;
    }, 60_000, `matches for need ${i}`).catch((error: unknown) => {
      throw new Error(`${String(error)}\nworker output:\n${worker.output().slice(-3000)}`, { cause: error });
    });
    latencies.push(performance.now() - t);
    if ((i + 1) % 20 === 0) log(`posted ${i + 1}/${POSTS} needs`);
  }

  // Where the time went: waiting in the queue, and running in the worker.
  const jobs = (await queues.matching.getJobs(['completed'], 0, 1000)).filter((job) => job.name === 'match-listing' && job.processedOn && job.finishedOn);
  const jobRun = jobs.map((job) => job.finishedOn! - job.processedOn!);
  const queueWait = jobs.map((job) => job.processedOn! - job.timestamp);

  // Full rescore with one worker.
  const result = RESCORE ? await fullRescore(queues, events) : null;

  const memory = await redis.info('memory');
  const usedMemory = Number(/used_memory:(\d+)/.exec(memory)?.[1] ?? 0);

  const report = {
    data: { outputs: OUTPUTS, needs: NEEDS, loadSeconds: round(loadSeconds), apiStartSeconds: round(apiStartSeconds), workerStartSeconds: round(workerStartSeconds) },
    newNeedToMatches: { posts: POSTS, withMatches, p50Ms: round(percentile(latencies, 0.5)), p95Ms: round(percentile(latencies, 0.95)), maxMs: round(Math.max(...latencies)),
      matchJobRunP50Ms: round(percentile(jobRun, 0.5)), matchJobRunP95Ms: round(percentile(jobRun, 0.95)), queueWaitP50Ms: round(percentile(queueWait, 0.5)),
      createAndPublishP50Ms: round(percentile(apiWrites, 0.5)), matchesReadP50Ms: round(percentile(matchReads, 0.5)) },
    baseline: { pingJobP50Ms: round(percentile(pings, 0.5)), pingJobP95Ms: round(percentile(pings, 0.95)), newNeedP50VsPing: round(percentile(latencies, 0.5) / percentile(pings, 0.5)) },
    rescore: result ? { items: result.items, seconds: round(result.seconds), itemsPerSecond: round(result.items / result.seconds), matchesWritten: result.matches, phases: result.phases } : 'skipped (BENCH_RESCORE=0)',
    stalledJobs: stalled,
    redisMemoryMB: round(usedMemory / 1024 / 1024),
    targets: { newNeedP95Ms: 1500, rescoreSeconds: 600, stalledJobs: 0 },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

  await events.close();
  await queues.close();
  await stopProcess(worker);
  await app.close();
  await dropDatabase(config);
  redis.disconnect();
}

/** Starts a full rescore with the one worker and waits for it, logging its progress. */
async function fullRescore(queues: ReturnType<typeof testQueues>, events: QueueEvents) {
  const rescore = await enqueue(queues, 'rescore-all', { requestedBy: 'bench' });
  let lastProgress = -1;
  const progress = setInterval(async () => {
    const value = Number((await queues.matching.getJob(String(rescore.id)))?.progress ?? 0);
    if (value >= lastProgress + 10) {
      lastProgress = value;
      log(`rescore ${value}%`);
    }
  }, 2000);
  try {
    return (await rescore.waitUntilFinished(events, 3_600_000)) as JobResults['rescore-all'];
  } finally {
    clearInterval(progress);
  }
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
