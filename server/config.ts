import { Type, type Static } from '@sinclair/typebox';
import { Value, type ValueError } from '@sinclair/typebox/value';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RANKING, MATCH_BANDS } from '../matching';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

/**
 * Every setting Matchbridge reads from the environment, with local defaults.
 * This is the only module that touches process.env: everything else receives a Config.
 */
const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  /**
   * The local databases (scripts/services.sh starts them on these ports, with their data in
   * MB_DATA_DIR). MONGODB_URI and REDIS_URL follow the ports unless they are set themselves, so one
   * set of variables moves the databases and everything that connects to them.
   */
  MB_MONGO_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 27017 }),
  MB_REDIS_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 6379 }),
  /** Local data: the databases' files and the generated session secret (see scripts/local-secret.ts). */
  MB_DATA_DIR: Type.String({ minLength: 1, default: DEFAULT_DATA_DIR }),
  /** Default: `mongodb://127.0.0.1:<MB_MONGO_PORT>/matchbridge`. */
  MONGODB_URI: Type.String({ pattern: '^mongodb(\\+srv)?://.+', default: 'mongodb://127.0.0.1:27017/matchbridge' }),
  /** Default: `redis://127.0.0.1:<MB_REDIS_PORT>`. */
  REDIS_URL: Type.String({ pattern: '^rediss?://.+', default: 'redis://127.0.0.1:6379' }),
  /** Prefix for BullMQ keys, so several deployments or test files can share one Redis. */
  QUEUE_PREFIX: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_:-]+$', default: 'mb' }),
  SESSION_SECRET: Type.String({ minLength: 32, default: 'dev-only-session-secret-change-me-in-production!' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  /** Public URL of the web app, used in mails and for Secure cookies behind TLS. Default: `http://<HOST>:<PORT>`. */
  PUBLIC_URL: Type.String({ pattern: '^https?://.+', default: 'http://127.0.0.1:3000' }),
  /**
   * Trust X-Forwarded-For from a reverse proxy in front of the API. Off by default: otherwise any
   * client could pick its own address and walk around the per-address rate limits.
   */
  TRUST_PROXY: Type.Boolean({ default: false }),
  /**
   * Sign-in: the first pause of an account after its failed attempts (seconds); each further
   * failure doubles it, up to an hour (server/modules/accounts/login-throttle.ts).
   */
  LOGIN_PAUSE_BASE_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  /** Milliseconds a readiness probe waits for MongoDB or Redis before calling it down. */
  READY_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1500 }),
  WORKER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
  /** How long a job's lock lives without renewal; a crashed worker's job is retried after it. */
  WORKER_LOCK_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 30_000 }),
  /** Matches kept per need and per research output (matching/rank.ts). */
  MATCH_TOP_K: Type.Integer({ minimum: 1, maximum: 200, default: DEFAULT_RANKING.topK }),
  /** Text candidates the worker re-scores with structured signals per item. */
  MATCH_CANDIDATES: Type.Integer({ minimum: 1, maximum: 2000, default: DEFAULT_RANKING.candidates }),
  /** A candidate is listed when its text similarity is at least this share of the item's best candidate's. */
  MATCH_RELATIVE_FLOOR: Type.Number({ minimum: 0, maximum: 1, default: DEFAULT_RANKING.relativeFloor }),
  /** Below this text similarity (0–100) a pair shares only a stray word and is never a match. */
  MATCH_MIN_SIMILARITY: Type.Number({ minimum: 0, maximum: 100, default: DEFAULT_RANKING.minSimilarity }),
  /** New matches at or above this score notify both sides (default: the "strong" band). */
  NOTIFY_MIN_SCORE: Type.Number({ minimum: 0, maximum: 100, default: MATCH_BANDS.strong }),
  /** Run the nightly full rescore and the daily digest on a schedule (off in tests). */
  SCHEDULES_ENABLED: Type.Boolean({ default: true }),
  /** Chat: messages a user may send in a burst, then how many per second (token bucket, per user). */
  CHAT_RATE_BURST: Type.Integer({ minimum: 1, maximum: 10_000, default: 10 }),
  CHAT_RATE_PER_SECOND: Type.Number({ minimum: 0.01, maximum: 10_000, default: 1 }),
  /** Chat: how often every socket's session and room memberships are re-checked (ms). */
  CHAT_SWEEP_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 60_000 }),
  /**
   * Chat: how often an event's participant set is re-read from the database (ms). Withdrawals
   * through the API take effect at once; this bounds changes made behind its back.
   */
  CHAT_PARTICIPANTS_RELOAD_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 60_000 }),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN_KEYS = Object.keys(ConfigSchema.properties) as (keyof Config)[];

/** Reads and validates the configuration once; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of KNOWN_KEYS) {
    const value = env[key];
    // An empty variable means "not set" so a blank line in an env file keeps the default.
    if (value !== undefined && value !== '') raw[key] = value;
  }
  // A copy: Value.Default fills in place, and `raw` must still say which variables were set.
  const withDefaults = Value.Default(ConfigSchema, { ...raw });
  const converted = Value.Convert(ConfigSchema, withDefaults);
  const problems = [...Value.Errors(ConfigSchema, converted)].map((error) => {
    const variable = error.path.slice(1);
    return `${variable}=${JSON.stringify(env[variable])}: ${describeProblem(error)}`;
  });
  if (problems.length > 0) throw new ConfigError(dedupeByVariable(problems));
  const config = followOtherSettings(converted as Config, raw);
  if (config.SESSION_SECRET === ConfigSchema.properties.SESSION_SECRET.default) {
    // Anyone can read the default in this repository and forge calendar feed tokens with it.
    if (config.NODE_ENV === 'production') {
      throw new ConfigError(['SESSION_SECRET: must be set to a secret of at least 32 characters in production']);
    }
    if (!isLoopback(config.HOST)) {
      throw new ConfigError([
        `SESSION_SECRET: the default secret is only allowed while the API listens on loopback, not HOST=${config.HOST}; set at least 32 random characters (npm start keeps one in MB_DATA_DIR/session-secret)`,
      ]);
    }
  }
  return config;
}

/**
 * Where local runs keep their data. `npm start` needs it before the whole config can load: the
 * session secret it keeps there is what lets the config load.
 */
export function localDataDir(env: Record<string, string | undefined> = process.env): string {
  return env['MB_DATA_DIR'] || DEFAULT_DATA_DIR;
}

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Fills the settings whose default is derived from others (the database URLs, PUBLIC_URL) when they are not set. */
function followOtherSettings(config: Config, given: Record<string, unknown>): Config {
  const derived = { ...config };
  if (given['MONGODB_URI'] === undefined) derived.MONGODB_URI = `mongodb://127.0.0.1:${config.MB_MONGO_PORT}/matchbridge`;
  if (given['REDIS_URL'] === undefined) derived.REDIS_URL = `redis://127.0.0.1:${config.MB_REDIS_PORT}`;
  if (given['PUBLIC_URL'] === undefined) {
    // A wildcard address is no place a browser can go to; this machine's loopback is.
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
    derived.PUBLIC_URL = `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
  }
  return derived;
}

/** Turns a schema error into words a person can act on (allowed values, expected format). */
function describeProblem(error: ValueError): string {
  const schema = error.schema as { anyOf?: { const?: unknown }[]; pattern?: string };
  const allowed = schema.anyOf?.map((option) => option.const);
  if (allowed?.every((value) => typeof value === 'string')) return `must be one of ${allowed.join(', ')}`;
  if (schema.pattern) return `must match ${schema.pattern}`;
  return error.message.toLowerCase();
}

/** TypeBox reports one error per failed union branch; a person needs one line per variable. */
function dedupeByVariable(problems: string[]): string[] {
  const seen = new Map<string, string>();
  for (const problem of problems) {
    const variable = problem.slice(0, problem.indexOf('='));
    if (!seen.has(variable)) seen.set(variable, problem);
  }
  return [...seen.values()];
}

/** For entry points: the config, or exit 1 with the list of bad variables on stderr. */
export function loadConfigOrExit(processName: string): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${processName}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
