import type { DataSource } from 'typeorm';
import { ReportSql, type SqlEngine, toNumber, toText } from '../../core/report-sql';
import { type RegistrationCounts, noRegistrations } from '../domain/registration-figures';
import type { ChannelReportFilter } from './channel-report-filter';

/**
 * The channel a registration counts in: its dealer's, or `dealer` for a dealer reporting has no channel for (as a
 * dealer deal counts in the channel reports).
 */
export const registrationChannel = "COALESCE(d.channel_id, 'dealer')";

/**
 * The registrations submitted in the period, in the division and the caller's reach (narrowed to a channel), counted
 * by `grouping` where each stands now.
 */
export async function registrationCounts(
  dataSource: DataSource,
  engine: SqlEngine,
  filter: ChannelReportFilter,
  grouping: 'r.dealer_id' | typeof registrationChannel,
): Promise<Map<string, RegistrationCounts>> {
  const sql = new ReportSql(engine);
  const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const conditions = [`r.division_id = ${sql.param(filter.divisionId)}`, sql.rowsReached(filter.scope, 'r')];
  if (filter.channelId !== undefined) conditions.push(`${registrationChannel} = ${sql.param(filter.channelId)}`);
  conditions.push(sql.inPeriod(filter, 'r.submitted_at'));
  const rows = await sql.run(
    dataSource,
    `SELECT ${grouping} AS grouping, COUNT(*) AS submitted,
            ${count("r.answer = 'accepted'")} AS accepted, ${count("r.answer = 'conflicted'")} AS conflicted,
            ${count("r.outcome = 'won'")} AS won, ${count("r.outcome = 'lost'")} AS lost,
            ${count("r.outcome = 'lapsed'")} AS lapsed
     FROM rpt_deal_registration r LEFT JOIN rpt_dealer d ON d.dealer_id = r.dealer_id
     WHERE ${conditions.join(' AND ')}
     GROUP BY ${grouping}`,
  );
  const counts = new Map<string, RegistrationCounts>();
  for (const row of rows) {
    const figures = { ...noRegistrations };
    for (const name of Object.keys(noRegistrations) as Array<keyof RegistrationCounts>) {
      figures[name] = toNumber(row[name]);
    }
    counts.set(toText(row.grouping), figures);
  }
  return counts;
}
