import { loadConfigOrExit } from '../server/config';
import { onShutdownSignal } from '../server/shutdown';
import { startWorkers } from './worker';

/** Entry point of the worker process; finishes running jobs before it exits on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('matchbridge worker');
  const log = (message: string) => process.stderr.write(`[worker] ${message}\n`);
  const workers = await startWorkers(config, log);
  onShutdownSignal(async (signal) => {
    log(`${signal}: finishing running jobs`);
    await workers.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`matchbridge worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
