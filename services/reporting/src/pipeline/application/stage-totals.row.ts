import { type SqlRow, toNumber, toText } from '../../core/report-sql';
import type { StageTotals } from '../domain/pipeline-metrics';

/** A row of a statement grouping open deals by pipeline, stage and currency. */
export function toStageTotals(row: SqlRow): StageTotals {
  return {
    pipelineId: toText(row.pipeline_id),
    stageId: toText(row.stage_id),
    currency: toText(row.currency),
    probability: toNumber(row.probability),
    count: toNumber(row.deals),
    value: toNumber(row.value),
    weightedValue: toNumber(row.weighted_value),
  };
}
