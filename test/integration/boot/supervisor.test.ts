import { afterEach, describe, expect, it } from 'vitest';
import { restartDelay, Supervisor } from '../../../scripts/supervisor';
import { ROOT, waitFor } from '../../helpers/processes';

// Programs that run until stopped, and say so when they get SIGTERM.
const sleeper = (name: string) => ({
  name,
  command: process.execPath,
  args: ['-e', `process.on('SIGTERM', () => { console.error('${name} got SIGTERM'); process.exit(0); }); setInterval(() => {}, 1000);`],
});
const alive = (pid: number | undefined) => {
  try {
    return pid !== undefined && process.kill(pid, 0);
  } catch {
    return false;
  }
};

describe('the supervisor', () => {
  const lines: string[] = [];
  let supervisor: Supervisor | undefined;
  afterEach(async () => {
    await supervisor?.stop();
    lines.length = 0;
  });

  it('doubles the restart delay with every crash in a row, up to a ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((crashes) => restartDelay(crashes, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('restarts a killed program with a log line while the other keeps running, and stops both', async () => {
    supervisor = new Supervisor({ env: process.env, cwd: ROOT, log: (line) => lines.push(line), baseDelayMs: 200, stableMs: 60_000 });
    supervisor.start(sleeper('api'));
    supervisor.start(sleeper('worker'));
    const api = supervisor.pid('api');
    const worker = supervisor.pid('worker');
    expect(alive(api) && alive(worker)).toBe(true);

    process.kill(worker!, 'SIGKILL');
    const restarted = await waitFor(async () => {
      const pid = supervisor!.pid('worker');
      return pid !== undefined && pid !== worker && pid;
    }, 10_000, 'the worker to be restarted');
    expect(lines.find((l) => l.startsWith('worker exited'))).toMatch(/^worker exited \(signal SIGKILL\) after \d+\.\d s; restarting in 0\.2 s \(crash 1 in a row\)$/);
    expect(supervisor.pid('api')).toBe(api);
    expect(alive(api)).toBe(true);

    // A second crash soon after waits twice as long.
    process.kill(restarted, 'SIGKILL');
    await waitFor(async () => lines.some((l) => l.includes('restarting in 0.4 s (crash 2 in a row)')), 10_000, 'the second restart');

    await supervisor.stop();
    expect(alive(api)).toBe(false);
    expect(supervisor.pid('api')).toBeUndefined();
  });

  it('does not restart programs after stop()', async () => {
    supervisor = new Supervisor({ env: process.env, cwd: ROOT, log: (line) => lines.push(line), baseDelayMs: 50 });
    supervisor.start(sleeper('worker'));
    const worker = supervisor.pid('worker');
    await supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alive(worker)).toBe(false);
    expect(supervisor.pid('worker')).toBeUndefined();
    expect(lines.filter((l) => l.includes('restarting'))).toEqual([]);
  });
});
