import type { Redis, Result } from 'ioredis';

/** Every Redis key and pub/sub channel of the chat, under the deployment's prefix. */
export class ChatKeys {
  constructor(private readonly prefix: string) {}

  /** Highest sequence stored in the room (only ever raised, after the insert). */
  last = (roomId: string) => `${this.prefix}:chat:last:${roomId}`;
  /** The room's newest messages as client frames, scored by sequence (resync and history read here first). */
  log = (roomId: string) => `${this.prefix}:chat:log:${roomId}`;
  /** clientId → sequence, so a resent message is recognised without touching MongoDB. */
  clientId = (roomId: string, userId: string, clientId: string) => `${this.prefix}:chat:cid:${roomId}:${userId}:${clientId}`;
  /** Per-user hash roomId → last read sequence; its fields are also "the rooms I have joined". */
  reads = (userId: string) => `${this.prefix}:chat:read:${userId}`;
  bucket = (userId: string) => `${this.prefix}:chat:bucket:${userId}`;
  mute = (roomId: string, userId: string) => `${this.prefix}:chat:mute:${roomId}:${userId}`;
  /** Sorted set `<instance>|<userId>|<name>` scored by expiry time (ms). */
  presence = (roomId: string) => `${this.prefix}:chat:presence:${roomId}`;
  /** An event's participant user ids as loaded by one instance for all (JSON `{loadedAt, ids}`, expires with the reload interval). */
  participants = (eventId: string) => `${this.prefix}:chat:participants:${eventId}`;
  /** Raised whenever someone leaves an event's participants: a load that started before must not publish its copy. */
  participantsVersion = (eventId: string) => `${this.prefix}:chat:participants-version:${eventId}`;
  /** Held by the instance loading an event's participants, so the others wait for its copy. */
  participantsLoading = (eventId: string) => `${this.prefix}:chat:participants-loading:${eventId}`;
  /** Which instance stores messages for the whole deployment (value: its instance id, short TTL). */
  writerLease = () => `${this.prefix}:chat:writer`;
  /** Stream of messages other instances hand to the writer instance. */
  writeStream = () => `${this.prefix}:chat:writes`;
  /** Where the writer answers an instance's handed-over messages. */
  writeReplies = (instanceId: string) => `${this.prefix}:chat:write-replies:${instanceId}`;
  roomChannel = (roomId: string) => `${this.prefix}:chat:room:${roomId}`;
  /** Every instance listens here for changes that concern all of them (someone left an event). */
  changesChannel = () => `${this.prefix}:chat:changes`;
  userChannel = (userId: string) => `${this.prefix}:chat:user:${userId}`;
  /** Inverse of roomChannel/userChannel/changesChannel for incoming pub/sub messages. */
  parseChannel(channel: string): { scope: 'room' | 'user' | 'changes'; id: string } | null {
    const base = `${this.prefix}:chat:`;
    if (!channel.startsWith(base)) return null;
    const rest = channel.slice(base.length);
    if (rest.startsWith('room:')) return { scope: 'room', id: rest.slice(5) };
    if (rest.startsWith('user:')) return { scope: 'user', id: rest.slice(5) };
    if (rest === 'changes') return { scope: 'changes', id: '' };
    return null;
  }
}

/**
 * Before a send: an already stored clientId (→ its sequence), an active mute (→ ms left), then the
 * per-user token bucket (→ ms until a token). Returns {0,0} when the send may go ahead.
 * KEYS: bucket, mute, clientId. ARGV: burst, refill per second.
 */
export const PREPARE_SEND = `
local stored = redis.call('GET', KEYS[3])
if stored then return {3, tonumber(stored)} end
local muted = redis.call('PTTL', KEYS[2])
if muted > 0 then return {2, muted} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
if tokens < 1 then return {1, math.ceil((1 - tokens) * 1000 / rate)} end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {0, 0}
`;

/**
 * After a message is stored in MongoDB: raise the room's last sequence, add the frame to the
 * recent log (capped), remember the clientId, mark it read for its sender, and publish it.
 * One round trip, atomic, so the log and the broadcast never disagree.
 * KEYS: last, log, clientId, sender's reads. ARGV: seq, frame, channel, roomId, log cap.
 */
export const COMMIT_MESSAGE = `
local seq = tonumber(ARGV[1])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if seq > last then redis.call('SET', KEYS[1], seq) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], seq, seq)
redis.call('ZADD', KEYS[2], seq, ARGV[2])
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[5]) + 1))
redis.call('SET', KEYS[3], seq, 'EX', 86400)
local read = tonumber(redis.call('HGET', KEYS[4], ARGV[4]) or '0')
if seq > read then redis.call('HSET', KEYS[4], ARGV[4], seq) end
redis.call('PUBLISH', ARGV[3], ARGV[2])
return 1
`;

/** Moves a read marker forward only. KEYS: reads. ARGV: roomId, seq. Returns the marker. */
export const ADVANCE_READ = `
local read = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local seq = tonumber(ARGV[2])
if seq > read then redis.call('HSET', KEYS[1], ARGV[1], seq) return seq end
return read
`;

/**
 * The scripts as Redis commands: ioredis sends each script once and then calls it by its SHA
 * (EVALSHA), instead of sending the script text with every message and having Redis hash it again.
 */
export function defineChatScripts(redis: Redis): void {
  if (typeof redis.chatCommit === 'function') return;
  redis.defineCommand('chatPrepareSend', { numberOfKeys: 3, lua: PREPARE_SEND });
  redis.defineCommand('chatCommit', { numberOfKeys: 4, lua: COMMIT_MESSAGE });
  redis.defineCommand('chatAdvanceRead', { numberOfKeys: 1, lua: ADVANCE_READ });
}

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** PREPARE_SEND. */
    chatPrepareSend(bucket: string, mute: string, clientId: string, burst: number, refillPerSecond: number): Result<[number, number], Context>;
    /** COMMIT_MESSAGE. */
    chatCommit(last: string, log: string, clientId: string, reads: string, seq: number, frame: string, channel: string, roomId: string, logCap: number): Result<number, Context>;
    /** ADVANCE_READ. */
    chatAdvanceRead(reads: string, roomId: string, seq: number): Result<number, Context>;
  }
}
