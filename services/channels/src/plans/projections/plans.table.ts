import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@salesos/http';
import {
  aggregateTable,
  type ServiceViews,
  Sql,
  type SqlRow,
  type StoreProjection,
  toNumber,
} from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE, CHANNELS_VIEWS } from '../../core/channels-service.tokens';
import { type PlanFilter, PlanList, type PlanSummary } from '../application/plan-list.port';
import { planAgainstActual } from '../domain/plan-against-actual';
import { planDecider, type PlanState, toCents } from '../domain/plan.decider';
import { type PlanEvent, planEvents } from '../domain/plan.events';

const ratio = (actual: number, plan: number): number | null => (plan === 0 ? null : actual / plan);

function summary(row: SqlRow): PlanSummary {
  const currency = String(row.currency);
  const planCents = toNumber(row.plan_cents);
  const actualCents = toNumber(row.actual_cents);
  const planUnits = toNumber(row.plan_units);
  const actualUnits = toNumber(row.actual_units);
  return {
    dealerId: String(row.dealer_id),
    companyName: typeof row.company_name === 'string' ? row.company_name : '',
    channelId: typeof row.channel_id === 'string' ? row.channel_id : '',
    period: String(row.period),
    revision: toNumber(row.revision),
    planValue: { amount: planCents / 100, currency },
    actualValue: { amount: actualCents / 100, currency },
    valueAttainment: ratio(actualCents, planCents),
    planUnits,
    actualUnits,
    unitAttainment: ratio(actualUnits, planUnits),
    version: toNumber(row.version),
  };
}

/**
 * Each dealer's plan for a period, folded with the plan decider's own `evolve`, with the figures lists filter on
 * and show. The dealer's company and channel are the dealers feature's view, joined where the rows are.
 */
@Injectable()
export class PlansTable extends PlanList {
  readonly projection: StoreProjection = aggregateTable<PlanState, PlanEvent>({
    name: 'plans',
    category: 'plan',
    table: 'channels_plan',
    idColumn: 'plan_id',
    codec: planEvents,
    evolve: (state, event) => planDecider.evolve(state, event),
    initialState: () => planDecider.initialState(),
    columns: (plan) => {
      const figures = plan.status === 'none' ? undefined : planAgainstActual(plan);
      if (plan.status === 'none' || figures === undefined) return undefined;
      const { total } = figures;
      return {
        division_id: plan.divisionId,
        dealer_id: plan.dealerId,
        period: plan.period,
        revision: figures.revision,
        currency: total.planValue.currency,
        plan_cents: toCents(total.planValue.amount),
        actual_cents: toCents(total.actualValue.amount),
        plan_units: total.planUnits,
        actual_units: total.actualUnits,
        attainment: total.valueAttainment,
      };
    },
  });

  constructor(
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
    @Inject(CHANNELS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async find(filter: PlanFilter, offset: number, limit: number): Promise<Page<PlanSummary>> {
    const where = (sql: Sql): string => {
      const conditions = [`p.division_id = ${sql.param(filter.divisionId)}`];
      if (filter.reach !== undefined) conditions.push(`p.dealer_id = ${sql.param(filter.reach)}`);
      if (filter.dealerId !== undefined) conditions.push(`p.dealer_id = ${sql.param(filter.dealerId)}`);
      if (filter.period !== undefined) conditions.push(`p.period = ${sql.param(filter.period)}`);
      if (filter.channelId !== undefined) conditions.push(`d.channel_id = ${sql.param(filter.channelId)}`);
      return conditions.join(' AND ');
    };
    const from = `channels_plan p
      LEFT JOIN channels_dealer d ON d.dealer_id = p.dealer_id AND d.division_id = p.division_id`;
    const count = Sql.for(this.db);
    const [total] = await count.run(this.db, `SELECT COUNT(*) AS total FROM ${from} WHERE ${where(count)}`);
    const page = Sql.for(this.db);
    const rows = await page.run(
      this.db,
      `SELECT p.dealer_id, p.period, p.revision, p.currency, p.plan_cents, p.actual_cents, p.plan_units,
              p.actual_units, p.version, d.company_name, d.channel_id
         FROM ${from} WHERE ${where(page)}
        ORDER BY ${page.binary('p.dealer_id')}, ${page.binary('p.period')}
        LIMIT ${page.param(limit)} OFFSET ${page.param(offset)}`,
    );
    return { items: rows.map(summary), total: toNumber(total?.total) };
  }
}
