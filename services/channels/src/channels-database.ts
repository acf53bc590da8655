import { openReadModelsDatabase, projectionStateMigrations, type ReadModelsDatabase } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { AgreementsTables } from './agreements';
import { CatalogueTables } from './catalogue';
import { DealerCompanyKey, DealersTables } from './dealers';
import { TiersTables } from './tiers';
import { CommunicationsTables } from './communications';
import { RegistrationsTables } from './registrations';
import { PlansTables } from './plans';

/** Every table of the channels service's own database: each feature's views, and where the projector has got to. */
export const channelsMigrations = [
  ...projectionStateMigrations,
  CatalogueTables,
  DealersTables,
  DealerCompanyKey,
  AgreementsTables,
  TiersTables,
  CommunicationsTables,
  RegistrationsTables,
  PlansTables,
];

/** Opens the channels service's database (PostgreSQL, or a SQLite file; `:memory:` in tests) and brings it up to date. */
export function openChannelsDatabase(database: ReadModelsDatabase): Promise<DataSource> {
  return openReadModelsDatabase(database, {
    migrations: channelsMigrations,
    migrationsTableName: 'channels_migrations',
  });
}
