import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';
import { PipelineCatalog } from './pipeline-catalog';

/** The deal is won, at its forecast or at the final amount given, for one of the division's won reasons if given. */
@Injectable()
export class WinOpportunityHandler {
  constructor(
    @Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams,
    @Inject(PipelineCatalog) private readonly pipelines: PipelineCatalog,
  ) {}

  async execute(
    opportunityId: string,
    amount: Money | undefined,
    caller: RequestContext,
    expectedVersion?: number,
    reason?: string,
  ): Promise<OpportunityResult> {
    const data =
      reason === undefined ? {} : { reason, allowedReasons: await this.pipelines.wonReasons(caller.divisionId) };
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'WinOpportunity',
      data: { ...(amount === undefined ? {} : { amount }), ...data },
    });
  }
}
