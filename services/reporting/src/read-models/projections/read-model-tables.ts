import type { EntityTarget } from 'typeorm';
import {
  type DealerColumns,
  type DealerPlanColumns,
  DealerPlanRebuildRow,
  DealerPlanRow,
  DealerRebuildRow,
  DealerRow,
  type DealerTierColumns,
  DealerTierRebuildRow,
  DealerTierRow,
} from './channel-rows.entity';
import {
  type DealRegistrationColumns,
  DealRegistrationRebuildRow,
  DealRegistrationRow,
} from './deal-registration-row.entity';
import { type LeadColumns, LeadRebuildRow, LeadRow } from './lead-row.entity';
import {
  type OpportunityHistoryColumns,
  OpportunityHistoryRebuildRow,
  OpportunityHistoryRow,
} from './opportunity-history-row.entity';
import { type OpportunityColumns, OpportunityRebuildRow, OpportunityRow } from './opportunity-row.entity';
import {
  type StageTransitionColumns,
  StageTransitionRebuildRow,
  StageTransitionRow,
} from './stage-transition-row.entity';

/** The tables a projection writes: the live ones, or the ones a rebuild fills beside them. */
export interface ReadModelTables {
  opportunity: EntityTarget<OpportunityColumns>;
  history: EntityTarget<OpportunityHistoryColumns>;
  transition: EntityTarget<StageTransitionColumns>;
  lead: EntityTarget<LeadColumns>;
  dealer: EntityTarget<DealerColumns>;
  dealerTier: EntityTarget<DealerTierColumns>;
  dealerPlan: EntityTarget<DealerPlanColumns>;
  registration: EntityTarget<DealRegistrationColumns>;
}

export const liveTables: ReadModelTables = {
  opportunity: OpportunityRow,
  history: OpportunityHistoryRow,
  transition: StageTransitionRow,
  lead: LeadRow,
  dealer: DealerRow,
  dealerTier: DealerTierRow,
  dealerPlan: DealerPlanRow,
  registration: DealRegistrationRow,
};

export const rebuildTables: ReadModelTables = {
  opportunity: OpportunityRebuildRow,
  history: OpportunityHistoryRebuildRow,
  transition: StageTransitionRebuildRow,
  lead: LeadRebuildRow,
  dealer: DealerRebuildRow,
  dealerTier: DealerTierRebuildRow,
  dealerPlan: DealerPlanRebuildRow,
  registration: DealRegistrationRebuildRow,
};

/** The prefix of a table built beside the live one. */
export const rebuildPrefix = 'rb_';
