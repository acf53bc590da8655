import type { Panel } from './panel';
import { channelsPanel, dealersPanel } from './panels/channels-panel';
import { dealerDealsPanel, openDealsPanel } from './panels/deals-panels';
import { funnelPanel, leadSourcesPanel } from './panels/funnel-panel';
import { keyCustomersPanel } from './panels/key-customers-panel';
import { outcomesPanel } from './panels/outcomes-panel';
import { pipelinePanel } from './panels/pipeline-panel';
import { stagesPanel } from './panels/stages-panel';
import type { ViewKind } from './session';
import type { ViewContext } from './view-context';

export interface View {
  title: string;
  panels: Panel[];
  /** What this view will show once the services that own its data publish it. */
  waiting: string[];
}

const forecast =
  'Forecast and its accuracy: waits for forecast categories on deals (leads service) and the weekly forecast snapshots (reporting).';
const targets = 'Plan against actual and quota attainment: waits for the targets of the incentives service.';

/** What each role looks at, from what the reports answer for it today (the API narrows every figure to its reach). */
export function viewFor(kind: ViewKind, context: ViewContext): View {
  switch (kind) {
    case 'director':
      return {
        title: 'The division at a glance',
        panels: [
          pipelinePanel(context),
          outcomesPanel(context),
          funnelPanel(context),
          stagesPanel(context),
          keyCustomersPanel(context),
          leadSourcesPanel(context),
          channelsPanel(context),
          dealersPanel(context),
        ],
        waiting: [
          forecast,
          targets,
          'Cost per lead, per qualified lead and per won deal: waits for campaign costs (leads service).',
          'Training against results and headcount: waits for the people and training of the staffing service in reporting.',
        ],
      };
    case 'team':
      return {
        title: "Your team's sales",
        panels: [
          pipelinePanel(context),
          outcomesPanel(context),
          funnelPanel(context),
          stagesPanel(context),
          keyCustomersPanel(context),
          openDealsPanel(context, "Your team's open deals"),
        ],
        waiting: [forecast, targets],
      };
    case 'rep':
      return {
        title: 'Your deals',
        panels: [
          pipelinePanel(context),
          openDealsPanel(context, 'Your open deals'),
          outcomesPanel(context),
          funnelPanel(context),
          keyCustomersPanel(context),
        ],
        waiting: [forecast, 'Your targets and attainment: waits for the targets of the incentives service.'],
      };
    case 'dealer':
      return {
        title: "Your dealer's business",
        panels: [
          dealersPanel(context),
          pipelinePanel(context),
          outcomesPanel(context),
          dealerDealsPanel(context, context.session.dealerId ?? ''),
        ],
        waiting: [
          'Market development funds: waits for reporting to read the fund events the channels service publishes.',
        ],
      };
  }
}
