import { colours } from '../charts';
import { el, figure, table } from '../dom';
import { count, label, money, percent } from '../format';
import { Panel } from '../panel';
import type { FunnelFigures, FunnelReport } from '../reports';
import { dealsHref } from '../route';
import type { ViewContext } from '../view-context';

/** Lead → qualified → opportunity → won over the leads captured in the period. */
export function funnelPanel(context: ViewContext): Panel {
  const { from, to } = context.filters;
  const panel = new Panel(
    'funnel',
    'Funnel: lead to won',
    `The leads captured from ${from} to before ${to}, and how far each got. The deals report lists deals by when ` +
      'they opened or closed, not by when their lead came in, so the steps have no list of deals behind them yet.',
  );
  void panel.fill(
    () => context.api.get<FunnelReport>('/reports/funnel', { from, to }),
    (report) => {
      const all = report.groups[0];
      if (all === undefined || all.captured === 0) return { empty: 'No lead was captured in this period.' };
      const steps: Array<[string, number]> = [
        ['Leads', all.captured],
        ['Qualified', all.qualified],
        ['Opportunities', all.converted],
        ['Won', all.won],
      ];
      return [
        panel.chart({
          kind: 'bar',
          horizontal: true,
          description: `Funnel chart: ${steps.map(([name, value]) => `${name} ${value}`).join(', ')}.`,
          labels: steps.map(([name]) => name),
          series: [{ label: 'Leads', data: steps.map(([, value]) => value), colour: colours.blue }],
        }),
        el(
          'dl',
          { class: 'figures' },
          figure('Leads', count(all.captured), 'captured'),
          figure('Qualified', `${count(all.qualified)} (${percent(all.qualificationRate)})`, 'qualified'),
          figure('Opportunities', `${count(all.converted)} (${percent(all.conversionRate)} of qualified)`, 'converted'),
          figure('Won', `${count(all.won)} (${percent(all.wonPerConverted)} of opportunities)`, 'won'),
          figure('Lead to win', percent(all.leadToWinRate), 'lead-to-win'),
          figure('Won value', money(all.wonValue), 'won-value'),
        ),
      ];
    },
  );
  return panel;
}

/** The lead sources ranked by how their leads turn into wins; a source opens the deals that came from it. */
export function leadSourcesPanel(context: ViewContext): Panel {
  const { from, to } = context.filters;
  const panel = new Panel(
    'lead-sources',
    'Lead sources',
    `The leads captured from ${from} to before ${to} by source, ranked by lead-to-win rate. Pick a source to see ` +
      'all the deals from it.',
  );
  void panel.fill(
    () => context.api.get<{ sources: FunnelFigures[] }>('/reports/lead-sources', { from, to }),
    ({ sources }) => {
      if (sources.length === 0) return { empty: 'No lead was captured in this period.' };
      const drill = (source: FunnelFigures) =>
        dealsHref(context.filters, `Deals from ${source.group} leads`, { source: source.group });
      return [
        panel.chart({
          kind: 'bar',
          description: 'Bar chart of the lead-to-win rate in percent by source; the table below lists the figures.',
          labels: sources.map((source) => label(source.group)),
          series: [
            {
              label: 'Lead to win (%)',
              data: sources.map((source) => Math.round((source.leadToWinRate ?? 0) * 1000) / 10),
              colour: colours.green,
            },
          ],
          onPick: (index) => {
            const source = sources[index];
            if (source !== undefined) context.go(drill(source));
          },
        }),
        table(
          'Lead sources',
          ['Source', 'Leads', 'Qualified', 'Opportunities', 'Won', 'Lead to win', 'Won value', 'Deals'],
          sources.map((source) => [
            label(source.group),
            count(source.captured),
            count(source.qualified),
            count(source.converted),
            count(source.won),
            percent(source.leadToWinRate),
            money(source.wonValue),
            el(
              'a',
              { href: drill(source), 'aria-label': `Show the deals from ${label(source.group)} leads` },
              'Show deals',
            ),
          ]),
        ),
      ];
    },
  );
  return panel;
}
