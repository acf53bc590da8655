import { openReadModelsDatabase, projectionStateMigrations, type ReadModelsDatabase } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { AssignmentTables } from './assignment';
import { DealersTables } from './dealers';
import { LeadImportsTables } from './lead-imports';
import { LeadsTables, ScoringRulesTables } from './leads';
import { OpportunitiesTables, SalesProcessTables } from './opportunities';
import { OrganisationTables } from './organisation';
import { SegmentsTables } from './segments';

/**
 * Every table of the leads service's own database: each feature's views, where the projector has got to, and the
 * uploaded import files waiting for their import to end.
 */
export const leadsMigrations = [
  ...projectionStateMigrations,
  LeadsTables,
  SegmentsTables,
  AssignmentTables,
  OpportunitiesTables,
  OrganisationTables,
  LeadImportsTables,
  SalesProcessTables,
  ScoringRulesTables,
  DealersTables,
];

/** Opens the leads service's database (PostgreSQL, or a SQLite file; `:memory:` in tests) and brings it up to date. */
export function openLeadsDatabase(database: ReadModelsDatabase): Promise<DataSource> {
  return openReadModelsDatabase(database, { migrations: leadsMigrations, migrationsTableName: 'leads_migrations' });
}
