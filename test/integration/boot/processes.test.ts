import { describe, expect, it } from 'vitest';
import { configEnv, testConfig } from '../../helpers/config';
import { freePort, startTsProcess, stopProcess, waitFor } from '../../helpers/processes';

describe('the API process', () => {
  it('refuses to boot with bad environment variables and names every one', async () => {
    const proc = startTsProcess('server/main.ts', { PORT: 'eighty', REDIS_URL: 'localhost:6379', LOG_LEVEL: 'loud' });
    const code = await proc.exited;
    expect(code).toBe(1);
    const output = proc.output();
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT="eighty"');
    expect(output).toContain('REDIS_URL="localhost:6379"');
    expect(output).toContain('LOG_LEVEL="loud"');
  });

  it('refuses the development session secret when it would listen beyond loopback', async () => {
    const proc = startTsProcess('server/main.ts', { HOST: '0.0.0.0', PORT: String(await freePort()), SESSION_SECRET: '', NODE_ENV: 'development' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('SESSION_SECRET: the default secret is only allowed while the API listens on loopback, not HOST=0.0.0.0');
  });

  it('boots, becomes ready, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const config = testConfig({ PORT: String(port) });
    const proc = startTsProcess('server/main.ts', configEnv(config));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, 20_000, 'readyz');
    } catch (error) {
      throw new Error(`${String(error)}\n${proc.output()}`, { cause: error });
    }
    expect(await stopProcess(proc, 'SIGTERM')).toBe(0);
  });
});
