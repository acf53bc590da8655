import { daysBetween, median, round2 } from './opportunity-facts';

export interface TransitionFacts {
  opportunityId: string;
  pipelineId: string;
  fromStage: string;
  toStage: string;
  direction: 'forward' | 'backward' | 'close' | 'reopen';
  fromEnteredAt: string;
  changedAt: string;
}

export interface StageDwell {
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

export interface StageAnalysis {
  dwell: StageDwell[];
  /** Moves in the period: from stage, to stage, how many; `won` and `lost` are the closing moves. */
  transitions: Array<{ pipelineId: string; fromStage: string; toStage: string; direction: string; count: number }>;
  /** Stages ranked by median dwell, longest first: where deals wait. */
  bottlenecks: Array<{ pipelineId: string; stageId: string; medianDays: number; exits: number }>;
}

/** Dwell time per stage, the transition matrix (backward moves included) and the bottleneck ranking. */
export function analyseStages(moves: readonly TransitionFacts[]): StageAnalysis {
  const byStage = new Map<
    string,
    { pipelineId: string; stageId: string; days: number[]; counts: Record<string, number> }
  >();
  const matrix = new Map<
    string,
    { pipelineId: string; fromStage: string; toStage: string; direction: string; count: number }
  >();
  for (const move of moves) {
    if (move.direction !== 'reopen') {
      const key = `${move.pipelineId}\u0000${move.fromStage}`;
      const stage = byStage.get(key) ?? { pipelineId: move.pipelineId, stageId: move.fromStage, days: [], counts: {} };
      stage.days.push(daysBetween(move.fromEnteredAt, move.changedAt));
      const outcome = move.direction === 'close' ? move.toStage : move.direction;
      stage.counts[outcome] = (stage.counts[outcome] ?? 0) + 1;
      byStage.set(key, stage);
    }
    const cell = `${move.pipelineId}\u0000${move.fromStage}\u0000${move.toStage}`;
    const entry = matrix.get(cell) ?? {
      pipelineId: move.pipelineId,
      fromStage: move.fromStage,
      toStage: move.toStage,
      direction: move.direction,
      count: 0,
    };
    entry.count += 1;
    matrix.set(cell, entry);
  }
  const dwell: StageDwell[] = [...byStage.values()]
    .map((stage) => ({
      pipelineId: stage.pipelineId,
      stageId: stage.stageId,
      exits: stage.days.length,
      averageDays: round2(stage.days.reduce((sum, days) => sum + days, 0) / stage.days.length),
      medianDays: round2(median(stage.days) ?? 0),
      forward: stage.counts.forward ?? 0,
      backward: stage.counts.backward ?? 0,
      won: stage.counts.won ?? 0,
      lost: stage.counts.lost ?? 0,
    }))
    .sort((a, b) => a.pipelineId.localeCompare(b.pipelineId) || a.stageId.localeCompare(b.stageId));
  const transitions = [...matrix.values()].sort(
    (a, b) =>
      a.pipelineId.localeCompare(b.pipelineId) ||
      a.fromStage.localeCompare(b.fromStage) ||
      a.toStage.localeCompare(b.toStage),
  );
  const bottlenecks = [...dwell]
    .sort((a, b) => b.medianDays - a.medianDays || a.stageId.localeCompare(b.stageId))
    .map(({ pipelineId, stageId, medianDays, exits }) => ({ pipelineId, stageId, medianDays, exits }));
  return { dwell, transitions, bottlenecks };
}
