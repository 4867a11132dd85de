import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { mongo } from 'mongoose';
import type { RedisEntry } from './redis-state';

/**
 * The backup archive: gzip'd JSON lines, documents in canonical Extended JSON so ObjectIds, dates, 64-bit
 * integers, decimals and binary data come back as the same BSON types (plain JSON would turn them
 * into strings and doubles). One header line, then one line per document or Redis key, then an
 * end line whose totals tell a complete archive from a cut-off one.
 */
export const FORMAT = 'matchbridge-backup';
export const VERSION = 1;

export interface ArchiveHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  database: string;
  /** Document counts as estimated when the backup started (for progress bars). */
  collections: { name: string; estimatedCount: number }[];
}

export type ArchiveLine =
  | { header: ArchiveHeader }
  | { collection: string; document: mongo.Document }
  | { redis: RedisEntry }
  | { end: { documents: number; redisKeys: number } };

const { EJSON } = mongo.BSON;

// Documents in canonical Extended JSON; the archive's own lines (header, Redis, end) in plain JSON,
// where a number is a number and not an {"$numberInt": …} wrapper.
function serialize(line: ArchiveLine): string {
  if (!('document' in line)) return JSON.stringify(line);
  return `{"collection":${JSON.stringify(line.collection)},"document":${EJSON.stringify(line.document, { relaxed: false })}}`;
}

function deserialize(text: string): ArchiveLine {
  const line = JSON.parse(text) as ArchiveLine;
  if ('document' in line) line.document = EJSON.deserialize(line.document, { relaxed: false }) as mongo.Document;
  return line;
}

export class ArchiveWriter {
  private readonly gzip = createGzip();
  private readonly done: Promise<unknown>;

  constructor(file: string) {
    const out = createWriteStream(file, { mode: 0o600 });
    this.gzip.pipe(out);
    this.done = once(out, 'finish');
  }

  async write(line: ArchiveLine): Promise<void> {
    // Respect back-pressure so a large collection never piles up in memory.
    if (!this.gzip.write(`${serialize(line)}\n`)) await once(this.gzip, 'drain');
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }
}

/** The archive's lines in order; throws on a file that is not a complete Matchbridge backup. */
export async function* readArchive(file: string): AsyncGenerator<ArchiveLine> {
  // pipeline, not pipe: a missing or unreadable file must end the loop with its error.
  const input = pipeline(createReadStream(file), createGunzip(), () => undefined);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let first = true;
  let ended = false;
  for await (const text of lines) {
    if (text === '') continue;
    const line = deserialize(text);
    if (first && (!('header' in line) || line.header.format !== FORMAT || line.header.version !== VERSION)) {
      throw new Error(`${file} is not a ${FORMAT} version ${VERSION} archive`);
    }
    first = false;
    if ('end' in line) ended = true;
    yield line;
  }
  if (!ended) throw new Error(`${file} ends early (no end line): the backup that wrote it did not finish`);
}

/** Reads only the header (for totals and checks before anything is changed). */
export async function readHeader(file: string): Promise<ArchiveHeader> {
  for await (const line of readArchive(file)) {
    if ('header' in line) return line.header;
  }
  throw new Error(`${file} has no header`);
}
