import type { DataSource } from 'typeorm';
import { OpportunityRow } from '../../pipeline/projections/opportunity-row.entity';
import { parseJsonList } from '../../shared/projection';
import type { ReportFilter } from '../../shared/report-filter';
import { funnel, type LeadFacts, rankSources } from '../domain/funnel-metrics';
import { LeadRow } from '../projections/lead-row.entity';

/** Funnel reports over the leads captured in the period, in the caller's division. */
export class FunnelReports {
  constructor(private readonly dataSource: DataSource) {}

  async funnel(filter: ReportFilter, groupBy: 'source' | 'segment' | 'none') {
    return { groupBy, groups: funnel(await this.leads(filter), groupBy) };
  }

  async leadSources(filter: ReportFilter) {
    return { sources: rankSources(await this.leads(filter)) };
  }

  private async leads(filter: ReportFilter): Promise<LeadFacts[]> {
    let query = this.dataSource
      .getRepository(LeadRow)
      .createQueryBuilder('l')
      .where('l.division_id = :divisionId', { divisionId: filter.divisionId });
    if (filter.source !== undefined) query = query.andWhere('l.source = :source', filter);
    if (filter.ownerRepId !== undefined) query = query.andWhere('l.owner_rep_id = :ownerRepId', filter);
    if (filter.from !== undefined) query = query.andWhere('l.captured_at >= :from', filter);
    if (filter.to !== undefined) query = query.andWhere('l.captured_at < :to', filter);
    const rows = await query.orderBy('l.lead_id').getMany();
    const outcomes = new Map(
      (
        await this.dataSource
          .getRepository(OpportunityRow)
          .createQueryBuilder('o')
          .select(['o.leadId', 'o.status', 'o.amount', 'o.currency'])
          .where('o.division_id = :divisionId', { divisionId: filter.divisionId })
          .andWhere('o.lead_id IS NOT NULL')
          .getMany()
      ).map((row) => [row.leadId as string, row]),
    );
    return rows
      .map((row): LeadFacts => {
        const outcome = outcomes.get(row.leadId);
        return {
          leadId: row.leadId,
          source: row.source,
          segmentIds: parseJsonList(row.segmentIds),
          capturedAt: row.capturedAt,
          qualified: row.qualifiedAt !== null,
          converted: row.convertedAt !== null,
          ...(outcome
            ? { outcome: { status: outcome.status, amount: Number(outcome.amount), currency: outcome.currency } }
            : {}),
        };
      })
      .filter((lead) => filter.segmentId === undefined || lead.segmentIds.includes(filter.segmentId));
  }
}
