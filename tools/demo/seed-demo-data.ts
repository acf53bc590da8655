import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@salesos/event-store';
import { silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import {
  LeadsServiceModule,
  leadsViewsCaughtUp,
  openLeadsDatabase,
  SegmentRematchPolicy,
} from '../../services/leads/src';
import { DemoSeeder, seedingServices, type SeedProgress } from './demo-seeder';
import { MovableClock, SeededIds, SeededRandom } from './seeded-random';

export interface DemoDataOptions {
  seed: number;
  months: number;
  /** New leads per division per month. */
  leadsPerMonth: number;
  /** Stop at this many stored events. */
  maxEvents?: number;
  /** The last day of the seeded year; by default the start of today (UTC), so a seed gives the same data all day. */
  end?: Date;
  onProgress?: (progress: SeedProgress) => void;
  /**
   * The leads service's database: its views are brought up to the seeded events before the seed returns. Without
   * it, the service's views catch up from the store when it next starts.
   */
  database?: DataSource;
  /** Appends in flight at once (default 8). */
  concurrency?: number;
}

export const demoDefaults = { seed: 42, months: 12, leadsPerMonth: 70 };

function leadsContext(store: EventStore, database: DataSource, owns: boolean, clock: MovableClock, ids: SeededIds) {
  return NestFactory.createApplicationContext(
    LeadsServiceModule.forRoot({ store, database, ownsDatabase: owns, clock, ids, logger: silentLogger }),
    { logger: ['error', 'warn'] },
  );
}

/**
 * Seeds the demo company into an empty store, with business time moving: each division is set up through the leads
 * service's own commands, then the year's stories are decided in memory by the service's deciders and stored stream
 * by stream (see DemoSeeder).
 */
export async function seedDemoData(store: EventStore, options: DemoDataOptions): Promise<SeedProgress> {
  const random = new SeededRandom(options.seed);
  const ids = new SeededIds(random);
  const end = options.end ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  const clock = new MovableClock(end);
  // The set-up goes through the service's handlers, which ask its views; a database of their own when none is given.
  const setUpDatabase = options.database ?? (await openLeadsDatabase({ kind: 'sqlite', filename: ':memory:' }));
  let context: INestApplicationContext | undefined = await leadsContext(
    store,
    setUpDatabase,
    options.database === undefined,
    clock,
    ids,
  );
  try {
    const seeder = new DemoSeeder(
      seedingServices((type) => (context as INestApplicationContext).get(type)),
      store,
      clock,
      random,
      ids,
      {
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      },
    );
    const result = await seeder.seed(
      {
        months: options.months,
        leadsPerMonth: options.leadsPerMonth,
        end,
        ...(options.maxEvents === undefined ? {} : { maxEvents: options.maxEvents }),
      },
      async () => {
        // The divisions are set up: the segments' rematch has seen them (no lead existed yet), and the service's
        // background work stops while the stories are written.
        const running = context as INestApplicationContext;
        await running.get(SegmentRematchPolicy).settled();
        context = undefined;
        await running.close();
      },
      options.onProgress,
    );
    if (options.database !== undefined) {
      // The caller's views see every seeded event before the seed returns, as if they had followed it.
      const views = await leadsContext(store, options.database, false, clock, ids);
      try {
        if (!(await leadsViewsCaughtUp(views, 600_000))) throw new Error('the leads views did not catch up');
      } finally {
        await views.close();
      }
    }
    return result;
  } finally {
    await context?.close();
  }
}

/** Whether the store holds no event yet. */
export async function isEmpty(store: EventStore): Promise<boolean> {
  return (await store.readAll({ maxCount: 1 })).events.length === 0;
}
