import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { PipelineDefinition } from '../domain/pipeline';
import { OpportunityBoard } from './opportunity-board.port';
import { SalesProcessStreams } from './sales-process-streams';

/**
 * Defines or replaces one of the caller's division's pipelines, its stages in order. The division's open deals in
 * the pipeline are counted by stage first, so that a stage that holds some is not removed.
 */
@Injectable()
export class DefinePipelineHandler {
  constructor(
    @Inject(SalesProcessStreams) private readonly salesProcess: SalesProcessStreams,
    @Inject(OpportunityBoard) private readonly board: OpportunityBoard,
  ) {}

  async execute(pipeline: PipelineDefinition, caller: RequestContext, expectedVersion?: number) {
    const openDealsByStage = await this.board.openDealsByStage(caller.divisionId, pipeline.pipelineId);
    return this.salesProcess.run(caller.divisionId, caller, expectedVersion, {
      type: 'DefinePipeline',
      data: { divisionId: caller.divisionId, pipeline, openDealsByStage },
    });
  }
}
