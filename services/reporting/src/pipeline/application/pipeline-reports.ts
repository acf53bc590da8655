import { inPeriod, type ReportFilter } from '../../shared/report-filter';
import type { OpportunityFacts } from '../domain/opportunity-facts';
import { type AsOfBasis, pipelineAsOf } from '../domain/pipeline-as-of';
import { keyCustomers, outcomes, pipelineByStage } from '../domain/pipeline-metrics';
import { analyseStages } from '../domain/stage-metrics';
import type { OpportunityFactsReader } from './opportunity-facts.reader';

export interface DealQuery {
  status?: 'open' | 'won' | 'lost';
  stageId?: string;
  offset: number;
  limit: number;
}

/** The pipeline reports: each reads the rows in the caller's scope and hands them to a pure calculation. */
export class PipelineReports {
  constructor(private readonly reader: OpportunityFactsReader) {}

  async pipeline(filter: ReportFilter, asOf?: { instant: string; basis: AsOfBasis }) {
    if (asOf === undefined) {
      const open = await this.reader.opportunities(filter, (query) => query.andWhere("o.status = 'open'"));
      return { stages: pipelineByStage(open), deals: open.length };
    }
    const all = await this.reader.opportunities(filter, (query) =>
      query.andWhere('o.opened_at <= :instant', { instant: asOf.instant }),
    );
    const current = new Map(all.map((deal) => [deal.opportunityId, deal]));
    const history = await this.reader.history(filter.divisionId, [...current.keys()]);
    const then = pipelineAsOf(current, history, asOf.instant, asOf.basis);
    return { asOf: asOf.instant, basis: asOf.basis, stages: pipelineByStage(then), deals: then.length };
  }

  async outcomes(filter: ReportFilter) {
    const deals = await this.reader.opportunities(filter);
    const closed = deals.filter((deal) => deal.status !== 'open' && inPeriod(filter, deal.closedAt));
    return outcomes(
      closed,
      deals.filter((deal) => deal.status === 'open'),
    );
  }

  async stages(filter: ReportFilter) {
    const deals = await this.reader.opportunities(filter);
    const moves = await this.reader.transitions(filter, new Set(deals.map((deal) => deal.opportunityId)));
    return analyseStages(moves);
  }

  async keyCustomers(filter: ReportFilter, limit: number) {
    const deals = await this.reader.opportunities(filter);
    return keyCustomers(
      deals.filter((deal) => deal.status === 'won' && inPeriod(filter, deal.closedAt)),
      deals.filter((deal) => deal.status === 'open'),
      limit,
    );
  }

  /** The deals behind a figure: the same filters, narrowed to a status and stage, by expected close date. */
  async deals(filter: ReportFilter, query: DealQuery): Promise<{ items: OpportunityFacts[]; total: number }> {
    const deals = (await this.reader.opportunities(filter))
      .filter(
        (deal) =>
          (query.status === undefined || deal.status === query.status) &&
          (query.stageId === undefined || deal.stageId === query.stageId) &&
          (filter.from === undefined && filter.to === undefined
            ? true
            : inPeriod(filter, deal.status === 'open' ? deal.openedAt : deal.closedAt)),
      )
      .sort(
        (a, b) =>
          a.expectedCloseDate.localeCompare(b.expectedCloseDate) || a.opportunityId.localeCompare(b.opportunityId),
      );
    return { items: deals.slice(query.offset, query.offset + query.limit), total: deals.length };
  }
}
