import { ConfigError, loadPlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';

/** Boots what exists of the platform on the configured adapters (embedded SQLite by default). */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const store = await openEventStore(config.eventStore);
  const where = config.eventStore.kind === 'sqlite' ? config.eventStore.filename : config.eventStore.kind;
  let events = 0;
  for (let after = 0n; ;) {
    const page = await store.readAll({ after, maxCount: 1000 });
    events += page.events.length;
    after = page.lastScannedPosition;
    if (page.isEnd) break;
  }
  await store.close();
  process.stdout.write(
    [
      `SalesOS: event store ready (${config.eventStore.kind}: ${where}, ${events} events).`,
      'No service is built yet: leads, channels, staffing, incentives and reporting join this command as their',
      `issues land, and will then serve the API on port ${config.port}. Nothing else to start for now.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `SalesOS failed to start: ${String(error)}\n`,
  );
  process.exit(1);
});
