import { ConfigError, loadPlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import { jsonLogger } from '@salesos/messaging';
import { randomUUID } from 'node:crypto';
import {
  ProjectionRebuilder,
  type RebuildName,
  type RebuildProgress,
  rebuildableProjections,
} from '../services/reporting/src';
import { openReportingDatabase } from '../services/reporting/src';
import { platformEventHistory } from './platform-app';

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

/** `npm run projections:rebuild -- <name>`: rebuilds read models from the configured store, beside the live ones. */
async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!(rebuildableProjections as readonly string[]).includes(name)) {
    process.stderr.write(`Usage: npm run projections:rebuild -- <${rebuildableProjections.join('|')}>\n`);
    process.exit(2);
  }
  const config = loadPlatformConfig();
  const store = await openEventStore(config.eventStore);
  const readModels = await openReportingDatabase(config.readModels);
  const rebuilder = new ProjectionRebuilder(readModels, platformEventHistory(store), jsonLogger, randomUUID);
  const tty = process.stderr.isTTY;
  const { done } = rebuilder.start(name as RebuildName, (progress) =>
    process.stderr.write(tty ? `\r${progressLine(progress)}\u001b[K` : `${progressLine(progress)}\n`),
  );
  const final = await done;
  if (tty) process.stderr.write('\n');
  await readModels.destroy();
  await store.close();
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
