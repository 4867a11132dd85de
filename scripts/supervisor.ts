import { spawn, type ChildProcess } from 'node:child_process';

export interface Program {
  /** Shown in log lines: `api`, `worker`. */
  name: string;
  command: string;
  args: string[];
}

export interface SupervisorOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: (line: string) => void;
  /** Delay before the first restart; it doubles with every crash in a row, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A program that ran this long counts as healthy: its next crash starts the back-off afresh. */
  stableMs?: number;
  /** How long a program may take to stop after SIGTERM before it is killed. */
  stopGraceMs?: number;
}

/** Milliseconds to wait before restarting a program that crashed `crashesInRow` times in a row (≥ 1). */
export function restartDelay(crashesInRow: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, crashesInRow - 1));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Keeps long-running programs up: one that exits for any reason is started again after a back-off,
 * with a log line, while the others keep running. `stop()` sends each one SIGTERM once and waits.
 * Programs run in their own process group, so a Ctrl-C in the terminal reaches only the supervisor
 * and each program gets one SIGTERM from it (a second signal would cut their graceful stop short).
 */
export class Supervisor {
  private readonly running = new Map<string, ChildProcess>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopping = false;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly stableMs: number;
  private readonly stopGraceMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.stableMs = options.stableMs ?? 60_000;
    this.stopGraceMs = options.stopGraceMs ?? 15_000;
  }

  start(program: Program): void {
    this.launch(program, 0);
  }

  /** The running process of a program (tests and log lines use its pid). */
  pid(name: string): number | undefined {
    return this.running.get(name)?.pid;
  }

  /**
   * Sends every program SIGTERM and resolves when all have exited. Calling it again sends SIGTERM
   * again, which makes the API and the worker skip their graceful stop (a second Ctrl-C).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running.entries()].map(([name, child]) => this.terminate(name, child)));
  }

  private launch(program: Program, crashesInRow: number): void {
    const startedAt = Date.now();
    const child = spawn(program.command, program.args, {
      cwd: this.options.cwd,
      env: this.options.env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    this.running.set(program.name, child);
    this.options.log(`${program.name} started (pid ${child.pid})`);
    child.once('error', (error) => this.options.log(`${program.name} could not be started: ${error.message}`));
    child.once('exit', (code, signal) => {
      this.running.delete(program.name);
      if (this.stopping) return;
      const ranMs = Date.now() - startedAt;
      const crashes = ranMs >= this.stableMs ? 1 : crashesInRow + 1;
      const delay = restartDelay(crashes, this.baseDelayMs, this.maxDelayMs);
      const how = signal ? `signal ${signal}` : `code ${code}`;
      this.options.log(`${program.name} exited (${how}) after ${seconds(ranMs)}; restarting in ${seconds(delay)} (crash ${crashes} in a row)`);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.launch(program, crashes);
      }, delay);
      this.timers.add(timer);
    });
  }

  private terminate(name: string, child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.options.log(`${name} did not stop within ${seconds(this.stopGraceMs)}; killing it`);
        child.kill('SIGKILL');
      }, this.stopGraceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
