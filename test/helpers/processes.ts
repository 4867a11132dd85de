import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1');
  });
}

export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portOpen(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listening on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

export interface ChildOutput {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts a process and collects its stdout and stderr for assertions and failure messages. */
export function startProcess(command: string, args: string[], env: Record<string, string> = {}): ChildOutput {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Runs a TypeScript entry point of this repository (server/main.ts, workers/main.ts) with tsx. */
export function startTsProcess(entry: string, env: Record<string, string>): ChildOutput {
  return startProcess(process.execPath, ['--import', 'tsx', join(ROOT, entry)], env);
}

export async function stopProcess(proc: ChildOutput, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.child.exitCode;
  proc.child.kill(signal);
  return proc.exited;
}

/**
 * A private redis-server on its own port, for tests that stop and start Redis. With `dataDir` it
 * keeps an append-only file there (fsync on every write), so queued jobs survive a restart.
 */
export async function startPrivateRedis(port: number, dataDir?: string): Promise<ChildOutput> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'mb-redis-'));
  const persistence = dataDir ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const proc = startProcess('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', ...persistence]);
  await waitForPort(port);
  return proc;
}

/** A private MongoDB-compatible server (mongod or FerretDB) with its data in `dataDir`. */
export async function startPrivateMongo(port: number, dataDir: string, ferretdbBinary: string | null): Promise<ChildOutput> {
  const proc = ferretdbBinary
    ? startProcess(ferretdbBinary, ['-listen', `127.0.0.1:${port}`, '-data', dataDir])
    : startProcess('mongod', ['--bind_ip', '127.0.0.1', '--port', String(port), '--dbpath', dataDir]);
  await waitForPort(port);
  return proc;
}
