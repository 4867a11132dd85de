import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    redisUrl: string;
    /** The FerretDB binary the services script built, or null when a real mongod is used. */
    ferretdbBinary: string | null;
  }
}

/**
 * Makes sure MongoDB-compatible and Redis servers are running once for the whole integration run
 * (the same script the README's commands use) and hands their URLs to every test file.
 */
export default function setup(project: TestProject): void {
  const services = `${ROOT}scripts/services.sh`;
  execFileSync('bash', [services, 'up'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const env = Object.fromEntries(
    execFileSync('bash', [services, 'env'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const hasMongod = (() => {
    try {
      execFileSync('bash', ['-c', 'command -v mongod'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  project.provide('mongoUri', env['MONGODB_URI'] ?? '');
  project.provide('redisUrl', env['REDIS_URL'] ?? '');
  project.provide(
    'ferretdbBinary',
    hasMongod ? null : execFileSync('bash', [services, 'ferretdb-binary'], { encoding: 'utf8' }).trim(),
  );
}
