/**
 * `npm start` after scripts/start.sh has the databases up and the client built: keeps a session
 * secret for local runs, loads the demo data into an empty database, then supervises the API and
 * the worker (see supervisor.ts) until Ctrl-C. The databases are not its children: they keep
 * running until `npm run services:down`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, localDataDir } from '../server/config';
import { ensureLocalSecret } from './local-secret';
import { Supervisor } from './supervisor';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => process.stderr.write(`[supervisor] ${line}\n`);
const tsEntry = (file: string, ...args: string[]) => ({ command: process.execPath, args: ['--import', 'tsx', file, ...args] });

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] }).once('exit', resolve);
  });
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!env['SESSION_SECRET']) env['SESSION_SECRET'] = ensureLocalSecret(localDataDir(env));
  // Fail here, once, with the list of bad variables, rather than in a restart loop.
  const config = loadConfig(env);

  const seed = tsEntry('scripts/seed.ts', '--if-empty');
  const seeded = await runToEnd(seed.command, seed.args, env);
  if (seeded !== 0) throw new Error('loading the demo data failed (see above)');

  const supervisor = new Supervisor({ env, cwd: ROOT, log });
  supervisor.start({ name: 'api', ...tsEntry('server/main.ts') });
  supervisor.start({ name: 'worker', ...tsEntry('workers/main.ts') });
  log(`Matchbridge is starting on ${config.PUBLIC_URL} (Ctrl-C stops the API and the worker; the databases keep running)`);

  const stop = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the API and the worker`);
    void supervisor.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log(error instanceof ConfigError ? error.message : `failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
