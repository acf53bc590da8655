import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';
import { PipelineCatalog } from './pipeline-catalog';

/** A won or lost deal is open again, at its last stage or the one given. */
@Injectable()
export class ReopenOpportunityHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(PipelineCatalog) private readonly pipelines: PipelineCatalog,
  ) {}

  async execute(
    opportunityId: string,
    stageId: string | undefined,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const pipelines = await this.pipelines.pipelines(caller.divisionId);
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'ReopenOpportunity',
      data: { pipelines, ...(stageId === undefined ? {} : { stageId }) },
    });
  }
}
