import { ConfigError, loadPlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import { jsonLogger, type MessageTransport } from '@salesos/messaging';
import {
  createProjectionRebuilder,
  type RebuildName,
  type RebuildProgress,
  rebuildableProjections,
} from '../services/reporting/src';
import { openReportingDatabase } from '../services/reporting/src';
import { openPlatformMessaging, storedTopicHistory } from './platform-messaging';

/** One line, rewritten in place on a terminal: events done, rate, time left. */
function progressLine(progress: RebuildProgress): string {
  const total = progress.eventsTotal;
  const share = total === undefined || total === 0 ? undefined : Math.min(1, progress.eventsDone / total);
  const bar = share === undefined ? '' : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] `;
  const left = progress.secondsLeft === undefined ? '' : `, ${progress.secondsLeft} s left`;
  return (
    `${bar}${progress.phase}: ${progress.eventsDone.toLocaleString('en')}` +
    `${total === undefined ? '' : ` of ${total.toLocaleString('en')}`} events, ` +
    `${progress.eventsPerSecond.toLocaleString('en')} events/s${left}`
  );
}

/**
 * `npm run projections:rebuild -- <name>`: rebuilds read models from the published topics, beside the live ones, for
 * when the reporting service is stopped (a running one rebuilds through its admin endpoint, holding its consumer).
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!(rebuildableProjections as readonly string[]).includes(name)) {
    process.stderr.write(`Usage: npm run projections:rebuild -- <${rebuildableProjections.join('|')}>\n`);
    process.exit(2);
  }
  const config = loadPlatformConfig();
  // The topics themselves when the platform runs on Kafka; on the embedded defaults, the local store derives them.
  const store = config.transport === 'kafka' ? undefined : await openEventStore(config.eventStore);
  const transport = config.transport === 'kafka' ? openPlatformMessaging(config).transport : undefined;
  const readModels = await openReportingDatabase(config.readModels);
  const rebuilder = createProjectionRebuilder({
    dataSource: readModels,
    history:
      store === undefined ? (topics) => (transport as MessageTransport).history(topics) : storedTopicHistory(store),
    logger: jsonLogger,
  });
  const tty = process.stderr.isTTY;
  const { done } = rebuilder.start(name as RebuildName, (progress) =>
    process.stderr.write(tty ? `\r${progressLine(progress)}\u001b[K` : `${progressLine(progress)}\n`),
  );
  const final = await done;
  if (tty) process.stderr.write('\n');
  await readModels.destroy();
  await store?.close();
  await transport?.close();
  if (final.status === 'failed') {
    process.stderr.write(`Rebuild of ${name} failed: ${final.error ?? 'unknown error'}\n`);
    process.exit(1);
  }
  process.stdout.write(`Rebuilt ${name} from ${final.eventsDone.toLocaleString('en')} events.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Rebuild failed: ${String(error)}\n`);
  process.exit(1);
});
