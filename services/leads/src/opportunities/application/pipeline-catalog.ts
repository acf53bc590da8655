import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@salesos/http';
import { defaultPipelines, type PipelineDefinition } from '../domain/pipeline';

export const defaultLossReasons = ['price', 'competitor', 'no-decision', 'timing', 'product-fit', 'budget'] as const;

/** The pipelines and loss reasons of each division; every division has the defaults until it defines its own. */
@Injectable()
export class PipelineCatalog {
  pipelines(_divisionId: string): readonly PipelineDefinition[] {
    return defaultPipelines;
  }

  lossReasons(_divisionId: string): readonly string[] {
    return defaultLossReasons;
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
  requireLossReason(divisionId: string, reason: string, field = 'reason'): void {
    const reasons = this.lossReasons(divisionId);
    if (!reasons.includes(reason)) {
      throw new RequestValidationError([
        { field, message: `must be one of the division's loss reasons (${reasons.join(', ')})` },
      ]);
    }
  }

  /** The named pipeline, or a validation error naming the field and the pipelines there are. */
  pipeline(divisionId: string, pipelineId: string, field = 'pipelineId'): PipelineDefinition {
    const pipeline = this.pipelines(divisionId).find((candidate) => candidate.pipelineId === pipelineId);
    if (pipeline === undefined) {
      const known = this.pipelines(divisionId)
        .map((candidate) => candidate.pipelineId)
        .join(', ');
      throw new RequestValidationError([{ field, message: `is not a pipeline of your division (${known})` }]);
    }
    return pipeline;
  }
}
