import { loadConfigOrExit } from './config';
import { buildApp } from './app';
import { onShutdownSignal } from './shutdown';

/** Entry point of the API process: read config, build the app, listen, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('matchbridge api');

  const app = await buildApp(config);
  onShutdownSignal(async (signal) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ host: config.HOST, port: config.PORT });
}

main().catch((error: unknown) => {
  process.stderr.write(`matchbridge api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
