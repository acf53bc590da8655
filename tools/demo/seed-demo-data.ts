import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { dealerTopic } from '@salesos/contracts';
import type { EventStore } from '@salesos/event-store';
import { silentLogger, StoredTopicHistory } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { channelsPublishedSource } from '../../services/channels/src';
import {
  type DealerNews,
  LeadsServiceModule,
  leadsViewsCaughtUp,
  openLeadsDatabase,
  RecordDealerStandingHandler,
  SegmentRematchPolicy,
} from '../../services/leads/src';
import { DealerStandings, DemoSeeder, seedingServices, type SeedProgress } from './demo-seeder';
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
 * Tells the leads service of the dealers the store holds (the channels seed's, when it ran first), each dealer event
 * as the channels service publishes it and at its own time, through the handler the service's consumer hands them
 * to: the service's history then says which dealers it knew, and the platform's consumer, given the same events at
 * its start, finds them told. Answers the standings as the service recorded them.
 */
async function hearDealers(store: EventStore, context: INestApplicationContext, clock: MovableClock) {
  const history = new StoredTopicHistory(store, channelsPublishedSource(), [dealerTopic.name]);
  const record = context.get(RecordDealerStandingHandler);
  const heard: DealerNews[] = [];
  for (let page = await history.next(1_000); ; page = await history.next(1_000)) {
    for (const event of page.events) {
      clock.current = new Date(event.time);
      for (const { data } of await record.execute(event)) {
        const { recordedAt: _recordedAt, ...news } = data;
        heard.push(news);
      }
    }
    if (page.isEnd) return new DealerStandings(heard);
  }
}

/**
 * Seeds the demo company's sales into a store, with business time moving: the dealers the store holds (seeded by
 * `seedDemoChannels` before, or none) are told to the leads service, each division is set up through the service's
 * own commands, then the year's stories are decided in memory by the service's deciders and stored stream by stream
 * (see DemoSeeder). Dealers' deals go to the dealers active on the day.
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
    const dealers = await hearDealers(store, context, clock);
    const seeder = new DemoSeeder(
      seedingServices((type) => (context as INestApplicationContext).get(type)),
      store,
      clock,
      random,
      ids,
      {
        dealers,
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
