import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { parseJsonList } from '../../shared/projection';
import type { ReportFilter } from '../../shared/report-filter';
import type { OpportunityFacts } from '../domain/opportunity-facts';
import type { HistoryFacts } from '../domain/pipeline-as-of';
import type { TransitionFacts } from '../domain/stage-metrics';
import { OpportunityHistoryRow } from '../projections/opportunity-history-row.entity';
import { OpportunityRow } from '../projections/opportunity-row.entity';
import { StageTransitionRow } from '../projections/stage-transition-row.entity';

function toFacts(row: OpportunityRow): OpportunityFacts {
  return {
    opportunityId: row.opportunityId,
    divisionId: row.divisionId,
    ...(row.leadId ? { leadId: row.leadId } : {}),
    accountName: row.accountName,
    ...(row.ownerRepId ? { ownerRepId: row.ownerRepId } : {}),
    pipelineId: row.pipelineId,
    stageId: row.stageId,
    probability: Number(row.probability),
    amount: Number(row.amount),
    currency: row.currency,
    expectedCloseDate: row.expectedCloseDate,
    channel: row.channel,
    ...(row.dealerId ? { dealerId: row.dealerId } : {}),
    products: JSON.parse(row.products) as OpportunityFacts['products'],
    status: row.status,
    openedAt: row.openedAt,
    ...(row.closedAt ? { closedAt: row.closedAt } : {}),
    ...(row.lossReason ? { lossReason: row.lossReason } : {}),
    ...(row.source ? { source: row.source } : {}),
    segmentIds: parseJsonList(row.segmentIds),
  };
}

/**
 * Reads opportunities for reports. The division and the plain filters are conditions of the query itself; segment
 * and product, held as JSON lists, are applied to the rows it returns.
 */
export class OpportunityFactsReader {
  constructor(private readonly dataSource: DataSource) {}

  async opportunities(
    filter: ReportFilter,
    narrow: (query: SelectQueryBuilder<OpportunityRow>) => SelectQueryBuilder<OpportunityRow> = (query) => query,
  ): Promise<OpportunityFacts[]> {
    let query = this.dataSource
      .getRepository(OpportunityRow)
      .createQueryBuilder('o')
      .where('o.division_id = :divisionId', { divisionId: filter.divisionId });
    if (filter.pipelineId !== undefined) query = query.andWhere('o.pipeline_id = :pipelineId', filter);
    if (filter.ownerRepId !== undefined) query = query.andWhere('o.owner_rep_id = :ownerRepId', filter);
    if (filter.channel !== undefined) query = query.andWhere('o.channel = :channel', filter);
    if (filter.dealerId !== undefined) query = query.andWhere('o.dealer_id = :dealerId', filter);
    if (filter.source !== undefined) query = query.andWhere('o.source = :source', filter);
    const rows = await narrow(query).orderBy('o.opportunity_id').getMany();
    return rows
      .map(toFacts)
      .filter(
        (deal) =>
          (filter.segmentId === undefined || deal.segmentIds.includes(filter.segmentId)) &&
          (filter.productId === undefined || deal.products.some((line) => line.productId === filter.productId)),
      );
  }

  async history(divisionId: string, opportunityIds: readonly string[]): Promise<HistoryFacts[]> {
    if (opportunityIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(OpportunityHistoryRow)
      .createQueryBuilder('h')
      .where('h.division_id = :divisionId', { divisionId })
      .orderBy('h.effective_at')
      .getMany();
    const wanted = new Set(opportunityIds);
    return rows
      .filter((row) => wanted.has(row.opportunityId))
      .map((row) => ({
        opportunityId: row.opportunityId,
        kind: row.kind,
        effectiveAt: row.effectiveAt,
        recordedAt: row.recordedAt,
        stageId: row.stageId,
        probability: row.probability === null ? null : Number(row.probability),
        amount: row.amount === null ? null : Number(row.amount),
        currency: row.currency,
        expectedCloseDate: row.expectedCloseDate,
      }));
  }

  async transitions(filter: ReportFilter, opportunityIds: ReadonlySet<string>): Promise<TransitionFacts[]> {
    let query = this.dataSource
      .getRepository(StageTransitionRow)
      .createQueryBuilder('t')
      .where('t.division_id = :divisionId', { divisionId: filter.divisionId });
    if (filter.from !== undefined) query = query.andWhere('t.changed_at >= :from', filter);
    if (filter.to !== undefined) query = query.andWhere('t.changed_at < :to', filter);
    const rows = await query.orderBy('t.changed_at').getMany();
    return rows
      .filter((row) => opportunityIds.has(row.opportunityId))
      .map(({ opportunityId, pipelineId, fromStage, toStage, direction, fromEnteredAt, changedAt }) => ({
        opportunityId,
        pipelineId,
        fromStage,
        toStage,
        direction,
        fromEnteredAt,
        changedAt,
      }));
  }
}
