import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The session secret of a local run: generated once, kept in `<dataDir>/session-secret` readable by
 * its owner only, and reused on every start so sessions and calendar feed URLs survive restarts.
 * Without it, local runs would sign feed tokens with the default secret that anyone can read here.
 */
export function ensureLocalSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    // wx: two starts at once must not overwrite each other's secret.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // An older copy may have been created or copied with looser permissions.
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds fewer than 32 characters; delete it to get a new secret`);
  return secret;
}
