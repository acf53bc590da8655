import {
  type IntegrationEvent,
  type IntegrationEventContract,
  OpportunityChannelAttributedV1,
  OpportunityForecastRevisedV1,
  OpportunityLostV1,
  OpportunityOpenedV1,
  OpportunityProductsChangedV1,
  OpportunityReopenedV1,
  OpportunityStageChangedV1,
  OpportunityWonV1,
  type Static,
  type TObject,
} from '@salesos/contracts';
import { on, type Projection } from './projection';
import type { HistoryKind, OpportunityHistoryColumns } from './opportunity-history-row.entity';
import type { OpportunityColumns } from './opportunity-row.entity';
import type { StageTransitionColumns } from './stage-transition-row.entity';

/** What an event changes on an opportunity: the row's new values, and its place in the history. */
interface Change {
  kind: HistoryKind;
  effectiveAt: string;
  update: Partial<OpportunityColumns>;
  move?: Pick<StageTransitionColumns, 'fromStage' | 'toStage' | 'direction' | 'fromEnteredAt' | 'changedAt'>;
}

type Changer<Data> = (event: IntegrationEvent<Data>, row: OpportunityColumns) => Change;

const dayMs = 24 * 60 * 60 * 1000;

/** History instants are stored in one width, so that the as-of report can order entries by their text. */
function utcInstant(text: string): string {
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? text : instant.toISOString();
}

/** The later of when a close happened and when it was recorded. */
function settledAt(closedAt: string, recordedAt: string): string {
  const [effective, recorded] = [utcInstant(closedAt), utcInstant(recordedAt)];
  return effective > recorded ? effective : recorded;
}

/** History keeps only what the event changed, so replaying it in business-time order never undoes a correction. */
function history(
  event: IntegrationEvent,
  row: Pick<OpportunityColumns, 'opportunityId' | 'divisionId'>,
  kind: HistoryKind,
  effectiveAt: string,
  changed: Partial<OpportunityColumns>,
): OpportunityHistoryColumns {
  return {
    eventId: event.id,
    opportunityId: row.opportunityId,
    divisionId: row.divisionId,
    kind,
    effectiveAt: utcInstant(effectiveAt),
    recordedAt: utcInstant(event.time),
    stageId: changed.stageId ?? null,
    probability: changed.probability ?? null,
    amount: changed.amount ?? null,
    currency: changed.currency ?? null,
    expectedCloseDate: changed.expectedCloseDate ?? null,
  };
}

const opened = on(OpportunityOpenedV1, (event, session) => {
  // The history row marks an event as applied: a repeat changes nothing.
  if (session.hasHistory(event.id)) return;
  const { data } = event;
  const lead = data.leadId === undefined ? undefined : session.lead(data.leadId);
  const row: OpportunityColumns = {
    opportunityId: data.opportunityId,
    divisionId: data.divisionId,
    leadId: data.leadId ?? null,
    accountName: data.accountName,
    ownerRepId: data.ownerRepId ?? null,
    pipelineId: data.pipelineId,
    stageId: data.stageId,
    stageEnteredAt: data.openedAt,
    probability: data.probability,
    amount: data.amount.amount,
    currency: data.amount.currency,
    expectedCloseDate: data.expectedCloseDate,
    channel: data.channel,
    dealerId: data.dealerId ?? null,
    products: JSON.stringify(data.products),
    status: 'open',
    openedAt: data.openedAt,
    forecastSince: utcInstant(data.openedAt),
    closedAt: null,
    closedSettledAt: null,
    reopenCount: 0,
    lossReason: null,
    source: lead?.source ?? null,
    teamId: lead?.teamId ?? null,
    segmentIds: lead?.segmentIds ?? '[]',
  };
  session.saveOpportunity(row);
  session.addHistory(history(event, row, 'opened', data.openedAt, row));
});

/** A change to an opportunity already projected; the same partition brought its opening first. */
const changing = <Schema extends TObject>(
  contract: IntegrationEventContract<Schema>,
  changer: Changer<Static<Schema>>,
) =>
  on(contract, (event, session) => {
    if (session.hasHistory(event.id)) return;
    // Every opportunity event is keyed by its opportunity: the subject is its id.
    const opportunityId = event.subject;
    const row = session.opportunity(opportunityId);
    if (row === undefined) throw new Error(`Opportunity ${opportunityId} has not been opened in the read model`);
    const change = changer(event, row);
    if (change.move !== undefined) {
      session.addTransition({
        eventId: event.id,
        opportunityId,
        divisionId: row.divisionId,
        pipelineId: row.pipelineId,
        ...change.move,
        dwellDays: (Date.parse(change.move.changedAt) - Date.parse(change.move.fromEnteredAt)) / dayMs,
      });
    }
    session.saveOpportunity({ ...row, ...change.update });
    session.addHistory(history(event, row, change.kind, change.effectiveAt, change.update));
  });

const stageChanged: Changer<Static<typeof OpportunityStageChangedV1.schema>> = ({ data }, row) => {
  // Stages are ordered by probability in every pipeline, so a drop in probability is a step back.
  const direction = data.probability < row.probability ? 'backward' : 'forward';
  return {
    kind: 'stage-changed',
    effectiveAt: data.changedAt,
    move: {
      fromStage: row.stageId,
      toStage: data.toStage,
      direction,
      fromEnteredAt: row.stageEnteredAt,
      changedAt: data.changedAt,
    },
    // The amount it carries is the forecast of the moment, which the forecast events keep already.
    update: { stageId: data.toStage, stageEnteredAt: data.changedAt, probability: data.probability },
  };
};

/**
 * When a revised forecast counts from: its business time, but not before the forecast it revises took effect (the
 * deal's opening, its latest revision, its win: a belief about a deal that did not exist yet, or one the history
 * would rank below the belief it replaced) nor after the revision was recorded (a belief stated for later). The
 * leads service refuses a time before the opening or after the command; revisions published before it did, and
 * revisions dated before an earlier one, count from the forecast they revise, or from their recording. Otherwise the
 * forecast they replaced, later in business time, would outlive them in the pipeline as of now, while the pipeline
 * now shows them.
 */
function revisionCountsFrom(effectiveAt: string, row: OpportunityColumns, recordedAt: string): string {
  const since = utcInstant(row.forecastSince ?? row.openedAt);
  const [effective, recorded] = [utcInstant(effectiveAt), utcInstant(recordedAt)];
  const stated = effective > recorded ? recorded : effective;
  return stated < since ? since : stated;
}

const forecastRevised: Changer<Static<typeof OpportunityForecastRevisedV1.schema>> = ({ data, time }, row) => {
  const effectiveAt = revisionCountsFrom(data.effectiveAt, row, time);
  return {
    kind: 'forecast-revised',
    effectiveAt,
    update: {
      amount: data.amount.amount,
      currency: data.amount.currency,
      expectedCloseDate: data.expectedCloseDate,
      forecastSince: effectiveAt,
    },
  };
};

const won: Changer<Static<typeof OpportunityWonV1.schema>> = (event, row) => {
  const { data } = event;
  return {
    kind: 'won',
    effectiveAt: data.wonAt,
    move: {
      fromStage: row.stageId,
      toStage: 'won',
      direction: 'close',
      fromEnteredAt: row.stageEnteredAt,
      changedAt: data.wonAt,
    },
    update: {
      status: 'won',
      probability: 1,
      amount: data.amount.amount,
      currency: data.amount.currency,
      channel: data.channel,
      dealerId: data.dealerId ?? null,
      closedAt: data.wonAt,
      closedSettledAt: settledAt(data.wonAt, event.time),
      forecastSince: utcInstant(data.wonAt),
    },
  };
};

const lost: Changer<Static<typeof OpportunityLostV1.schema>> = (event, row) => {
  const { data } = event;
  return {
    kind: 'lost',
    effectiveAt: data.lostAt,
    move: {
      fromStage: row.stageId,
      toStage: 'lost',
      direction: 'close',
      fromEnteredAt: row.stageEnteredAt,
      changedAt: data.lostAt,
    },
    update: {
      status: 'lost',
      probability: 0,
      closedAt: data.lostAt,
      closedSettledAt: settledAt(data.lostAt, event.time),
      lossReason: data.reason,
    },
  };
};

const reopened: Changer<Static<typeof OpportunityReopenedV1.schema>> = ({ data }, row) => {
  return {
    kind: 'reopened',
    effectiveAt: data.reopenedAt,
    move: {
      fromStage: row.status,
      toStage: data.stageId,
      direction: 'reopen',
      fromEnteredAt: row.closedAt ?? row.stageEnteredAt,
      changedAt: data.reopenedAt,
    },
    update: {
      status: 'open',
      stageId: data.stageId,
      stageEnteredAt: data.reopenedAt,
      probability: data.probability,
      closedAt: null,
      closedSettledAt: null,
      reopenCount: row.reopenCount + 1,
      lossReason: null,
    },
  };
};

/** Products and channel change no figure of the pipeline's past, so they only update the current row. */
const productsChanged = on(OpportunityProductsChangedV1, ({ data }, session) => {
  const row = session.opportunity(data.opportunityId);
  if (row !== undefined) session.saveOpportunity({ ...row, products: JSON.stringify(data.products) });
});

const channelAttributed = on(OpportunityChannelAttributedV1, ({ data }, session) => {
  const row = session.opportunity(data.opportunityId);
  if (row !== undefined) session.saveOpportunity({ ...row, channel: data.channel, dealerId: data.dealerId ?? null });
});

/** The pipeline's read models: each opportunity now, its history, and its moves between stages. */
export const pipelineProjection: Projection = {
  name: 'pipeline',
  tables: ['rpt_opportunity', 'rpt_opportunity_history', 'rpt_stage_transition'],
  handlers: new Map([
    opened,
    changing(OpportunityStageChangedV1, stageChanged),
    changing(OpportunityForecastRevisedV1, forecastRevised),
    changing(OpportunityWonV1, won),
    changing(OpportunityLostV1, lost),
    changing(OpportunityReopenedV1, reopened),
    productsChanged,
    channelAttributed,
  ]),
};
