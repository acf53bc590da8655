import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@salesos/event-store';
import type { Clock, IdGenerator } from '@salesos/http';
import { silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { ChannelsServiceModule, channelsViewsCaughtUp, consumeLeadsEvents } from '../../services/channels/src';
import { consumeChannelsEvents, LeadsServiceModule, leadsViewsCaughtUp } from '../../services/leads/src';
import { SeedingBus, seedingGroups } from './seeding-bus';

const dayMs = 24 * 60 * 60 * 1000;

/** A service's database and ids: one the caller gives holds the seeds so far; one of the seed's own catches up. */
export interface SeedingDatabase {
  database: DataSource;
  ownsDatabase: boolean;
  ids: IdGenerator;
}

export interface SeedingServicesOptions {
  clock: Clock;
  channels: SeedingDatabase;
  /** Its views must hold the leads seed and the dealers it was told of. */
  leads: SeedingDatabase;
  /** How long a message may wait for the service that reads it. */
  answerTimeoutMs: number;
}

/** The channels and leads services the channels seed writes through, talking over the seed's bus. */
export interface SeedingServices {
  channels: INestApplication;
  leads: INestApplication;
  bus: SeedingBus;
  close(): Promise<void>;
}

/**
 * The channels service as the seeds run it, in business time on `clock`: no health routes, and a lapse timer that
 * fires only when the seed fires it (its own beat would look at whatever moment the seed's clock shows).
 */
export function seedingChannelsModule(store: EventStore, clock: Clock, channels: SeedingDatabase) {
  return ChannelsServiceModule.forRoot({
    store,
    database: channels.database,
    ownsDatabase: channels.ownsDatabase,
    clock,
    ids: channels.ids,
    logger: silentLogger,
    serveHealth: false,
    registrations: { lapseCheckIntervalMs: dayMs },
  });
}

/**
 * Starts the channels service and the leads service on one store and the seed's bus, in business time on `clock`:
 * the leads service answers deal registrations from its views (which must hold the leads seed) and takes deals only
 * through the dealers it was told of, the channels service hears the answers and the registered deals. Neither
 * publishes on its own (the bus does). Views of the seed's own databases catch up with the store first.
 */
export async function startSeedingServices(
  store: EventStore,
  options: SeedingServicesOptions,
): Promise<SeedingServices> {
  const bus = new SeedingBus(store, options.answerTimeoutMs);
  const started: INestApplication[] = [];
  const close = async () => {
    for (const app of started.reverse()) await app.close();
    await bus.close();
  };
  try {
    const channels = await NestFactory.create(seedingChannelsModule(store, options.clock, options.channels), {
      logger: ['error', 'warn'],
    });
    started.push(channels);
    await consumeLeadsEvents(channels, { transport: bus.transport, groupId: seedingGroups.channels });
    await channels.init();
    // The registrations are submitted by the dealers the channels views hold.
    if (options.channels.ownsDatabase && !(await channelsViewsCaughtUp(channels, 120_000))) {
      throw new Error('the channels views did not catch up');
    }
    const leads = await NestFactory.create(
      LeadsServiceModule.forRoot({
        store,
        database: options.leads.database,
        ownsDatabase: options.leads.ownsDatabase,
        clock: options.clock,
        ids: options.leads.ids,
        logger: silentLogger,
      }),
      { logger: ['error', 'warn'] },
    );
    started.push(leads);
    await consumeChannelsEvents(leads, {
      transport: bus.transport,
      groupIds: { dealRegistrations: seedingGroups.leads, dealers: seedingGroups.leadsDealers },
    });
    await leads.init();
    // The answers and the deals' dealers are decided on the leads views: a database of their own must first take in
    // the leads seed, with the dealers it was told of.
    if (options.leads.ownsDatabase && !(await leadsViewsCaughtUp(leads, 600_000))) {
      throw new Error('the leads views did not catch up');
    }
    return { channels, leads, bus, close };
  } catch (error) {
    await close();
    throw error;
  }
}
