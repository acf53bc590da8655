import type { BenchDatabase } from './bench-database';
import { progress } from './progress';

/** Ctrl-C would otherwise leave databases and topics behind on shared servers: clean up, then leave. */
export function cleanUpOnInterrupt(cleanUp: () => Promise<void>): () => void {
  let cleaning = false;
  const onSignal = (): void => {
    if (cleaning) return;
    cleaning = true;
    progress('interrupted: cleaning up');
    void cleanUp()
      .catch((error: unknown) => progress(`cleanup failed: ${String(error)}`))
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

export function dropDatabaseOnInterrupt(database: BenchDatabase): () => void {
  return cleanUpOnInterrupt(() => database.drop());
}

/** Runs a benchmark's main: reports a failure with its stack, and exits even if a client library keeps a handle. */
export function runBench(name: string, main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      process.stderr.write(`${name} bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
      if (error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    })
    .finally(() => {
      setTimeout(() => {
        progress(`still open after cleanup: ${process.getActiveResourcesInfo().join(', ')}; exiting`);
        process.exit();
      }, 5000).unref();
    });
}
