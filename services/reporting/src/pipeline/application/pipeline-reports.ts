import type { DataSource } from 'typeorm';
import type { ReportFilter } from '../../core/report-filter';
import { ReportSql, sqlEngine, type SqlEngine, type SqlRow, toNumber, toText } from '../../core/report-sql';
import {
  type AccountTotals,
  type ClosedTotals,
  customerFigures,
  outcomes,
  pipelineByStage,
} from '../domain/pipeline-metrics';
import { analyseStages, type StageExitTotals, type TransitionCount } from '../domain/stage-metrics';
import { type AsOfBasis, stageTotalsAsOf } from './pipeline-as-of.query';
import { type DealQuery, dealsBehindFigure } from './deals.query';
import { toStageTotals } from './stage-totals.row';

/**
 * The pipeline reports. Each is computed by the database over the rows in the caller's scope (the scope is a condition
 * of every statement); what comes back is one row per group, shaped into figures by the pure domain functions.
 */
export class PipelineReports {
  private readonly engine: SqlEngine;

  constructor(private readonly dataSource: DataSource) {
    this.engine = sqlEngine(dataSource);
  }

  async pipeline(filter: ReportFilter, asOf?: { instant: string; basis: AsOfBasis }) {
    if (asOf !== undefined) {
      const stages = pipelineByStage(await stageTotalsAsOf(this.dataSource, filter, asOf.instant, asOf.basis));
      return { asOf: asOf.instant, basis: asOf.basis, stages, deals: countDeals(stages) };
    }
    const sql = this.sql();
    const rows = await this.query(
      sql,
      `SELECT o.pipeline_id, o.stage_id, o.currency, MAX(o.probability) AS probability, COUNT(*) AS deals,
              SUM(o.amount) AS value, SUM(o.amount * o.probability) AS weighted_value
       FROM rpt_opportunity o
       WHERE ${sql.opportunityScope(filter)} AND o.status = 'open'
       GROUP BY o.pipeline_id, o.stage_id, o.currency`,
    );
    const stages = pipelineByStage(rows.map(toStageTotals));
    return { stages, deals: countDeals(stages) };
  }

  async outcomes(filter: ReportFilter) {
    const closed = this.sql();
    const cycle = this.sql();
    const open = this.sql();
    const [closedRows, [cycleRow], openRows] = await Promise.all([
      closed.run(
        this.dataSource,
        `SELECT o.status, o.currency, COUNT(*) AS deals, SUM(o.amount) AS value
         FROM rpt_opportunity o
         WHERE ${closed.opportunityScope(filter)} AND o.status IN ('won', 'lost')
           AND ${closed.inPeriod(filter, 'o.closed_at')}
         GROUP BY o.status, o.currency`,
      ),
      cycle.run(
        this.dataSource,
        `SELECT ${cycle.median(cycle.daysBetween('o.opened_at', 'o.closed_at'))} AS median
         FROM rpt_opportunity o
         WHERE ${cycle.opportunityScope(filter)} AND o.status = 'won' AND ${cycle.inPeriod(filter, 'o.closed_at')}`,
      ),
      this.openDealsAtEnd(filter, open),
    ]);
    const closedTotals = closedRows.map((row): ClosedTotals => ({
      status: row.status as ClosedTotals['status'],
      currency: toText(row.currency),
      count: toNumber(row.deals),
      value: toNumber(row.value),
    }));
    const median = cycleRow?.median === null || cycleRow?.median === undefined ? undefined : toNumber(cycleRow.median);
    return outcomes(closedTotals, median, openRows);
  }

  /**
   * The deals open at the end of the period by currency (as known now, like the as-of pipeline), or open now when the
   * period has no end: a past period's velocity does not move when its deals close later.
   */
  private async openDealsAtEnd(filter: ReportFilter, sql: ReportSql): Promise<Record<string, number>> {
    const byCurrency: Record<string, number> = {};
    if (filter.to !== undefined) {
      for (const stage of await stageTotalsAsOf(this.dataSource, filter, filter.to, 'known')) {
        byCurrency[stage.currency] = (byCurrency[stage.currency] ?? 0) + stage.count;
      }
      return byCurrency;
    }
    const rows = await sql.run(
      this.dataSource,
      `SELECT o.currency, COUNT(*) AS deals FROM rpt_opportunity o
       WHERE ${sql.opportunityScope(filter)} AND o.status = 'open' GROUP BY o.currency`,
    );
    for (const row of rows) byCurrency[toText(row.currency)] = toNumber(row.deals);
    return byCurrency;
  }

  async stages(filter: ReportFilter) {
    // The deal's row is joined only when a filter is about the deal; the division is on the move itself.
    const narrowed =
      filter.scope.kind !== 'division' ||
      Object.keys(filter).some((key) => !['divisionId', 'scope', 'from', 'to'].includes(key));
    const moves = (sql: ReportSql) =>
      `FROM rpt_stage_transition t
       ${narrowed ? 'JOIN rpt_opportunity o ON o.opportunity_id = t.opportunity_id' : ''}
       WHERE t.division_id = ${sql.param(filter.divisionId)} AND ${sql.inPeriod(filter, 't.changed_at')}
         ${narrowed ? `AND ${sql.opportunityScope(filter)}` : ''}`;
    const exits = this.sql();
    const matrix = this.sql();
    const [exitRows, matrixRows] = await Promise.all([
      exits.run(
        this.dataSource,
        `SELECT t.pipeline_id, t.from_stage, COUNT(*) AS exits, AVG(t.dwell_days) AS average_days,
                ${exits.median('t.dwell_days')} AS median_days,
                SUM(CASE WHEN t.direction = 'forward' THEN 1 ELSE 0 END) AS forward,
                SUM(CASE WHEN t.direction = 'backward' THEN 1 ELSE 0 END) AS backward,
                SUM(CASE WHEN t.direction = 'close' AND t.to_stage = 'won' THEN 1 ELSE 0 END) AS won,
                SUM(CASE WHEN t.direction = 'close' AND t.to_stage = 'lost' THEN 1 ELSE 0 END) AS lost
         ${moves(exits)} AND t.direction <> 'reopen'
         GROUP BY t.pipeline_id, t.from_stage`,
      ),
      matrix.run(
        this.dataSource,
        `SELECT t.pipeline_id, t.from_stage, t.to_stage, t.direction, COUNT(*) AS moves
         ${moves(matrix)}
         GROUP BY t.pipeline_id, t.from_stage, t.to_stage, t.direction`,
      ),
    ]);
    return analyseStages(
      exitRows.map((row): StageExitTotals => ({
        pipelineId: toText(row.pipeline_id),
        stageId: toText(row.from_stage),
        exits: toNumber(row.exits),
        averageDays: toNumber(row.average_days),
        medianDays: toNumber(row.median_days),
        forward: toNumber(row.forward),
        backward: toNumber(row.backward),
        won: toNumber(row.won),
        lost: toNumber(row.lost),
      })),
      matrixRows.map((row): TransitionCount => ({
        pipelineId: toText(row.pipeline_id),
        fromStage: toText(row.from_stage),
        toStage: toText(row.to_stage),
        direction: toText(row.direction),
        count: toNumber(row.moves),
      })),
    );
  }

  /** Accounts ranked by won value in the period and by open pipeline now, `limit` of each. */
  async keyCustomers(filter: ReportFilter, limit: number) {
    const [byWonValue, byOpenPipeline] = await Promise.all([
      this.rankAccounts(filter, limit, 'won'),
      this.rankAccounts(filter, limit, 'open'),
    ]);
    return { byWonValue, byOpenPipeline };
  }

  /** The deals behind a figure: the same filters, narrowed to a status and stage, by expected close date. */
  deals(filter: ReportFilter, query: DealQuery) {
    return dealsBehindFigure(this.dataSource, filter, query);
  }

  private async rankAccounts(filter: ReportFilter, limit: number, status: 'won' | 'open') {
    const deals = (sql: ReportSql) =>
      `FROM rpt_opportunity o WHERE ${sql.opportunityScope(filter)} AND o.status = '${status}'` +
      (status === 'won' ? ` AND ${sql.inPeriod(filter, 'o.closed_at')}` : '');
    const ranked = this.sql();
    // Accounts rank by their value summed over currencies, as a director reads the list.
    const rankRows = await this.query(
      ranked,
      `SELECT o.account_name, SUM(o.amount) AS total ${deals(ranked)}
       GROUP BY o.account_name ORDER BY total DESC, ${ranked.binary('o.account_name')} LIMIT ${ranked.param(limit)}`,
    );
    const ranking = rankRows.map((row) => toText(row.account_name));
    if (ranking.length === 0) return [];
    const split = this.sql();
    const totals = await this.query(
      split,
      `SELECT o.account_name, o.currency, COUNT(*) AS deals, SUM(o.amount) AS value ${deals(split)}
         AND o.account_name IN (${ranking.map((name) => split.param(name)).join(', ')})
       GROUP BY o.account_name, o.currency`,
    );
    return customerFigures(
      ranking,
      totals.map((row): AccountTotals => ({
        accountName: toText(row.account_name),
        currency: toText(row.currency),
        deals: toNumber(row.deals),
        value: toNumber(row.value),
      })),
    );
  }

  private sql(): ReportSql {
    return new ReportSql(this.engine);
  }

  private query(sql: ReportSql, text: string): Promise<SqlRow[]> {
    return sql.run(this.dataSource, text);
  }
}

const countDeals = (stages: ReadonlyArray<{ count: number }>): number =>
  stages.reduce((sum, stage) => sum + stage.count, 0);
