import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';
import { PipelineCatalog } from './pipeline-catalog';

/** Moves a deal forward or back in its pipeline. */
@Injectable()
export class MoveOpportunityStageHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(PipelineCatalog) private readonly pipelines: PipelineCatalog,
  ) {}

  async execute(
    opportunityId: string,
    stageId: string,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const pipelines = await this.pipelines.pipelines(caller.divisionId);
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'MoveOpportunityStage',
      data: { pipelines, stageId },
    });
  }
}
