import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@salesos/event-store';
import type { Clock, IdGenerator } from '@salesos/http';
import { silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { ChannelsServiceModule, consumeLeadsEvents } from '../../services/channels/src';
import { consumeDealRegistrations, LeadsServiceModule, leadsViewsCaughtUp } from '../../services/leads/src';
import { SeedingBus, seedingGroups } from './seeding-bus';

const dayMs = 24 * 60 * 60 * 1000;

export interface SeedingServicesOptions {
  clock: Clock;
  channels: { database: DataSource; ownsDatabase: boolean; ids: IdGenerator };
  /** A database the caller gives holds the leads seed already; one of the seed's own catches up from the store. */
  leads: { database: DataSource; ownsDatabase: boolean; ids: IdGenerator };
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
 * Starts the channels service and the leads service on one store and the seed's bus, in business time on `clock`:
 * the leads service answers deal registrations from its views (which must hold the leads seed), the channels service
 * hears the answers and the registered deals. Neither publishes on its own (the bus does), and the lapse timer fires
 * only when the seed fires it: its own beat would look at whatever moment the seed's clock shows.
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
    const channels = await NestFactory.create(
      ChannelsServiceModule.forRoot({
        store,
        database: options.channels.database,
        ownsDatabase: options.channels.ownsDatabase,
        clock: options.clock,
        ids: options.channels.ids,
        logger: silentLogger,
        serveHealth: false,
        registrations: { lapseCheckIntervalMs: dayMs },
      }),
      { logger: ['error', 'warn'] },
    );
    started.push(channels);
    await consumeLeadsEvents(channels, { transport: bus.transport, groupId: seedingGroups.channels });
    await channels.init();
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
    await consumeDealRegistrations(leads, { transport: bus.transport, groupId: seedingGroups.leads });
    await leads.init();
    // The answers are decided on the leads views: a database of their own must first take in the leads seed.
    if (options.leads.ownsDatabase && !(await leadsViewsCaughtUp(leads, 600_000))) {
      throw new Error('the leads views did not catch up');
    }
    return { channels, leads, bus, close };
  } catch (error) {
    await close();
    throw error;
  }
}
