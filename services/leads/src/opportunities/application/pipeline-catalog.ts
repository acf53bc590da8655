import { RequestValidationError } from '@salesos/http';
import type { PipelineDefinition } from '../domain/pipeline';
import type { SalesProcess } from '../domain/sales-process.decider';

/** A division's sales process as the service's view has it, with the version of its stream (0: the defaults). */
export type DivisionSalesProcess = SalesProcess & { version: number };

/**
 * The pipelines, won and loss reasons of each division, read on every opportunity command: every division has the
 * defaults until it defines its own.
 */
export abstract class PipelineCatalog {
  abstract salesProcessOf(divisionId: string): Promise<DivisionSalesProcess>;

  async pipelines(divisionId: string): Promise<readonly PipelineDefinition[]> {
    return (await this.salesProcessOf(divisionId)).pipelines;
  }

  async lossReasons(divisionId: string): Promise<readonly string[]> {
    return (await this.salesProcessOf(divisionId)).lossReasons;
  }

  async wonReasons(divisionId: string): Promise<readonly string[]> {
    return (await this.salesProcessOf(divisionId)).wonReasons;
  }

  /** Refuses, naming the field, a stage the pipeline does not have. */
  requireStage(pipeline: PipelineDefinition, stageId: string | undefined, field = 'stageId'): void {
    if (stageId === undefined || pipeline.stages.some((stage) => stage.stageId === stageId)) return;
    const known = pipeline.stages.map((stage) => stage.stageId).join(', ');
    throw new RequestValidationError([
      { field, message: `is not a stage of pipeline ${pipeline.pipelineId} (${known})` },
    ]);
  }

  /** Refuses, naming the field, a loss reason the division does not use. */
  async requireLossReason(divisionId: string, reason: string, field = 'reason'): Promise<readonly string[]> {
    const reasons = await this.lossReasons(divisionId);
    if (!reasons.includes(reason)) {
      throw new RequestValidationError([
        { field, message: `must be one of the division's loss reasons (${reasons.join(', ')})` },
      ]);
    }
    return reasons;
  }

  /** The named pipeline, or a validation error naming the field and the pipelines there are. */
  async pipeline(divisionId: string, pipelineId: string, field = 'pipelineId'): Promise<PipelineDefinition> {
    const pipelines = await this.pipelines(divisionId);
    const pipeline = pipelines.find((candidate) => candidate.pipelineId === pipelineId);
    if (pipeline === undefined) {
      const known = pipelines.map((candidate) => candidate.pipelineId).join(', ');
      throw new RequestValidationError([{ field, message: `is not a pipeline of your division (${known})` }]);
    }
    return pipeline;
  }
}
