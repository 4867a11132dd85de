import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLocalSecret } from '../../../scripts/local-secret';

describe('the session secret of a local run', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mb-secret-'));
    dirs.push(dir);
    return join(dir, 'data');
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is generated once, readable by its owner only, and reused on the next start', () => {
    const dir = dataDir();
    const secret = ensureLocalSecret(dir);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(ensureLocalSecret(dir)).toBe(secret);
    expect(ensureLocalSecret(dataDir())).not.toBe(secret);
  });

  it('tightens a copy with loose permissions and refuses one too short to be a secret', () => {
    const dir = dataDir();
    ensureLocalSecret(dir);
    const file = join(dir, 'session-secret');
    chmodSync(file, 0o644);
    ensureLocalSecret(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(64);
    writeFileSync(file, 'short\n');
    expect(() => ensureLocalSecret(dir)).toThrow(/fewer than 32 characters/);
  });
});
