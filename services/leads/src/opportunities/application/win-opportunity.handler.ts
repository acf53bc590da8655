import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import type { OpportunityResult } from './open-opportunity.handler';
import { OpportunityStreams } from './opportunity-streams';

/** The deal is won, at its forecast or at the final amount given. */
@Injectable()
export class WinOpportunityHandler {
  constructor(@Inject(OpportunityStreams) private readonly opportunities: OpportunityStreams) {}

  execute(
    opportunityId: string,
    amount: Money | undefined,
    caller: RequestContext,
    expectedVersion?: number,
  ): Promise<OpportunityResult> {
    return this.opportunities.run(opportunityId, caller, expectedVersion, {
      type: 'WinOpportunity',
      data: amount === undefined ? {} : { amount },
    });
  }
}
