import type { IntegrationEvent } from '@salesos/contracts';
import type { EntityManager } from 'typeorm';
import {
  leadsEventTypes,
  type OpportunityForecastRevisedData,
  type OpportunityOpenedData,
  type OpportunityStageChangedData,
  type OpportunityWonData,
} from '../../shared/leads-events';
import type { Projection, ProjectionHandler } from '../../shared/projection';
import { liveTables, type ReadModelTables } from '../../shared/read-model-tables';
import type { HistoryKind, OpportunityHistoryColumns } from './opportunity-history-row.entity';
import type { OpportunityColumns } from './opportunity-row.entity';
import type { StageTransitionColumns } from './stage-transition-row.entity';

type Change = (
  event: IntegrationEvent,
  row: OpportunityColumns,
  tx: EntityManager,
  tables: ReadModelTables,
) => Promise<{ kind: HistoryKind; effectiveAt: string; update: Partial<OpportunityColumns> } | undefined>;

/** Records the history row first: an event whose row exists was applied already, so a repeat changes nothing. */
async function applied(tables: ReadModelTables, event: IntegrationEvent, tx: EntityManager): Promise<boolean> {
  return (await tx.countBy(tables.history, { eventId: event.id })) > 0;
}

function history(
  event: IntegrationEvent,
  row: Pick<OpportunityColumns, 'opportunityId' | 'divisionId'>,
  kind: HistoryKind,
  effectiveAt: string,
  after: Partial<OpportunityColumns>,
): OpportunityHistoryColumns {
  return {
    eventId: event.id,
    opportunityId: row.opportunityId,
    divisionId: row.divisionId,
    kind,
    effectiveAt,
    recordedAt: event.time,
    stageId: after.stageId ?? null,
    probability: after.probability ?? null,
    amount: after.amount ?? null,
    currency: after.currency ?? null,
    expectedCloseDate: after.expectedCloseDate ?? null,
  };
}

async function transition(
  tables: ReadModelTables,
  event: IntegrationEvent,
  row: OpportunityColumns,
  tx: EntityManager,
  move: Pick<StageTransitionColumns, 'fromStage' | 'toStage' | 'direction' | 'fromEnteredAt' | 'changedAt'>,
): Promise<void> {
  await tx.insert(tables.transition, {
    eventId: event.id,
    opportunityId: row.opportunityId,
    divisionId: row.divisionId,
    pipelineId: row.pipelineId,
    ...move,
  });
}

const opened =
  (tables: ReadModelTables): ProjectionHandler =>
  async (event, tx) => {
    if (await applied(tables, event, tx)) return;
    const data = event.data as OpportunityOpenedData;
    const lead = data.leadId === undefined ? null : await tx.findOneBy(tables.lead, { leadId: data.leadId });
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
      closedAt: null,
      lossReason: null,
      source: lead?.source ?? null,
      segmentIds: lead?.segmentIds ?? '[]',
    };
    await tx.upsert(tables.opportunity, row, ['opportunityId']);
    await tx.insert(tables.history, history(event, row, 'opened', data.openedAt, row));
  };

/** A change to an opportunity already projected; the same partition brought its opening first. */
const changing =
  (tables: ReadModelTables, change: Change): ProjectionHandler =>
  async (event, tx) => {
    if (await applied(tables, event, tx)) return;
    const { opportunityId } = event.data as { opportunityId: string };
    const row = await tx.findOneBy(tables.opportunity, { opportunityId });
    if (row === null) throw new Error(`Opportunity ${opportunityId} has not been opened in the read model`);
    const result = await change(event, row, tx, tables);
    if (result === undefined) return;
    await tx.update(tables.opportunity, { opportunityId }, result.update);
    // History keeps only what the event changed, so replaying it in business-time order never undoes a correction.
    await tx.insert(tables.history, history(event, row, result.kind, result.effectiveAt, result.update));
  };

const stageChanged: Change = async (event, row, tx, tables) => {
  const data = event.data as OpportunityStageChangedData;
  // Stages are ordered by probability in every pipeline, so a drop in probability is a step back.
  const direction = data.probability < row.probability ? 'backward' : 'forward';
  await transition(tables, event, row, tx, {
    fromStage: row.stageId,
    toStage: data.toStage,
    direction,
    fromEnteredAt: row.stageEnteredAt,
    changedAt: data.changedAt,
  });
  return {
    kind: 'stage-changed',
    effectiveAt: data.changedAt,
    // The amount it carries is the forecast of the moment, which the forecast events keep already.
    update: { stageId: data.toStage, stageEnteredAt: data.changedAt, probability: data.probability },
  };
};

const forecastRevised: Change = (event) => {
  const data = event.data as OpportunityForecastRevisedData;
  return Promise.resolve({
    kind: 'forecast-revised',
    effectiveAt: data.effectiveAt,
    update: { amount: data.amount.amount, currency: data.amount.currency, expectedCloseDate: data.expectedCloseDate },
  });
};

const won: Change = async (event, row, tx, tables) => {
  const data = event.data as OpportunityWonData;
  await transition(tables, event, row, tx, {
    fromStage: row.stageId,
    toStage: 'won',
    direction: 'close',
    fromEnteredAt: row.stageEnteredAt,
    changedAt: data.wonAt,
  });
  return {
    kind: 'won',
    effectiveAt: data.wonAt,
    update: {
      status: 'won',
      probability: 1,
      amount: data.amount.amount,
      currency: data.amount.currency,
      channel: data.channel,
      dealerId: data.dealerId ?? null,
      closedAt: data.wonAt,
    },
  };
};

const lost: Change = async (event, row, tx, tables) => {
  const data = event.data as { reason: string; lostAt: string };
  await transition(tables, event, row, tx, {
    fromStage: row.stageId,
    toStage: 'lost',
    direction: 'close',
    fromEnteredAt: row.stageEnteredAt,
    changedAt: data.lostAt,
  });
  return {
    kind: 'lost',
    effectiveAt: data.lostAt,
    update: { status: 'lost', probability: 0, closedAt: data.lostAt, lossReason: data.reason },
  };
};

const reopened: Change = async (event, row, tx, tables) => {
  const data = event.data as { stageId: string; probability: number; reopenedAt: string };
  await transition(tables, event, row, tx, {
    fromStage: row.status,
    toStage: data.stageId,
    direction: 'reopen',
    fromEnteredAt: row.closedAt ?? row.stageEnteredAt,
    changedAt: data.reopenedAt,
  });
  return {
    kind: 'reopened',
    effectiveAt: data.reopenedAt,
    update: {
      status: 'open',
      stageId: data.stageId,
      stageEnteredAt: data.reopenedAt,
      probability: data.probability,
      closedAt: null,
      lossReason: null,
    },
  };
};

/** Products and channel change no figure of the pipeline's past, so they only update the current row. */
const currentOnly =
  (
    tables: ReadModelTables,
    update: (data: Record<string, unknown>) => Partial<OpportunityColumns>,
  ): ProjectionHandler =>
  async (event, tx) => {
    const data = event.data as Record<string, unknown> & { opportunityId: string };
    await tx.update(tables.opportunity, { opportunityId: data.opportunityId }, update(data));
  };

/** The pipeline's read models: each opportunity now, its history, and its moves between stages. */
export function pipelineProjection(tables: ReadModelTables = liveTables): Projection {
  return {
    name: 'pipeline',
    tables: ['rpt_opportunity', 'rpt_opportunity_history', 'rpt_stage_transition'],
    handlers: new Map<string, ProjectionHandler>([
      [leadsEventTypes.opportunityOpened, opened(tables)],
      [leadsEventTypes.opportunityStageChanged, changing(tables, stageChanged)],
      [leadsEventTypes.opportunityForecastRevised, changing(tables, forecastRevised)],
      [leadsEventTypes.opportunityWon, changing(tables, won)],
      [leadsEventTypes.opportunityLost, changing(tables, lost)],
      [leadsEventTypes.opportunityReopened, changing(tables, reopened)],
      [
        leadsEventTypes.opportunityProductsChanged,
        currentOnly(tables, (data) => ({ products: JSON.stringify(data.products) })),
      ],
      [
        leadsEventTypes.opportunityChannelAttributed,
        currentOnly(tables, (data) => ({
          channel: data.channel as string,
          dealerId: (data.dealerId as string | undefined) ?? null,
        })),
      ],
    ]),
  };
}
