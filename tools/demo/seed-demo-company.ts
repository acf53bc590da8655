import type { EventStore } from '@salesos/event-store';
import { openLeadsDatabase } from '../../services/leads/src';
import { type DemoChannelsResult, seedDemoChannels } from './seed-demo-channels';
import { seedDemoData } from './seed-demo-data';
import {
  type DemoPlansAndRegistrationsResult,
  seedDemoPlansAndRegistrations,
} from './seed-demo-plans-and-registrations';
import type { SeedProgress } from './demo-seeder';

export interface DemoCompanyOptions {
  seed: number;
  /** The seeded year's last day; by default the start of today (UTC). */
  end?: Date;
  /** The sales: months back from `end`, and new leads per division per month. */
  months: number;
  leadsPerMonth: number;
}

export interface DemoCompany {
  channels: DemoChannelsResult & DemoPlansAndRegistrationsResult;
  sales: SeedProgress;
  /** How long the channels seed's two stages took together, in ms. */
  channelsMs: number;
}

/**
 * The whole demo company in the order `npm start` seeds it: the channels and their dealers, then the sales (whose
 * dealer deals go to the dealers active on the day), then the dealers' plans and deal registrations, answered by the
 * leads service from its views of the sales, kept in a database of the seed's own.
 */
export async function seedDemoCompany(store: EventStore, options: DemoCompanyOptions): Promise<DemoCompany> {
  const until = options.end === undefined ? {} : { end: options.end };
  const leadsDatabase = await openLeadsDatabase({ kind: 'sqlite', filename: ':memory:' });
  try {
    let started = Date.now();
    const channels = await seedDemoChannels(store, { seed: options.seed, ...until });
    let channelsMs = Date.now() - started;
    const sales = await seedDemoData(store, {
      seed: options.seed,
      months: options.months,
      leadsPerMonth: options.leadsPerMonth,
      database: leadsDatabase,
      ...until,
    });
    started = Date.now();
    const deals = await seedDemoPlansAndRegistrations(store, {
      seed: options.seed,
      dealers: channels.dealers,
      leadsDatabase,
      ...until,
    });
    channelsMs += Date.now() - started;
    return { channels: { ...channels, ...deals }, sales, channelsMs };
  } finally {
    await leadsDatabase.destroy();
  }
}
