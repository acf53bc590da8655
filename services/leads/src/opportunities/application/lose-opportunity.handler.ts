import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';
import { PipelineCatalog } from './pipeline-catalog';

/** The deal is lost, for one of the division's loss reasons. */
@Injectable()
export class LoseOpportunityHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(PipelineCatalog) private readonly pipelines: PipelineCatalog,
  ) {}

  async execute(
    opportunityId: string,
    reason: string,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    const allowedReasons = await this.pipelines.requireLossReason(caller.divisionId, reason);
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'LoseOpportunity',
      data: { reason, allowedReasons },
    });
  }
}
