import { Type } from '@sinclair/typebox';
import { LossReason, Probability, StageId, WonReason } from '@salesos/contracts';
import { type Command, type Decider, defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';
import { defaultLossReasons, defaultPipelines, defaultWonReasons, type PipelineDefinition } from './pipeline';

export const PipelineStageSchema = Type.Object({ stageId: StageId, name: text(1, 120), probability: Probability });
export const PipelineSchema = Type.Object({
  pipelineId: StageId,
  name: text(1, 120),
  stages: Type.Array(PipelineStageSchema, { minItems: 1, maxItems: 30 }),
});

/** A division's sales process: its pipelines, and the reasons its deals are won and lost for. */
export const salesProcessEvents = defineEvents({
  /** A pipeline of the division, defined or replaced as a whole (its stages in order). */
  PipelineDefined: Type.Object({ divisionId: Id, pipeline: PipelineSchema, definedAt: Instant }),
  OpportunityReasonsSet: Type.Object({
    divisionId: Id,
    wonReasons: Type.Array(WonReason, { maxItems: 50 }),
    lossReasons: Type.Array(LossReason, { minItems: 1, maxItems: 50 }),
    setAt: Instant,
  }),
});
export type SalesProcessEvent = EventOf<typeof salesProcessEvents>;

export type DefinePipeline = Command<
  'DefinePipeline',
  {
    divisionId: string;
    pipeline: PipelineDefinition;
    /** The division's open deals in this pipeline by stage, as the application found them. */
    openDealsByStage: Readonly<Record<string, number>>;
  }
>;
export type SetOpportunityReasons = Command<
  'SetOpportunityReasons',
  { divisionId: string; wonReasons: string[]; lossReasons: string[] }
>;
export type SalesProcessCommand = DefinePipeline | SetOpportunityReasons;

export interface SalesProcess {
  pipelines: readonly PipelineDefinition[];
  wonReasons: readonly string[];
  lossReasons: readonly string[];
}

/** What every division has until it defines its own. */
export const defaultSalesProcess: SalesProcess = {
  pipelines: defaultPipelines,
  wonReasons: defaultWonReasons,
  lossReasons: defaultLossReasons,
};

export enum SalesProcessErrorCode {
  DuplicateStage = 'SALES_PROCESS_DUPLICATE_STAGE',
  ProbabilityOutOfRange = 'SALES_PROCESS_PROBABILITY_OUT_OF_RANGE',
  NoStages = 'SALES_PROCESS_NO_STAGES',
  StageInUse = 'SALES_PROCESS_STAGE_IN_USE',
  DuplicateReason = 'SALES_PROCESS_DUPLICATE_REASON',
  NoLossReasons = 'SALES_PROCESS_NO_LOSS_REASONS',
}

export class SalesProcessError extends Error {
  constructor(
    readonly code: SalesProcessErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'SalesProcessError';
  }
}

function checkPipeline(pipeline: PipelineDefinition): void {
  if (pipeline.stages.length === 0) {
    throw new SalesProcessError(SalesProcessErrorCode.NoStages, 'A pipeline needs at least one stage', 'stages');
  }
  const ids = pipeline.stages.map((stage) => stage.stageId);
  const repeated = ids.findIndex((stageId, index) => ids.indexOf(stageId) !== index);
  if (repeated !== -1) {
    throw new SalesProcessError(
      SalesProcessErrorCode.DuplicateStage,
      `names stage '${ids[repeated]}' a second time`,
      `stages[${repeated}].stageId`,
    );
  }
  const outOfRange = pipeline.stages.findIndex(
    (stage) => !Number.isFinite(stage.probability) || stage.probability < 0 || stage.probability > 1,
  );
  if (outOfRange !== -1) {
    throw new SalesProcessError(
      SalesProcessErrorCode.ProbabilityOutOfRange,
      'must be from 0 to 1',
      `stages[${outOfRange}].probability`,
    );
  }
}

/** A stage that open deals are in stays: a deal never sits in a stage its pipeline no longer has. */
function keepStagesInUse(
  current: PipelineDefinition | undefined,
  next: PipelineDefinition,
  openDealsByStage: Readonly<Record<string, number>>,
): void {
  if (current === undefined) return;
  for (const stage of current.stages) {
    const deals = openDealsByStage[stage.stageId] ?? 0;
    if (deals > 0 && !next.stages.some((kept) => kept.stageId === stage.stageId)) {
      throw new SalesProcessError(
        SalesProcessErrorCode.StageInUse,
        `Stage '${stage.stageId}' of pipeline '${current.pipelineId}' holds ${deals} open deal(s); move them to another stage before removing it`,
        'stages',
      );
    }
  }
}

function checkReasons(field: 'wonReasons' | 'lossReasons', reasons: readonly string[]): void {
  const repeated = reasons.findIndex((reason, index) => reasons.indexOf(reason) !== index);
  if (repeated !== -1) {
    throw new SalesProcessError(
      SalesProcessErrorCode.DuplicateReason,
      `lists '${reasons[repeated]}' a second time`,
      `${field}[${repeated}]`,
    );
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A division's sales process, one stream per division: it starts as the defaults every division shares, a pipeline
 * is defined or replaced as a whole, and the won and lost reasons are set as a whole.
 */
export const salesProcessDecider: Decider<SalesProcess, SalesProcessCommand, SalesProcessEvent> = {
  events: salesProcessEvents,
  initialState: () => defaultSalesProcess,

  decide(command, state) {
    const now = command.metadata.now;
    switch (command.type) {
      case 'DefinePipeline': {
        const { divisionId, pipeline, openDealsByStage } = command.data;
        checkPipeline(pipeline);
        const current = state.pipelines.find((candidate) => candidate.pipelineId === pipeline.pipelineId);
        keepStagesInUse(current, pipeline, openDealsByStage);
        if (current !== undefined && same(current, pipeline)) return [];
        return [{ type: 'PipelineDefined', data: { divisionId, pipeline, definedAt: now } }];
      }
      case 'SetOpportunityReasons': {
        const { divisionId, wonReasons, lossReasons } = command.data;
        if (lossReasons.length === 0) {
          throw new SalesProcessError(
            SalesProcessErrorCode.NoLossReasons,
            'A lost deal needs a reason: list at least one',
            'lossReasons',
          );
        }
        checkReasons('wonReasons', wonReasons);
        checkReasons('lossReasons', lossReasons);
        if (same(wonReasons, state.wonReasons) && same(lossReasons, state.lossReasons)) return [];
        return [{ type: 'OpportunityReasonsSet', data: { divisionId, wonReasons, lossReasons, setAt: now } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PipelineDefined': {
        const { pipeline } = event.data;
        const replaced = state.pipelines.some((candidate) => candidate.pipelineId === pipeline.pipelineId);
        return {
          ...state,
          pipelines: replaced
            ? state.pipelines.map((candidate) => (candidate.pipelineId === pipeline.pipelineId ? pipeline : candidate))
            : [...state.pipelines, pipeline],
        };
      }
      case 'OpportunityReasonsSet':
        return { ...state, wonReasons: event.data.wonReasons, lossReasons: event.data.lossReasons };
    }
  },
};
