import { colours } from '../charts';
import { el, figure, table } from '../dom';
import { count, days, mainAmount, mainCurrency, money, percent } from '../format';
import { type Month, monthsOf } from '../months';
import { Panel } from '../panel';
import type { OutcomesReport } from '../reports';
import { dealsHref } from '../route';
import type { ViewContext } from '../view-context';

interface MonthOutcomes {
  month: Month;
  outcomes: OutcomesReport;
}

/**
 * Win rate and pipeline velocity of the deals closed in the period, and month by month; a month opens the deals won
 * or lost in it.
 */
export function outcomesPanel(context: ViewContext): Panel {
  const { from, to } = context.filters;
  const panel = new Panel(
    'outcomes',
    'Win rate and velocity over time',
    `Deals won and lost from ${from} to before ${to}, by the day they closed; velocity = open deals at the end × win ` +
      'rate × average deal size / median sales cycle, per day. Pick a month to see its won deals.',
  );
  void panel.fill(
    async () => {
      const months = monthsOf(from, to);
      const [total, ...byMonth] = await Promise.all([
        context.api.get<OutcomesReport>('/reports/outcomes', { from, to }),
        ...months.map((month) =>
          context.api.get<OutcomesReport>('/reports/outcomes', { from: month.from, to: month.to }),
        ),
      ]);
      return {
        total,
        months: byMonth.map((outcomes, index): MonthOutcomes => ({ month: months[index] as Month, outcomes })),
      };
    },
    ({ total, months }) => {
      if (total.won + total.lost === 0) return { empty: 'No deal was won or lost in this period.' };
      const closed = (month: Month, status: 'won' | 'lost') =>
        dealsHref(context.filters, `Deals ${status} in ${month.name}`, {
          status,
          from: month.from,
          to: month.to,
        });
      const currency = mainCurrency(months.map((entry) => entry.outcomes.pipelineVelocityPerDay)) ?? '';
      return [
        el(
          'dl',
          { class: 'figures' },
          figure('Won', count(total.won), 'won'),
          figure('Lost', count(total.lost), 'lost'),
          figure('Win rate', percent(total.winRate), 'win-rate'),
          figure('Won value', money(total.wonValue), 'won-value'),
          figure('Average deal', money(total.averageDealSize), 'average-deal'),
          figure('Median sales cycle', days(total.medianSalesCycleDays), 'sales-cycle'),
          figure('Velocity per day', money(total.pipelineVelocityPerDay), 'velocity'),
          figure('Open deals at the end', count(total.openDeals), 'open-at-end'),
        ),
        panel.chart({
          kind: 'bar',
          description:
            'Chart of the win rate in percent (bars) and the pipeline velocity per day (line) by month; the table below lists the figures.',
          labels: months.map((entry) => entry.month.name),
          series: [
            {
              label: 'Win rate (%)',
              data: months.map((entry) =>
                entry.outcomes.winRate === undefined ? null : Math.round(entry.outcomes.winRate * 1000) / 10,
              ),
              colour: colours.green,
            },
            {
              label: `Velocity per day (${currency})`,
              data: months.map((entry) => mainAmount(entry.outcomes.pipelineVelocityPerDay)),
              colour: colours.purple,
              secondAxis: true,
              kind: 'line',
            },
          ],
          onPick: (index) => {
            const entry = months[index];
            if (entry !== undefined) context.go(closed(entry.month, 'won'));
          },
        }),
        table(
          'Outcomes by month',
          ['Month', 'Won', 'Lost', 'Win rate', 'Won value', 'Median cycle', 'Velocity per day'],
          months.map(({ month, outcomes }) => [
            month.name,
            outcomes.won === 0 ? '0' : el('a', { href: closed(month, 'won') }, count(outcomes.won)),
            outcomes.lost === 0 ? '0' : el('a', { href: closed(month, 'lost') }, count(outcomes.lost)),
            percent(outcomes.winRate),
            money(outcomes.wonValue),
            days(outcomes.medianSalesCycleDays),
            money(outcomes.pipelineVelocityPerDay),
          ]),
        ),
      ];
    },
  );
  return panel;
}
