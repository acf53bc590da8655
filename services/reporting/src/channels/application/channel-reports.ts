import type { DataSource } from 'typeorm';
import { addTo, type ByCurrency, round2 } from '../../core/domain/money-totals';
import { ReportSql, sqlEngine, type SqlEngine, type SqlRow, toNumber, toText } from '../../core/report-sql';
import { noRegistrations, type RegistrationCounts, registrationFigures } from '../domain/registration-figures';
import type { ChannelReportFilter } from './channel-report-filter';
import { registrationChannel, registrationCounts } from './registration-counts.query';

/** A dealer the caller may not see, or that reporting does not know: read as not found. */
export class DealerNotReached extends Error {
  readonly code = 'DEALER_NOT_FOUND';
  constructor(readonly dealerId: string) {
    super(`Dealer ${dealerId} is not known to reporting in this division`);
  }
}

interface Performance {
  won: number;
  lost: number;
  winRate: number | null;
  revenueWon: ByCurrency;
  openDeals: number;
  openPipeline: ByCurrency;
}

const emptyPerformance = (): Performance => ({
  won: 0,
  lost: 0,
  winRate: null,
  revenueWon: {},
  openDeals: 0,
  openPipeline: {},
});

/**
 * The channel a deal counts in: its dealer's channel, `direct` for direct deals, `dealer` for a dealer deal whose
 * dealer reporting has no channel for.
 */
const channelOf = 'COALESCE(d.channel_id, o.channel)';

/**
 * The tier in force for a dealer (`o.dealer_id`) on the day of an instant column: the latest change effective by
 * that day that no other change corrects (a correction replaces what it corrects from its own effective day).
 */
const tierOnDay = (instantColumn: string) =>
  `(SELECT t.tier_id FROM rpt_dealer_tier t
    WHERE t.dealer_id = o.dealer_id AND t.effective_from <= substr(${instantColumn}, 1, 10)
      AND NOT EXISTS (SELECT 1 FROM rpt_dealer_tier c WHERE c.corrects = t.change_id)
    ORDER BY t.effective_from DESC, t.changed_at DESC, t.change_id DESC LIMIT 1)`;

/**
 * Channel and dealer performance over the read models: deals won and lost in the period, revenue, open pipeline now,
 * plan against actual, and the tier each deal was won at. Every condition is in the statements.
 */
export class ChannelReports {
  private readonly engine: SqlEngine;

  constructor(private readonly dataSource: DataSource) {
    this.engine = sqlEngine(dataSource);
  }

  /**
   * Per channel: deals won and lost in the period, win rate, revenue won, the open pipeline now, and the
   * registrations submitted in the period where they stand now.
   */
  async channels(filter: ChannelReportFilter) {
    const [rows, registrations] = await Promise.all([
      this.performanceRows(filter, channelOf),
      registrationCounts(this.dataSource, this.engine, filter, registrationChannel),
    ]);
    const byChannel = new Map<string, Performance>();
    for (const row of rows) accumulate(byChannel, toText(row.grouping), row);
    for (const channelId of registrations.keys())
      if (!byChannel.has(channelId)) byChannel.set(channelId, emptyPerformance());
    return {
      ...period(filter),
      channels: [...byChannel.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([channelId, figures]) => ({
          channelId,
          ...withWinRate(figures),
          registrations: registrationsOf(registrations, channelId),
        })),
    };
  }

  /**
   * Per dealer: the channel figures (registrations included), the plan for the period and its attainment, and the
   * won deals by tier.
   */
  async dealers(filter: ChannelReportFilter) {
    const known = this.sql();
    const dealerRows = await known.run(
      this.dataSource,
      `SELECT d.dealer_id, d.channel_id, d.company_name, d.status FROM rpt_dealer d
       WHERE ${this.dealerScope(known, filter)}`,
    );
    const rows = await this.performanceRows(filter, 'o.dealer_id', 'o.dealer_id IS NOT NULL');
    const [tierRows, planRows, registrations] = await Promise.all([
      this.wonByTier(filter),
      this.plans(filter),
      registrationCounts(this.dataSource, this.engine, filter, 'r.dealer_id'),
    ]);
    const dealers = new Map<string, { channelId: string | null; companyName: string | null; status: string | null }>();
    for (const row of dealerRows) {
      dealers.set(toText(row.dealer_id), {
        channelId: row.channel_id === null ? null : toText(row.channel_id),
        companyName: row.company_name === null ? null : toText(row.company_name),
        status: toText(row.status),
      });
    }
    const figures = new Map<string, Performance>();
    for (const row of rows) accumulate(figures, toText(row.grouping), row);
    for (const id of [...figures.keys(), ...registrations.keys()]) {
      if (!dealers.has(id)) dealers.set(id, { channelId: null, companyName: null, status: null });
    }
    return {
      ...period(filter),
      dealers: [...dealers.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([dealerId, dealer]) => {
          const performance = withWinRate(figures.get(dealerId) ?? emptyPerformance());
          const plan = planRows.get(dealerId);
          return {
            dealerId,
            ...dealer,
            ...performance,
            plan: plan ?? null,
            attainment: attainment(plan, performance.revenueWon),
            wonByTier: (tierRows.get(dealerId) ?? []).sort((a, b) => (a.tierId ?? '').localeCompare(b.tierId ?? '')),
            registrations: registrationsOf(registrations, dealerId),
          };
        }),
    };
  }

  /** A dealer's deals in the period (opened, or closed in it), each with the tier in force at its date. */
  async dealerDeals(filter: ChannelReportFilter, dealerId: string) {
    if (filter.scope.kind === 'dealer' && filter.scope.dealerId !== dealerId) throw new DealerNotReached(dealerId);
    const sql = this.sql();
    // Parameters are numbered in the order they are taken: the conditions are written in the statement's order.
    const tier = tierOnDay('COALESCE(o.closed_at, o.opened_at)');
    const division = sql.param(filter.divisionId);
    const dealer = sql.param(dealerId);
    const closedIn = sql.inPeriod(filter, 'o.closed_at');
    const openedIn = sql.inPeriod(filter, 'o.opened_at');
    const rows = await sql.run(
      this.dataSource,
      `SELECT o.opportunity_id, o.account_name, o.status, o.amount, o.currency, o.opened_at, o.closed_at,
              ${tier} AS tier_id
       FROM rpt_opportunity o
       WHERE o.division_id = ${division} AND o.dealer_id = ${dealer}
         AND ((o.status <> 'open' AND ${closedIn}) OR (o.status = 'open' AND ${openedIn}))
       ORDER BY COALESCE(o.closed_at, o.opened_at) DESC, ${sql.binary('o.opportunity_id')}`,
    );
    return {
      dealerId,
      ...period(filter),
      deals: rows.map((row) => ({
        opportunityId: toText(row.opportunity_id),
        accountName: toText(row.account_name),
        status: toText(row.status),
        amount: { amount: toNumber(row.amount), currency: toText(row.currency) },
        openedAt: toText(row.opened_at),
        closedAt: row.closed_at === null ? null : toText(row.closed_at),
        /** The tier on the day it was won or lost, or opened while still open; null before any tier. */
        tierId: row.tier_id === null || row.tier_id === undefined ? null : toText(row.tier_id),
      })),
    };
  }

  /** Closed deals in the period and open deals now, by `grouping` and currency. */
  private performanceRows(filter: ChannelReportFilter, grouping: string, extra = '1 = 1'): Promise<SqlRow[]> {
    const sql = this.sql();
    return sql.run(
      this.dataSource,
      `SELECT ${grouping} AS grouping, o.status, o.currency, COUNT(*) AS deals, SUM(o.amount) AS value
       FROM rpt_opportunity o LEFT JOIN rpt_dealer d ON d.dealer_id = o.dealer_id
       WHERE ${this.dealScope(sql, filter)} AND ${extra}
         AND (o.status = 'open' OR ${sql.inPeriod(filter, 'o.closed_at')})
       GROUP BY ${grouping}, o.status, o.currency`,
    );
  }

  /** Won deals in the period by dealer and the tier in force on the day each was won. */
  private async wonByTier(filter: ChannelReportFilter) {
    const sql = this.sql();
    const rows = await sql.run(
      this.dataSource,
      `SELECT won.dealer_id, won.tier_id, won.currency, COUNT(*) AS deals, SUM(won.amount) AS value
       FROM (SELECT o.dealer_id, o.currency, o.amount, ${tierOnDay('o.closed_at')} AS tier_id
             FROM rpt_opportunity o LEFT JOIN rpt_dealer d ON d.dealer_id = o.dealer_id
             WHERE ${this.dealScope(sql, filter)} AND o.dealer_id IS NOT NULL AND o.status = 'won'
               AND ${sql.inPeriod(filter, 'o.closed_at')}) won
       GROUP BY won.dealer_id, won.tier_id, won.currency`,
    );
    const byDealer = new Map<string, Array<{ tierId: string | null; deals: number; revenueWon: ByCurrency }>>();
    for (const row of rows) {
      const dealerId = toText(row.dealer_id);
      const tierId = row.tier_id === null || row.tier_id === undefined ? null : toText(row.tier_id);
      const tiers = byDealer.get(dealerId) ?? [];
      let entry = tiers.find((tier) => tier.tierId === tierId);
      if (entry === undefined) {
        entry = { tierId, deals: 0, revenueWon: {} };
        tiers.push(entry);
      }
      entry.deals += toNumber(row.deals);
      addTo(entry.revenueWon, toText(row.currency), toNumber(row.value));
      byDealer.set(dealerId, tiers);
    }
    return byDealer;
  }

  /**
   * The plan of each dealer for the period: the latest revisions of the plans whose period lies inside it, of the
   * coarsest kind there is (a year's plan rather than its quarters'). None without a whole period.
   */
  private async plans(filter: ChannelReportFilter) {
    const plans = new Map<string, { periods: string[]; value: ByCurrency; units: number }>();
    if (filter.from === undefined || filter.to === undefined) return plans;
    const sql = this.sql();
    const rows = await sql.run(
      this.dataSource,
      `SELECT p.dealer_id, p.period, p.amount, p.currency, p.units FROM rpt_dealer_plan p
       LEFT JOIN rpt_dealer d ON d.dealer_id = p.dealer_id
       WHERE p.division_id = ${sql.param(filter.divisionId)} AND ${sql.rowsReached(filter.scope, 'p', 'dealer_id')}
         ${filter.channelId === undefined ? '' : `AND d.channel_id = ${sql.param(filter.channelId)}`}
         AND p.period_start >= ${sql.param(filter.from.slice(0, 10))} AND p.period_end <= ${sql.param(filter.to.slice(0, 10))}
       ORDER BY p.dealer_id, p.period`,
    );
    const kind = (period: string) => (period.length === 4 ? 0 : period.includes('Q') ? 1 : 2);
    const coarsest = new Map<string, number>();
    for (const row of rows) {
      const dealerId = toText(row.dealer_id);
      const level = kind(toText(row.period));
      coarsest.set(dealerId, Math.min(coarsest.get(dealerId) ?? level, level));
    }
    for (const row of rows) {
      const dealerId = toText(row.dealer_id);
      if (kind(toText(row.period)) !== coarsest.get(dealerId)) continue;
      const plan = plans.get(dealerId) ?? { periods: [], value: {}, units: 0 };
      plan.periods.push(toText(row.period));
      addTo(plan.value, toText(row.currency), toNumber(row.amount));
      plan.units += toNumber(row.units);
      plans.set(dealerId, plan);
    }
    return plans;
  }

  /** Deals in the division and the caller's reach, narrowed to a channel (that of the deal's dealer). */
  private dealScope(sql: ReportSql, filter: ChannelReportFilter): string {
    const conditions = [`o.division_id = ${sql.param(filter.divisionId)}`, sql.rowsReached(filter.scope, 'o')];
    if (filter.channelId !== undefined) conditions.push(`${channelOf} = ${sql.param(filter.channelId)}`);
    return conditions.join(' AND ');
  }

  private dealerScope(sql: ReportSql, filter: ChannelReportFilter): string {
    const conditions = [
      `d.division_id = ${sql.param(filter.divisionId)}`,
      sql.rowsReached(filter.scope, 'd', 'dealer_id'),
    ];
    if (filter.channelId !== undefined) conditions.push(`d.channel_id = ${sql.param(filter.channelId)}`);
    return conditions.join(' AND ');
  }

  private sql(): ReportSql {
    return new ReportSql(this.engine);
  }
}

function accumulate(groups: Map<string, Performance>, key: string, row: SqlRow): void {
  const figures = groups.get(key) ?? emptyPerformance();
  const deals = toNumber(row.deals);
  const currency = toText(row.currency);
  const value = toNumber(row.value);
  if (row.status === 'won') {
    figures.won += deals;
    addTo(figures.revenueWon, currency, value);
  } else if (row.status === 'lost') {
    figures.lost += deals;
  } else {
    figures.openDeals += deals;
    addTo(figures.openPipeline, currency, value);
  }
  groups.set(key, figures);
}

const withWinRate = (figures: Performance): Performance => ({
  ...figures,
  winRate: figures.won + figures.lost === 0 ? null : round2(figures.won / (figures.won + figures.lost)),
});

/** Revenue won over the plan, in the plan's currency; none without a plan of one currency. */
function attainment(plan: { value: ByCurrency } | undefined, revenueWon: ByCurrency): number | null {
  if (plan === undefined) return null;
  const currencies = Object.keys(plan.value);
  if (currencies.length !== 1) return null;
  const currency = currencies[0] as string;
  const planned = plan.value[currency] as number;
  return planned === 0 ? null : round2((revenueWon[currency] ?? 0) / planned);
}

const registrationsOf = (counts: ReadonlyMap<string, RegistrationCounts>, key: string) =>
  registrationFigures(counts.get(key) ?? noRegistrations);

const period = (filter: ChannelReportFilter) => ({ from: filter.from ?? null, to: filter.to ?? null });
