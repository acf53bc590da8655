import { el, table } from '../dom';
import { addUp, count, label, mainAmount, mainCurrency, money, percent } from '../format';
import { Panel } from '../panel';
import type { PipelineReport } from '../reports';
import { dealsHref, endOfDay } from '../route';
import type { ViewContext } from '../view-context';
import { colours } from '../charts';

/** Open deals by stage, now or at the end of a past day; a stage opens the deals in it now. */
export function pipelinePanel(context: ViewContext): Panel {
  const { asOf } = context.filters;
  const panel = new Panel(
    'pipeline',
    asOf === undefined ? 'Pipeline by stage, now' : `Pipeline by stage at the end of ${asOf} (UTC)`,
    asOf === undefined
      ? 'Open deals in each stage. Pick a stage to see its deals.'
      : 'As known now, later corrections included. The deals report lists deals as they are now, so a past ' +
          'pipeline has no list of deals behind it yet; clear the as-of day to drill down.',
  );
  void panel.fill(
    () =>
      context.api.get<PipelineReport>('/reports/pipeline', { asOf: asOf === undefined ? undefined : endOfDay(asOf) }),
    (report) => {
      if (report.stages.length === 0) {
        return { empty: asOf === undefined ? 'No deal is open.' : 'No deal was open then.' };
      }
      const stageName = (stage: PipelineReport['stages'][number]) =>
        `${label(stage.stageId)} (${label(stage.pipelineId)})`;
      const drill = (stage: PipelineReport['stages'][number]) =>
        dealsHref(context.filters, `Open deals in ${stageName(stage)}`, {
          status: 'open',
          pipelineId: stage.pipelineId,
          stageId: stage.stageId,
        });
      const currency = mainCurrency(report.stages.map((stage) => stage.value)) ?? '';
      return [
        el(
          'p',
          { class: 'headline' },
          el('strong', { 'data-figure': 'open-deals' }, count(report.deals)),
          ` open deals, worth ${money(addUp(report.stages.map((stage) => stage.value)))}, weighted ${money(addUp(report.stages.map((stage) => stage.weightedValue)))}.`,
        ),
        panel.chart({
          kind: 'bar',
          description: `Bar chart of the open pipeline's value in ${currency} by stage; the table below lists the figures.`,
          labels: report.stages.map(stageName),
          series: [
            {
              label: `Value (${currency})`,
              data: report.stages.map((stage) => mainAmount(stage.value)),
              colour: colours.blue,
            },
            {
              label: `Weighted (${currency})`,
              data: report.stages.map((stage) => mainAmount(stage.weightedValue)),
              colour: colours.orange,
            },
          ],
          ...(asOf === undefined
            ? {
                onPick: (index: number) => {
                  const stage = report.stages[index];
                  if (stage !== undefined) context.go(drill(stage));
                },
              }
            : {}),
        }),
        table(
          'Open deals by stage',
          ['Stage', 'Pipeline', 'Deals', 'Value', 'Weighted value', 'Probability'],
          report.stages.map((stage) => [
            label(stage.stageId),
            label(stage.pipelineId),
            asOf === undefined
              ? el(
                  'a',
                  { href: drill(stage), 'data-stage': `${stage.pipelineId}/${stage.stageId}` },
                  count(stage.count),
                )
              : el('span', { 'data-stage': `${stage.pipelineId}/${stage.stageId}` }, count(stage.count)),
            money(stage.value),
            money(stage.weightedValue),
            percent(stage.probability),
          ]),
        ),
      ];
    },
  );
  return panel;
}
