/**
 * Runs `stop` once on the first SIGTERM or SIGINT, then exits 0; a second signal, or a stop that
 * hangs for longer than the grace period, exits at once so an orchestrator never waits forever.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => Promise<void>, graceMs = 10_000): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    const timer = setTimeout(() => process.exit(1), graceMs);
    timer.unref();
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while shutting down: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handle);
  process.once('SIGINT', handle);
}
