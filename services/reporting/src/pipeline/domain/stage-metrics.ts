import { round2 } from '../../core/domain/money-totals';

/** The exits from one stage in a period, as the read model sums them; days are fractions. */
export interface StageExitTotals {
  pipelineId: string;
  stageId: string;
  /** Deals that left the stage in the period (moved on, back, or closed). */
  exits: number;
  averageDays: number;
  medianDays: number;
  forward: number;
  backward: number;
  won: number;
  lost: number;
}

/** A stage's dwell figures, rounded for the report. */
export type StageDwell = StageExitTotals;

export interface TransitionCount {
  pipelineId: string;
  fromStage: string;
  toStage: string;
  direction: string;
  count: number;
}

export interface StageAnalysis {
  dwell: StageDwell[];
  /** Moves in the period: from stage, to stage, how many; `won` and `lost` are the closing moves. */
  transitions: TransitionCount[];
  /** Stages ranked by median dwell, longest first: where deals wait. */
  bottlenecks: Array<{ pipelineId: string; stageId: string; medianDays: number; exits: number }>;
}

/** Dwell time per stage, the transition matrix (backward moves included) and the bottleneck ranking. */
export function analyseStages(exits: readonly StageExitTotals[], moves: readonly TransitionCount[]): StageAnalysis {
  const dwell: StageDwell[] = exits
    .map((stage) => ({ ...stage, averageDays: round2(stage.averageDays), medianDays: round2(stage.medianDays) }))
    .sort((a, b) => a.pipelineId.localeCompare(b.pipelineId) || a.stageId.localeCompare(b.stageId));
  const transitions = [...moves].sort(
    (a, b) =>
      a.pipelineId.localeCompare(b.pipelineId) ||
      a.fromStage.localeCompare(b.fromStage) ||
      a.toStage.localeCompare(b.toStage),
  );
  const bottlenecks = [...dwell]
    .sort((a, b) => b.medianDays - a.medianDays || a.stageId.localeCompare(b.stageId))
    .map(({ pipelineId, stageId, medianDays, exits: count }) => ({ pipelineId, stageId, medianDays, exits: count }));
  return { dwell, transitions, bottlenecks };
}
