import { AddChannelTables1766000000000 } from './projections/channel-tables.migration';
import {
  DealerPlanRebuildRow,
  DealerPlanRow,
  DealerRebuildRow,
  DealerRow,
  DealerTierRebuildRow,
  DealerTierRow,
} from './projections/channel-rows.entity';
import { DealRegistrationRebuildRow, DealRegistrationRow } from './projections/deal-registration-row.entity';
import { LeadRebuildRow, LeadRow } from './projections/lead-row.entity';
import { OpportunityHistoryRebuildRow, OpportunityHistoryRow } from './projections/opportunity-history-row.entity';
import { OpportunityRebuildRow, OpportunityRow } from './projections/opportunity-row.entity';
import { AddDealRegistrationTable1767000000000 } from './projections/registration-tables.migration';
import { AddReportingColumns1764400000000 } from './projections/reporting-columns.migration';
import { CreateReportingTables1764300000000 } from './projections/reporting-tables.migration';
import { DateRevisionsWithinTheirDeal1765100000000 } from './projections/revision-dates.migration';
import { StageTransitionRebuildRow, StageTransitionRow } from './projections/stage-transition-row.entity';

/** The read models' tables: the live ones and the ones a rebuild fills beside them. */
export const readModelEntities = [
  OpportunityRow,
  OpportunityHistoryRow,
  StageTransitionRow,
  LeadRow,
  OpportunityRebuildRow,
  OpportunityHistoryRebuildRow,
  StageTransitionRebuildRow,
  LeadRebuildRow,
  DealerRow,
  DealerTierRow,
  DealerPlanRow,
  DealerRebuildRow,
  DealerTierRebuildRow,
  DealerPlanRebuildRow,
  DealRegistrationRow,
  DealRegistrationRebuildRow,
];

export const readModelMigrations = [
  CreateReportingTables1764300000000,
  AddReportingColumns1764400000000,
  DateRevisionsWithinTheirDeal1765100000000,
  AddChannelTables1766000000000,
  AddDealRegistrationTable1767000000000,
];

export {
  createProjectionRebuilder,
  ReadModelsModule,
  type ReadModelsOptions,
  type RebuilderOptions,
} from './read-models.module';
export { projectionAdminProblems } from './api/projection-admin.controller';
export { projectionsGroup, type ProjectionsConsuming } from './messaging/projections-consumer';
export {
  ProjectionRebuilder,
  type RebuildName,
  type RebuildProgress,
  rebuildableProjections,
} from './application/projection-rebuilder';
export { projectInMemory } from './projections/released-examples';
export { dumpTables, replay } from './projections/replay';
export { reportingProjections } from './projections/reporting-projections';
