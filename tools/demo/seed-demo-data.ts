import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@salesos/event-store';
import { silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { LeadsServiceModule, openLeadsDatabase } from '../../services/leads/src';
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
  /** The leads service's database, whose views fill as the data is written; an in-memory one without it. */
  database?: DataSource;
}

export const demoDefaults = { seed: 42, months: 12, leadsPerMonth: 70 };

/** Seeds the demo company into the store through the leads service's own commands, with business time moving. */
export async function seedDemoData(store: EventStore, options: DemoDataOptions): Promise<SeedProgress> {
  const random = new SeededRandom(options.seed);
  const end = options.end ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  const clock = new MovableClock(end);
  const database = options.database ?? (await openLeadsDatabase({ kind: 'sqlite', filename: ':memory:' }));
  const context = await NestFactory.createApplicationContext(
    LeadsServiceModule.forRoot({
      store,
      database,
      ownsDatabase: options.database === undefined,
      clock,
      ids: new SeededIds(random),
      logger: silentLogger,
    }),
    { logger: ['error', 'warn'] },
  );
  try {
    const seeder = new DemoSeeder(
      seedingServices((type) => context.get(type)),
      clock,
      random,
    );
    return await seeder.seed(
      {
        months: options.months,
        leadsPerMonth: options.leadsPerMonth,
        end,
        ...(options.maxEvents === undefined ? {} : { maxEvents: options.maxEvents }),
      },
      options.onProgress,
    );
  } finally {
    await context.close();
  }
}

/** Whether the store holds no event yet. */
export async function isEmpty(store: EventStore): Promise<boolean> {
  return (await store.readAll({ maxCount: 1 })).events.length === 0;
}
