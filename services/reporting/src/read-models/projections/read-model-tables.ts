import type { EntityTarget } from 'typeorm';
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
}

export const liveTables: ReadModelTables = {
  opportunity: OpportunityRow,
  history: OpportunityHistoryRow,
  transition: StageTransitionRow,
  lead: LeadRow,
};

export const rebuildTables: ReadModelTables = {
  opportunity: OpportunityRebuildRow,
  history: OpportunityHistoryRebuildRow,
  transition: StageTransitionRebuildRow,
  lead: LeadRebuildRow,
};

/** The prefix of a table built beside the live one. */
export const rebuildPrefix = 'rb_';
