import { ConfigError, loadPlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import { demoDefaults, isEmpty, seedDemoData } from './demo/seed-demo-data';

/** Events one seeded lead leads to on average (capture, score, assignment, its fate, its deal's moves). */
const eventsPerLead = 6;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError([`--${name} must be a positive integer, got '${process.argv[index + 1] ?? ''}'`]);
  }
  return value;
}

/**
 * `npm run seed -- --events 1000000 [--seed 42] [--months 12] [--concurrency 8]`: the demo company at any size, with a
 * progress bar (events stored, events/s, seconds left); `--concurrency` appends are in flight at once.
 */
async function main(): Promise<void> {
  const target = option('events', 20_000);
  const seed = option('seed', demoDefaults.seed);
  const months = option('months', demoDefaults.months);
  const config = loadPlatformConfig();
  const store = await openEventStore(config.eventStore, { bulk: true });
  if (!(await isEmpty(store))) {
    process.stderr.write('The store already holds events: seed an empty one (a fresh SALESOS_DATA_DIR or database).\n');
    await store.close();
    process.exit(2);
  }
  // A quarter more leads than the average needs, so the year reaches the target before it ends.
  const leadsPerMonth = Math.ceil(((target / eventsPerLead / 3 / months) * 5) / 4);
  const started = Date.now();
  const tty = process.stderr.isTTY;
  const result = await seedDemoData(store, {
    seed,
    months,
    leadsPerMonth,
    maxEvents: target,
    concurrency: option('concurrency', 8),
    onProgress: (progress) => {
      // A story is stored once nothing more happens to it, so the stored count trails the decided one by the
      // stories still open; the time left follows the decisions.
      const share = Math.min(1, progress.stored / target);
      const seconds = (Date.now() - started) / 1000;
      const rate = Math.round(progress.stored / Math.max(seconds, 0.001));
      const decidedRate = progress.events / Math.max(seconds, 0.001);
      const left = decidedRate > 0 ? Math.max(0, Math.round((target - progress.events) / decidedRate)) : 0;
      const line =
        `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${progress.stored.toLocaleString('en')} / ` +
        `${target.toLocaleString('en')} events stored (${progress.events.toLocaleString('en')} decided), ` +
        `${rate.toLocaleString('en')} events/s, ${left} s left (${progress.businessDay})`;
      process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
    },
  });
  if (tty) process.stderr.write('\n');
  await store.close();
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `Seeded ${result.events.toLocaleString('en')} events (${result.leads.toLocaleString('en')} leads, ` +
      `${result.opportunities.toLocaleString('en')} opportunities) in ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.events / seconds).toLocaleString('en')} events/s). ` +
      'The next npm start publishes them to the read models; npm run projections:rebuild -- all fills them at once.\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Seeding failed: ${String(error)}\n`);
  process.exit(1);
});
