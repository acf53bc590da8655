import { colours } from '../charts';
import { el, table } from '../dom';
import { count, days, label } from '../format';
import { Panel } from '../panel';
import type { StageDwell, StagesReport } from '../reports';
import { dealsHref } from '../route';
import type { ViewContext } from '../view-context';

/** How long deals stay in each stage, the slowest first: where the pipeline is stuck. */
export function stagesPanel(context: ViewContext): Panel {
  const { from, to } = context.filters;
  const panel = new Panel(
    'stages',
    'Bottlenecks: time spent in each stage',
    `Moves out of each stage from ${from} to before ${to}, ranked by the median days deals spent in it. Pick a ` +
      'stage to see the deals in it now.',
  );
  void panel.fill(
    () => context.api.get<StagesReport>('/reports/stages', { from, to }),
    (report) => {
      if (report.dwell.length === 0) return { empty: 'No deal moved out of a stage in this period.' };
      const byKey = new Map(report.dwell.map((stage) => [`${stage.pipelineId}/${stage.stageId}`, stage]));
      const ranked = report.bottlenecks
        .map((bottleneck) => byKey.get(`${bottleneck.pipelineId}/${bottleneck.stageId}`))
        .filter((stage): stage is StageDwell => stage !== undefined);
      const name = (stage: StageDwell) => `${label(stage.stageId)} (${label(stage.pipelineId)})`;
      const drill = (stage: StageDwell) =>
        dealsHref(context.filters, `Open deals in ${name(stage)} now`, {
          status: 'open',
          pipelineId: stage.pipelineId,
          stageId: stage.stageId,
        });
      return [
        panel.chart({
          kind: 'bar',
          horizontal: true,
          description: 'Bar chart of the median days in each stage, slowest first; the table below lists the figures.',
          labels: ranked.map(name),
          series: [{ label: 'Median days', data: ranked.map((stage) => stage.medianDays), colour: colours.orange }],
          onPick: (index) => {
            const stage = ranked[index];
            if (stage !== undefined) context.go(drill(stage));
          },
        }),
        table(
          'Time in stage, slowest first',
          ['Stage', 'Median', 'Average', 'Moves out', 'Forward', 'Back', 'Won', 'Lost', 'Deals'],
          ranked.map((stage) => [
            name(stage),
            days(stage.medianDays),
            days(stage.averageDays),
            count(stage.exits),
            count(stage.forward),
            count(stage.backward),
            count(stage.won),
            count(stage.lost),
            el('a', { href: drill(stage), 'aria-label': `Show the open deals in ${name(stage)}` }, 'In it now'),
          ]),
        ),
      ];
    },
  );
  return panel;
}
